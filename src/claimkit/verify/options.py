"""How to fetch: timeouts, retries, limits. Plain data, so a run can be planned (and sent
to worker processes) without importing the HTTP stack."""

from __future__ import annotations

from dataclasses import dataclass

from claimkit import __version__

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
