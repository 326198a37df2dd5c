"""CK201 invalid-source-url."""

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule

# The shape of nearly every valid source URL; anything else takes the careful path below.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^\s]*)?")
_SPACE = re.compile(r"\s")


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an absolute http(s) link, or None when it is one."""
    if _PLAIN_URL.fullmatch(url):
        return None
    if not url:
        return "source link is empty"
    if _SPACE.search(url):
        return f'source URL "{url}" contains whitespace'
    if url.startswith("//"):
        return f'source URL "{url}" is protocol-relative; write https:'
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f'source URL "{url}" cannot be parsed ({exc})'
    if not parts.scheme:
        return f'source URL "{url}" has no scheme (http:// or https://)'
    if parts.scheme.lower() not in ("http", "https"):
        return f'source URL "{url}" is not http(s)'
    if not parts.hostname or "." not in parts.hostname.strip("."):
        return f'source URL "{url}" has no valid host'
    return None


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.rows:
        source = claim.source
        assert source is not None
        if source.url is None:
            yield Finding(claim.row, f"claim {claim.id} has no source link")
            continue
        problem = url_problem(source.url.value)
        if problem is not None:
            yield Finding(source.url.span or claim.row, problem)


RULE = Rule(
    code="CK201",
    name="invalid-source-url",
    severity=Severity.ERROR,
    summary="A claim's source link is missing, not an absolute http(s) URL, or unparsable.",
    rationale=(
        "The source link is how a reader checks the quote. A URL without a scheme "
        "(`www.example.com/x`) or a protocol-relative one (`//example.com/x`) becomes a link "
        "relative to the explainer's own site, and `javascript:` or `file:` links are unsafe. "
        "A row with an invalid URL is not looked up in the ratings database."
    ),
    check=check,
    bad='<a href="www.example.com/story" target="_blank">Example News</a>',
    good='<a href="https://www.example.com/story" target="_blank">Example News</a>',
)
