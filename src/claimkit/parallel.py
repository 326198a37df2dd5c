"""One parallel map for every command: forked workers, results in the order of the input.

Workers are forked, so the work and everything it closes over (the rules, a loaded ratings
database, the run's settings) is inherited, never pickled: only the items and the results
cross the pipe. Each worker dies with its parent and leaves Ctrl-C to it
(``claimkit.workers``). Below ``threshold`` items, or where the platform cannot fork, the
map runs in this process: starting workers would cost more than it saves. A worker's own
maps (a huge explainer's duplicate clustering inside ``lint -j 2``) run in the worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64

_work: Callable[[Any], Any] | None = None  # set before the fork, inherited by the workers


def _call(item: Any) -> Any:
    assert _work is not None
    return _work(item)


def _can_fork() -> bool:
    # multiprocessing (with pickle, socket, struct) costs ~5 ms to import: only when it pays.
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def worker_count(jobs: int | None) -> int:
    return jobs or os.cpu_count() or 1


def ordered_map(
    work: Callable[[T], R],
    items: Sequence[T],
    jobs: int | None = None,
    threshold: int = PARALLEL_THRESHOLD,
) -> Iterator[R]:
    """``work(item)`` for every item, in order; on ``jobs`` (default: every core) workers."""
    from claimkit.workers import in_worker

    workers = worker_count(jobs)
    if workers <= 1 or len(items) < threshold or in_worker() or not _can_fork():
        for item in items:
            yield work(item)
        return
    import multiprocessing

    from claimkit.workers import die_with_parent

    global _work
    _work = work
    chunk = max(1, min(256, len(items) // (workers * 8)))
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, die_with_parent, (os.getpid(),)) as pool:
        yield from pool.imap(_call, items, chunksize=chunk)
