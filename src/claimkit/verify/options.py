"""How to fetch: timeouts, retries, limits. Plain data, so a run can be planned (and sent
to worker processes) without importing the HTTP stack."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimkit.version import __version__

USER_AGENT = f"claimkit/{__version__} (source checker; +https://pypi.org/project/claimkit/)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0  # the whole request: connect, headers and body together
    retries: int = 2  # extra attempts after connection errors, 429 and 5xx
    backoff: float = 0.5  # first wait; doubles on each retry
    max_retry_wait: float = 30.0  # a longer Retry-After gives up instead of waiting
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    exclude_private: bool = False
    user_agent: str = USER_AGENT
    pool_size: int = 32
    # lychee's URL filters: regular expressions searched in the URL. A URL matching an
    # exclude is not fetched, unless it also matches an include (include wins).
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    # HTTP status codes that count as a live link (e.g. 403 from a site that blocks bots).
    accept: frozenset[int] = frozenset()

    def excluded(self, url: str) -> str | None:
        """The exclude pattern that keeps ``url`` from being fetched, or None."""
        if not self.exclude:
            return None
        if any(re.search(pattern, url) for pattern in self.include):
            return None
        return next((pattern for pattern in self.exclude if re.search(pattern, url)), None)


_RANGE = re.compile(r"^\s*(\d{3})\s*(?:(\.\.=|\.\.|-)\s*(\d{3}))?\s*$")


def parse_accept(items: Iterable[str | int]) -> frozenset[int]:
    """``["200..=299", "403", 429]`` -> status codes; lychee's ranges (``a..=b`` inclusive,
    ``a..b`` exclusive) and ``a-b`` (inclusive). ValueError with the offending item."""
    codes: set[int] = set()
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int | str):
            raise ValueError(f"not a status code or range: {item!r}")
        parts = [item] if isinstance(item, int) else [p for p in item.split(",") if p.strip()]
        for part in parts:
            if isinstance(part, int):
                low, high = part, part
            else:
                found = _RANGE.match(part)
                if found is None:
                    raise ValueError(f"not a status code or range: {part!r} (e.g. 403, 200..=299)")
                low = int(found[1])
                high = int(found[3]) if found[3] else low
                if found[2] == "..":
                    high -= 1
            if not 100 <= low <= high <= 599:
                raise ValueError(f"status codes run from 100 to 599: {item!r}")
            codes.update(range(low, high + 1))
    return frozenset(codes)


def check_patterns(patterns: Iterable[str]) -> str | None:
    """Why one of ``patterns`` is not a regular expression, or None."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"invalid regular expression {pattern!r}: {exc}"
    return None
