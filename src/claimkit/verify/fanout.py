"""Share a run's URLs out among a few forked worker processes, whole hosts to each.

Fetching and matching are CPU-bound Python (requests, HTML parsing, fuzzy matching), so
one process tops out at one core however many threads it runs. Each worker gets whole
hosts, so the per-host limit still holds for the run; results stream back over a queue
in small batches as they complete (the progress bar moves), and a worker that dies is
noticed.

Workers can be forked before the work is known (``Workers.early``): they import the HTTP
and matching stack on the other cores while the parent is still parsing the explainers,
which takes that import (a tenth of a second) off the run's critical path.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue as queues
import threading
from collections.abc import Callable, Sequence
from typing import Any

# Below this many URLs, starting worker processes costs more than it saves.
THRESHOLD = 200
MAX_PROCESSES = 4
# Explainers this large hold enough claims (~1 KB a row) that the run will likely fan out.
EARLY_BYTES = 128 * 1024

Report = Callable[[str, Any], None]
# Runs one job (a bucket of URLs and what goes with it); returns a warning or None.
Task = Callable[[Any, Report], str | None]


def process_count(urls: Sequence[str], hosts: int, requested: int | None) -> int:
    if not can_fork():
        return 1  # spawn would re-import everything in each process: not worth it
    if requested is None:
        if len(urls) < THRESHOLD:
            return 1
        requested = default_processes()
    return max(1, min(requested, hosts))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def default_processes() -> int:
    return min(os.cpu_count() or 1, MAX_PROCESSES)


def partition(urls: Sequence[str], host: Callable[[str], str], parts: int) -> list[list[str]]:
    """Whole hosts to each part, the largest host first onto the lightest part."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host(url), []).append(url)
    buckets: list[list[str]] = [[] for _ in range(parts)]
    for group in sorted(by_host.values(), key=len, reverse=True):
        min(buckets, key=len).extend(group)
    return [bucket for bucket in buckets if bucket]


class _Batcher:
    """Results go to the parent in small batches: one pickle and one pipe write per batch.

    A batch leaves when it is full or at most ``LAG`` seconds after its first result, so
    the parent's progress bar stays live while it wakes a few times per tick, not per URL.
    """

    SIZE = 64
    LAG = 0.05

    def __init__(self, channel: Any) -> None:
        self._channel = channel
        self._pending: list[tuple[str, Any]] = []
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._tick, name="claimkit-batch", daemon=True)
        self._thread.start()

    def report(self, url: str, payload: Any) -> None:
        with self._lock:
            self._pending.append((url, payload))
            full = len(self._pending) >= self.SIZE
        if full:
            self.flush()
        else:
            self._wake.set()

    def flush(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, []
        if batch:
            self._channel.put(batch)

    def _tick(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._closing.wait(self.LAG):
                return  # close() sends what is left
            self.flush()

    def close(self) -> None:
        self._closing.set()
        self._wake.set()
        self._thread.join()
        self.flush()


def _worker(
    inbox: Any,
    writers: list[Any],
    channel: Any,
    preload: Callable[[], object] | None,
    parent: int,
) -> None:
    from claimkit.workers import die_with_parent

    die_with_parent(parent)
    for writer in writers:
        writer.close()  # only the parent may hold them, so its death reads as EOF here
    if preload is not None:
        preload()
    try:
        order = inbox.recv()
    except EOFError:
        return  # the parent went away before handing out work
    if order is None:
        return  # not needed after all
    task, job = order
    warning: str | None = None
    batcher = _Batcher(channel)
    try:
        warning = task(job, batcher.report)
    finally:
        batcher.close()
        channel.put(warning)  # the goodbye: None or a warning, never a list


class Workers:
    """Forked worker processes, each waiting for one job."""

    def __init__(self, count: int, preload: Callable[[], object] | None = None) -> None:
        context = multiprocessing.get_context("fork")
        self._channel = context.Queue()
        pipes = [context.Pipe(duplex=False) for _ in range(count)]
        self._inboxes: list[Any] = [writer for _, writer in pipes]
        self._children: list[Any] = []
        for reader, _ in pipes:
            child = context.Process(
                target=_worker,
                args=(reader, self._inboxes, self._channel, preload, os.getpid()),
                daemon=True,
            )
            child.start()
            reader.close()
            self._children.append(child)

    @classmethod
    def early(
        cls,
        input_bytes: int,
        requested: int | None,
        preload: Callable[[], object],
        max_count: int,
    ) -> Workers | None:
        """Workers forked now, when the input is big enough that the run will fan out.

        ``max_count`` is the number of requests allowed in flight: never more processes.
        """
        if input_bytes < EARLY_BYTES or not can_fork():
            return None
        count = min(requested if requested is not None else default_processes(), max_count)
        return cls(count, preload) if count > 1 else None

    def __len__(self) -> int:
        return len(self._children)

    def run(
        self, task: Task, jobs: Sequence[Any], done: Report | None
    ) -> tuple[dict[str, Any], list[str]]:
        """``task(job, report)`` for each job, one per worker; (url -> payload, warnings).

        ``task`` must be a module-level function: it travels to the worker by name.
        """
        if len(jobs) > len(self._children):
            raise ValueError(f"{len(jobs)} jobs for {len(self._children)} workers")
        busy = self._children[: len(jobs)]
        try:
            for index, inbox in enumerate(self._inboxes):
                inbox.send((task, jobs[index]) if index < len(jobs) else None)
            return self._collect(busy, done)
        finally:
            self.close()

    def _collect(self, busy: list[Any], done: Report | None) -> tuple[dict[str, Any], list[str]]:
        payloads: dict[str, Any] = {}
        warnings: list[str] = []
        finished = 0
        while finished < len(busy):
            try:
                message = self._channel.get(timeout=0.5)
            except queues.Empty:
                if not any(child.is_alive() for child in busy):
                    break  # a worker died without saying goodbye
                continue
            if not isinstance(message, list):
                finished += 1
                if message:
                    warnings.append(message)
                continue
            for url, payload in message:
                payloads[url] = payload
                if done is not None:
                    done(url, payload)
        return payloads, warnings

    def close(self) -> None:
        """Let idle workers go, and make sure none outlives the run."""
        for inbox in self._inboxes:
            with contextlib.suppress(OSError):
                inbox.send(None)  # a worker that already has its order never reads this
            inbox.close()
        self._inboxes = []
        for child in self._children:
            child.join(1)
            if child.is_alive():
                child.terminate()
        self._children = []
