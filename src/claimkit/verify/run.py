"""A verify run: fetch every URL once (cache first), then match every claim against its page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from claimkit.verify.cache import PageCache
from claimkit.verify.claims import ClaimRef
from claimkit.verify.fetch import Fetcher, FetchOptions
from claimkit.verify.match import FOUND_THRESHOLD, PARTLY_THRESHOLD, match
from claimkit.verify.model import LinkResult, LinkStatus, Match, MatchKind, page_key
from claimkit.verify.pool import run_bounded

DEFAULT_JOBS = 64
DEFAULT_PER_HOST = 8


@dataclass(frozen=True, slots=True)
class ClaimResult:
    ref: ClaimRef
    link: LinkResult | None  # None when the row has no usable URL
    sentence: Match
    context: Match

    @property
    def link_status(self) -> LinkStatus:
        return self.link.status if self.link is not None else LinkStatus.INVALID


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def fetch_all(
    urls: Sequence[str],
    options: FetchOptions,
    cache: PageCache | None = None,
    jobs: int = DEFAULT_JOBS,
    per_host: int = DEFAULT_PER_HOST,
    done: Callable[[str, LinkResult], None] | None = None,
    processes: int | None = None,
) -> dict[str, LinkResult]:
    """URL -> result for each URL, fetched concurrently; fresh cache entries make no request.

    With many URLs, the hosts are shared out among a few worker processes (each with its
    own thread pool): requests, HTML parsing and matching are CPU-bound Python, so one
    process tops out at one core. A host's URLs all go to the same process, so the
    per-host limit still holds for the whole run.
    """
    workers = _process_count(urls, processes)
    if workers <= 1:
        results = _fetch_threads(urls, options, cache, jobs, per_host, done)
    else:
        results = _fetch_processes(urls, options, cache, jobs, per_host, done, workers)
    return {url: results[url] for url in urls}


# Below this many URLs, starting worker processes costs more than it saves.
PROCESS_THRESHOLD = 200
MAX_PROCESSES = 4


def _process_count(urls: Sequence[str], requested: int | None) -> int:
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # spawn would re-import everything per process: not worth it
    hosts = len({_host(url) for url in urls})
    if requested is None:
        if len(urls) < PROCESS_THRESHOLD:
            return 1
        requested = min(os.cpu_count() or 1, MAX_PROCESSES)
    return max(1, min(requested, hosts))


def _fetch_threads(
    urls: Sequence[str],
    options: FetchOptions,
    cache: PageCache | None,
    jobs: int,
    per_host: int,
    done: Callable[[str, LinkResult], None] | None,
) -> dict[str, LinkResult]:
    fetcher = Fetcher(options)

    def one(url: str) -> LinkResult:
        if cache is not None:
            cached = _from_cache(cache, fetcher, url)
            if cached is not None:
                return cached
        result = fetcher.fetch(url)
        if cache is not None:
            cache.put(result)
        return result

    try:
        results = run_bounded(urls, one, _host, jobs, per_host, done)
    finally:
        fetcher.close()
    return dict(zip(urls, results, strict=True))


def _partition(urls: Sequence[str], parts: int) -> list[list[str]]:
    """Whole hosts to each part, largest hosts first onto the lightest part."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(_host(url), []).append(url)
    buckets: list[list[str]] = [[] for _ in range(parts)]
    for group in sorted(by_host.values(), key=len, reverse=True):
        min(buckets, key=len).extend(group)
    return [bucket for bucket in buckets if bucket]


def _child(
    bucket: list[str],
    options: FetchOptions,
    cache: PageCache | None,
    jobs: int,
    per_host: int,
    queue: Any,
) -> None:
    try:
        _fetch_threads(
            bucket, options, cache, jobs, per_host, lambda url, result: queue.put((url, result))
        )
    finally:
        queue.put((None, cache.warning if cache is not None else None))


def _fetch_processes(
    urls: Sequence[str],
    options: FetchOptions,
    cache: PageCache | None,
    jobs: int,
    per_host: int,
    done: Callable[[str, LinkResult], None] | None,
    workers: int,
) -> dict[str, LinkResult]:
    import multiprocessing
    import queue as queues

    context = multiprocessing.get_context("fork")
    buckets = _partition(urls, workers)
    channel = context.Queue()
    share = max(1, jobs // len(buckets))
    children = [
        context.Process(
            target=_child, args=(bucket, options, cache, share, per_host, channel), daemon=True
        )
        for bucket in buckets
    ]
    for child in children:
        child.start()
    results: dict[str, LinkResult] = {}
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
                if payload and cache is not None and cache.warning is None:
                    cache.warning = payload
                continue
            results[url] = payload
            if done is not None:
                done(url, payload)
    finally:
        for child in children:
            child.join(1)
            if child.is_alive():
                child.terminate()
    for url in urls:
        if url not in results:
            results[url] = LinkResult(url, LinkStatus.UNREACHABLE, error="worker process failed")
    return results


def _from_cache(cache: PageCache, fetcher: Fetcher, url: str) -> LinkResult | None:
    cached = cache.get(url)
    if cached is None:
        return None
    # The safety rules may be stricter now (--exclude-private) than when it was cached.
    for hop in (url, cached.final_url):
        if hop is None:
            continue
        try:
            fetcher.guard.check(hop)
        except Exception:
            return None  # fetch it again, which reports the refusal properly
    return cached


def check_claims(
    refs: Sequence[ClaimRef],
    pages: Mapping[str, LinkResult],
    found: float = FOUND_THRESHOLD,
    partly: float = PARTLY_THRESHOLD,
) -> list[ClaimResult]:
    results: list[ClaimResult] = []
    unchecked = Match(MatchKind.UNCHECKED, None)
    for ref in refs:
        link = pages.get(page_key(ref.url)) if ref.url is not None else None
        text = link.text if link is not None else None
        results.append(
            ClaimResult(
                ref,
                link,
                match(ref.sentence, text, found, partly) if ref.sentence else unchecked,
                match(ref.context, text, found, partly) if ref.context else unchecked,
            )
        )
    return results
