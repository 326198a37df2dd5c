"""A verify run: fetch every URL once (cache first), then match every claim against its page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
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
) -> dict[str, LinkResult]:
    """URL -> result for each URL, fetched concurrently; fresh cache entries make no request."""
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
