"""Run work over many items on a bounded set of threads, at most ``per_host`` at once per host.

Items wait in per-host queues; a thread takes the next item from the next host that has
a free slot (round-robin), so a long list of URLs on one site never ties up every thread
while other hosts sit idle. Results come back to the calling thread through one queue,
which calls ``done`` for each: a progress bar is only ever touched from one thread.

Hand-rolled rather than ``ThreadPoolExecutor`` + ``wait(FIRST_COMPLETED)``: ``wait``
hooks a waiter into every running future on each call, which cost 0.17 ms of CPU per item
at 64 in flight, about a tenth of what fetching a page costs.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from queue import Empty, SimpleQueue
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


class _Scheduler:
    """Which item runs next: round-robin over hosts that are below their limit."""

    def __init__(self, hosts: Sequence[str], per_host: int) -> None:
        self._pending: dict[str, deque[int]] = {}
        for index, name in enumerate(hosts):
            self._pending.setdefault(name, deque()).append(index)
        self._hosts = list(hosts)
        self._busy: dict[str, int] = dict.fromkeys(self._pending, 0)
        self._ready: deque[str] = deque(self._pending)  # hosts with work and a free slot
        self._left = len(hosts)
        self._per_host = per_host
        self._changed = threading.Condition()

    def take(self) -> int | None:
        """The next item's index; None once nothing is left (or the run was stopped)."""
        with self._changed:
            while not self._ready:
                if self._left == 0:
                    return None
                self._changed.wait()  # every pending item's host is at its limit
            name = self._ready.popleft()
            queue = self._pending[name]
            index = queue.popleft()
            self._left -= 1
            self._busy[name] += 1
            if queue and self._busy[name] < self._per_host:
                self._ready.append(name)
            if self._left == 0:
                self._changed.notify_all()  # let idle threads see that the work ran out
            return index

    def release(self, index: int) -> None:
        name = self._hosts[index]
        with self._changed:
            self._busy[name] -= 1
            # The host left the ready list when it reached its limit (or ran dry).
            if self._pending[name] and self._busy[name] == self._per_host - 1:
                self._ready.append(name)
                self._changed.notify()

    def stop(self) -> None:
        """Hand out nothing more; threads finish their current item and exit."""
        with self._changed:
            for queue in self._pending.values():
                queue.clear()
            self._ready.clear()
            self._left = 0
            self._changed.notify_all()


class _Failed:
    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error


def run_bounded(
    items: Sequence[T],
    work: Callable[[T], R],
    host: Callable[[T], str],
    jobs: int,
    per_host: int,
    done: Callable[[T, R], None] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, concurrently; results keep the items' order.

    The first exception raised by ``work`` stops the run (items not yet started are
    dropped) and is raised here once the running items have finished.
    """
    if not items:
        return []
    scheduler = _Scheduler([host(item) for item in items], max(1, per_host))
    finished: SimpleQueue[tuple[int, R | _Failed]] = SimpleQueue()

    def worker() -> None:
        while (index := scheduler.take()) is not None:
            outcome: R | _Failed
            try:
                outcome = work(items[index])
            except BaseException as exc:
                outcome = _Failed(exc)
                scheduler.stop()
            scheduler.release(index)
            finished.put((index, outcome))

    threads = [
        threading.Thread(target=worker, name=f"claimkit-fetch-{n}", daemon=True)
        for n in range(min(max(1, jobs), len(items)))
    ]
    for thread in threads:
        thread.start()
    results: dict[int, R] = {}
    error: BaseException | None = None
    reported = 0
    try:
        # Every item taken is reported exactly once; after a failure, the threads stop
        # taking items, so wait for them instead of for the count.
        while reported < len(items) and (error is None or any(t.is_alive() for t in threads)):
            try:
                index, outcome = finished.get(timeout=0.5)
            except Empty:
                continue
            reported += 1
            if isinstance(outcome, _Failed):
                error = error or outcome.error
            elif error is None:
                results[index] = outcome
                if done is not None:
                    done(items[index], outcome)
    except BaseException:
        scheduler.stop()
        raise
    for thread in threads:
        thread.join()
    if error is not None:
        raise error
    return [results[i] for i in range(len(items))]
