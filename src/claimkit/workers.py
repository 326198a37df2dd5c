"""Worker processes die with the process that forked them.

A killed parent (``kill -9``, a CI job cancelled) used to leave a busy worker running for
minutes on a file nobody would read the result of. On Linux the kernel delivers SIGKILL
to the worker when its parent dies (``prctl(PR_SET_PDEATHSIG)``); the check of the parent
PID afterwards covers a parent that died before the call. Elsewhere this does nothing, and
workers end when they next look for work.
"""

from __future__ import annotations

import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_worker = False


def in_worker() -> bool:
    """Whether this process is one of claimkit's workers: it starts no workers of its own
    (a pool's worker may not, and the machine's cores are taken already)."""
    return _worker


def die_with_parent(parent: int) -> None:
    """Call first thing in a forked worker; ``parent`` is the PID that forked it."""
    global _worker
    _worker = True
    # Ctrl-C reaches the whole process group: the parent alone answers it (one line, exit
    # 130) and ends its workers; a worker's own KeyboardInterrupt would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)  # the parent is already gone
