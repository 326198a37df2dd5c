"""Run work over many items on a bounded thread pool, at most ``per_host`` at once per host.

Items wait in per-host queues and are handed to the pool only when their host has a
free slot, so a long list of URLs on one site never ties up every worker while other
hosts sit idle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def run_bounded(
    items: Sequence[T],
    work: Callable[[T], R],
    host: Callable[[T], str],
    jobs: int,
    per_host: int,
    done: Callable[[T, R], None] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, concurrently; results keep the items' order."""
    results: dict[int, R] = {}
    queues: dict[str, deque[int]] = {}
    for index, item in enumerate(items):
        queues.setdefault(host(item), deque()).append(index)
    busy: dict[str, int] = dict.fromkeys(queues, 0)
    jobs, per_host = max(1, jobs), max(1, per_host)
    running: dict[Future[R], tuple[int, str]] = {}
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="claimkit-fetch") as pool:

        def fill() -> None:
            progressed = True
            while progressed and len(running) < jobs:
                progressed = False
                for name, queue in queues.items():  # round-robin over hosts
                    if len(running) >= jobs:
                        break
                    if queue and busy[name] < per_host:
                        index = queue.popleft()
                        busy[name] += 1
                        running[pool.submit(work, items[index])] = (index, name)
                        progressed = True

        fill()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                index, name = running.pop(future)
                busy[name] -= 1
                result = future.result()
                results[index] = result
                if done is not None:
                    done(items[index], result)
            fill()
    return [results[i] for i in range(len(items))]
