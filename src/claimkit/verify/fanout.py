"""Share a run's URLs out among a few forked worker processes, whole hosts to each.

Fetching and matching are CPU-bound Python (requests, HTML parsing, fuzzy matching), so
one process tops out at one core however many threads it runs. Each worker gets whole
hosts, so the per-host limit still holds for the run; results stream back over a queue
as they complete (the progress bar moves), and a worker that dies is noticed.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
from collections.abc import Callable, Sequence
from typing import Any

# Below this many URLs, starting worker processes costs more than it saves.
THRESHOLD = 200
MAX_PROCESSES = 4

Report = Callable[[str, Any], None]
Part = Callable[[list[str], Report], str | None]  # runs one bucket; returns a warning or None


def process_count(urls: Sequence[str], hosts: int, requested: int | None) -> int:
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # spawn would re-import everything in each process: not worth it
    if requested is None:
        if len(urls) < THRESHOLD:
            return 1
        requested = min(os.cpu_count() or 1, MAX_PROCESSES)
    return max(1, min(requested, hosts))


def partition(urls: Sequence[str], host: Callable[[str], str], parts: int) -> list[list[str]]:
    """Whole hosts to each part, the largest host first onto the lightest part."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(host(url), []).append(url)
    buckets: list[list[str]] = [[] for _ in range(parts)]
    for group in sorted(by_host.values(), key=len, reverse=True):
        min(buckets, key=len).extend(group)
    return [bucket for bucket in buckets if bucket]


def _child(bucket: list[str], part: Part, channel: Any) -> None:
    warning: str | None = None
    try:
        warning = part(bucket, lambda url, payload: channel.put((url, payload)))
    finally:
        channel.put((None, warning))


def fan_out(
    buckets: list[list[str]], part: Part, done: Report | None
) -> tuple[dict[str, Any], list[str]]:
    """Run ``part`` on each bucket in its own process; (url -> payload, warnings)."""
    context = multiprocessing.get_context("fork")
    channel = context.Queue()
    children = [
        context.Process(target=_child, args=(bucket, part, channel), daemon=True)
        for bucket in buckets
    ]
    for child in children:
        child.start()
    payloads: dict[str, Any] = {}
    warnings: list[str] = []
    finished = 0
    try:
        while finished < len(children):
            try:
                url, payload = channel.get(timeout=0.5)
            except queues.Empty:
                if not any(child.is_alive() for child in children):
                    break  # a worker died without saying goodbye
                continue
            if url is None:
                finished += 1
                if payload:
                    warnings.append(payload)
                continue
            payloads[url] = payload
            if done is not None:
                done(url, payload)
    finally:
        for child in children:
            child.join(1)
            if child.is_alive():
                child.terminate()
    return payloads, warnings
