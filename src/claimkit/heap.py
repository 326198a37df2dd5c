"""Cyclic garbage collection paused while a run builds what holds no cycles.

A corpus lint keeps every finding until the report is written: 270,000 of them for the
generated 10,000-file corpus, built from the cache's JSON or unpickled from the workers.
Each of Python's full collections scans all of them again, and they came to half of a
warm run's time. Findings, results and parsed documents hold no reference cycles (a test
lints corpora and real files and finds no cyclic garbage), so nothing is lost by not
collecting while they are built; what was built is then frozen (``gc.freeze``), so that
later collections do not scan it either.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def acyclic_build() -> Iterator[None]:
    """Collection off inside (and in workers forked inside); on, as before, after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
