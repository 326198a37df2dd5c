"""A verify run: fetch every URL once (cache first) and match its claims as it arrives.

Each URL is one unit of work: fetch (or read the cache), then match the claims that cite
it against the page's text, in the same worker, so matching overlaps with the network
waits of other fetches (and runs on several cores when the run fans out to processes).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from claimkit.verify.cache import PageCache
from claimkit.verify.claims import ClaimRef
from claimkit.verify.match import FOUND_THRESHOLD, PARTLY_THRESHOLD, match
from claimkit.verify.model import LinkResult, LinkStatus, Match, MatchKind, page_key
from claimkit.verify.options import FetchOptions

if TYPE_CHECKING:
    from claimkit.verify.fanout import Workers
    from claimkit.verify.fetch import Fetcher

# lychee's defaults (128 requests in flight, 10 per host): polite to any one site, and
# enough in flight that a thousand sources take seconds, not minutes.
DEFAULT_JOBS = 128
DEFAULT_PER_HOST = 10
_UNCHECKED = Match(MatchKind.UNCHECKED, None)


@dataclass(frozen=True, slots=True)
class Plan:
    """How to run: fetch options, cache, concurrency and match thresholds."""

    options: FetchOptions = dataclasses.field(default_factory=FetchOptions)
    cache: PageCache | None = None
    jobs: int = DEFAULT_JOBS
    per_host: int = DEFAULT_PER_HOST
    processes: int | None = None  # None: decide from the number of URLs and cores
    found: float = FOUND_THRESHOLD
    partly: float = PARTLY_THRESHOLD


@dataclass(frozen=True, slots=True)
class ClaimResult:
    ref: ClaimRef
    link: LinkResult | None  # None when the row has no usable URL
    sentence: Match
    context: Match

    @property
    def link_status(self) -> LinkStatus:
        return self.link.status if self.link is not None else LinkStatus.INVALID


@dataclass(frozen=True, slots=True)
class _Outcome:
    link: LinkResult
    matches: tuple[tuple[int, Match, Match], ...]  # (claim index, sentence, context)


Progress = Callable[[str, LinkResult], None]


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _from_cache(cache: PageCache, fetcher: Fetcher, url: str) -> LinkResult | None:
    from claimkit.verify.safety import Refused, Unresolvable

    cached = cache.get(url)
    if cached is None:
        return None
    code = cached.http_status
    if code is not None and code >= 400 and code in fetcher.options.accept:
        return None  # an error status this run accepts: ask again rather than call it broken
    # The safety rules may be stricter now (--exclude-private) than when it was cached.
    for hop in (url, cached.final_url):
        if hop is None:
            continue
        try:
            fetcher.guard.check(hop)
        except (Refused, Unresolvable):
            return None  # fetch it again, which reports the refusal properly
    return cached


def _run_threads(
    urls: Sequence[str],
    plan: Plan,
    claims: Mapping[str, Sequence[tuple[int, ClaimRef]]],
    keep_text: bool,
    done: Callable[[str, _Outcome], None] | None,
) -> dict[str, _Outcome]:
    from claimkit.verify.fetch import Fetcher
    from claimkit.verify.pool import run_bounded

    fetcher = Fetcher(dataclasses.replace(plan.options, pool_size=plan.jobs))
    cache = plan.cache

    def one(url: str) -> _Outcome:
        link = fetcher.excluded(url)
        if link is None and cache is not None:
            link = _from_cache(cache, fetcher, url)
        if link is None:
            link = fetcher.fetch(url)
            if cache is not None:
                cache.put(link)
        found = tuple(
            (
                index,
                match(ref.sentence, link.text, plan.found, plan.partly)
                if ref.sentence
                else _UNCHECKED,
                match(ref.context, link.text, plan.found, plan.partly)
                if ref.context
                else _UNCHECKED,
            )
            for index, ref in claims.get(url, ())
        )
        if not keep_text:
            link = dataclasses.replace(link, text=None)  # matched; no need to carry it on
        return _Outcome(link, found)

    try:
        outcomes = run_bounded(urls, one, _host, plan.jobs, plan.per_host, done)
    finally:
        fetcher.close()
    return dict(zip(urls, outcomes, strict=True))


_Claims = Mapping[str, Sequence[tuple[int, ClaimRef]]]
_Job = tuple[list[str], Plan, _Claims, bool]


def _run_bucket(job: _Job, report: Callable[[str, _Outcome], None]) -> str | None:
    """One worker process's share of a run; its warning about the cache, if any."""
    bucket, plan, claims, keep_text = job
    _run_threads(bucket, plan, claims, keep_text, report)
    return plan.cache.warning if plan.cache is not None else None


def preload() -> None:
    """What a worker forked before the run imports while the parent parses."""


def _run(
    urls: Sequence[str],
    plan: Plan,
    claims: _Claims,
    keep_text: bool,
    progress: Progress | None,
    workers: Workers | None = None,
) -> dict[str, _Outcome]:
    from claimkit.verify import fanout

    def done(url: str, outcome: _Outcome) -> None:
        if progress is not None:
            progress(url, outcome.link)

    hosts = len({_host(url) for url in urls})
    # Never more processes than requests allowed in flight: --jobs 1 means one at a time.
    count = min(fanout.process_count(urls, hosts, plan.processes), plan.jobs)
    if workers is not None:
        count = min(count, len(workers))
    if count <= 1:
        if workers is not None:
            workers.close()
        return _run_threads(urls, plan, claims, keep_text, done)
    buckets = fanout.partition(urls, _host, count)
    share = dataclasses.replace(plan, jobs=max(1, plan.jobs // len(buckets)))
    jobs: list[_Job] = [
        (bucket, share, {url: claims[url] for url in bucket if url in claims}, keep_text)
        for bucket in buckets
    ]
    pool = workers if workers is not None else fanout.Workers(len(jobs))
    outcomes, warnings = pool.run(_run_bucket, jobs, done)
    if warnings and plan.cache is not None and plan.cache.warning is None:
        plan.cache.warning = warnings[0]
    for url in urls:
        if url not in outcomes:
            failed = LinkResult(url, LinkStatus.UNREACHABLE, error="worker process failed")
            outcomes[url] = _Outcome(failed, ())
    return {url: outcomes[url] for url in urls}


def fetch_all(
    urls: Sequence[str], plan: Plan, progress: Progress | None = None
) -> dict[str, LinkResult]:
    """URL -> result (with the page's text), each URL fetched once, concurrently."""
    outcomes = _run(urls, plan, {}, True, progress)
    return {url: outcome.link for url, outcome in outcomes.items()}


def verify(
    refs: Sequence[ClaimRef],
    plan: Plan,
    progress: Progress | None = None,
    workers: Workers | None = None,
) -> tuple[dict[str, LinkResult], list[ClaimResult]]:
    """Fetch every source once and match each claim against its page.

    ``workers``, forked early by the caller, run the fetching when the run fans out;
    they are closed either way.
    """
    by_url: dict[str, list[tuple[int, ClaimRef]]] = {}
    for index, ref in enumerate(refs):
        if ref.url is not None:
            by_url.setdefault(page_key(ref.url), []).append((index, ref))
    outcomes = _run(list(by_url), plan, by_url, False, progress, workers)
    results: list[ClaimResult] = [ClaimResult(ref, None, _UNCHECKED, _UNCHECKED) for ref in refs]
    links: dict[str, LinkResult] = {}
    for url, outcome in outcomes.items():
        links[url] = outcome.link
        for index, sentence, context in outcome.matches:
            results[index] = ClaimResult(refs[index], outcome.link, sentence, context)
    return links, results
