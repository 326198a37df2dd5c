"""What a fetch produces and what a claim check concludes: plain data, no network."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


class LinkStatus(enum.StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"  # 4xx/5xx, or a redirect loop / too many redirects
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"  # DNS, connection, TLS
    NOT_HTML = "not-html"
    TOO_LARGE = "too-large"
    REFUSED = "refused"  # scheme or address not allowed (see safety)
    INVALID = "invalid"  # not an absolute http(s) URL (CK201); never fetched
    EXCLUDED = "excluded"  # matched --exclude (and no --include): not checked, not dead

    @property
    def dead(self) -> bool:
        """The link does not lead to the source: a reader following it gets nothing."""
        return self in _DEAD

    @property
    def alive(self) -> bool:
        return self in (LinkStatus.OK, LinkStatus.REDIRECTED)


_DEAD = frozenset(
    {
        LinkStatus.BROKEN,
        LinkStatus.TIMEOUT,
        LinkStatus.UNREACHABLE,
        LinkStatus.REFUSED,
        LinkStatus.INVALID,
    }
)


class MatchKind(enum.StrEnum):
    FOUND = "found"
    PARTLY_FOUND = "partly-found"
    NOT_FOUND = "not-found"
    UNCHECKED = "unchecked"  # no page text to look in (dead link, PDF, too large)


@dataclass(frozen=True, slots=True)
class LinkResult:
    """One fetched URL. ``text`` is the page's extracted main text, when there is one."""

    url: str
    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    error: str | None = None
    content_type: str | None = None
    text: str | None = None
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    kind: MatchKind
    score: float | None  # 0-100; None when unchecked


def page_key(url: str) -> str:
    """The URL as fetched: the fragment never reaches the server, so it does not count."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    return urlunsplit(parts._replace(fragment=""))


def mask_credentials(url: str) -> str:
    """``https://user:pass@host/`` -> ``https://***@host/``: credentials are never shown."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"***@{host}"))


def scrub(message: str, url: str) -> str:
    """Remove a URL's credentials from an error message that may quote them."""
    if "@" not in url:
        return message
    try:
        netloc = urlsplit(url).netloc
    except ValueError:
        return message
    if "@" not in netloc:
        return message
    userinfo = netloc.rsplit("@", 1)[0]
    message = message.replace(url, mask_credentials(url))
    for secret in {userinfo, *userinfo.split(":")}:
        if secret:
            message = message.replace(secret, "***")
    return message


def domain(url: str) -> str:
    """The host to show in tables, without ``www.`` and without credentials."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")
