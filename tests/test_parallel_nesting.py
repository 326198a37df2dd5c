"""The one parallel map never nests: a worker's own maps run in the worker."""

from __future__ import annotations

import os

from claimkit.parallel import ordered_map


def _inner(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _outer(n: int) -> tuple[list[int], set[int], int]:
    # A map inside a worker (a huge explainer's clustering inside lint -j 2): a pool's
    # worker may not start workers, and the outer map's work must still be its own.
    found = list(ordered_map(_inner, range(n, n + 4), jobs=2, threshold=1))
    return [value for value, _ in found], {pid for _, pid in found}, os.getpid()


def test_a_map_inside_a_worker_runs_in_that_worker() -> None:
    results = list(ordered_map(_outer, range(6), jobs=2, threshold=1))
    assert [values for values, _, _ in results] == [
        [k * k for k in range(n, n + 4)] for n in range(6)
    ]
    for _, pids, worker in results:
        assert pids == {worker} and worker != os.getpid()
