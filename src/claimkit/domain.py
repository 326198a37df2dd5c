"""The few facts about sources that rules, ratings, the report and verify all share.

One vocabulary of bias labels (the spec's §2 list and §4 scale) and one test of a source
URL, so that CK201, CK204, the ratings database, the bias report and verify can never
disagree about what is a label or a link.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from claimkit import lazy_re

# The ratings a database entry may carry, from left to right, then "Mixed".
RATED_LABELS: tuple[str, ...] = ("Left", "Lean Left", "Center", "Lean Right", "Right", "Mixed")
UNRATED = "N/A"
# What an inline BiasChart may say: a rating, or that the source is unrated.
BIAS_LABELS: tuple[str, ...] = (*RATED_LABELS, UNRATED)
# The bias report's columns: the same labels, with the unrated ones counted as "Unrated".
REPORT_LABELS: tuple[str, ...] = (*RATED_LABELS, "Unrated")
# Spec §4: numbers for the mean lean; Mixed and unrated are left out of it.
SCALE: dict[str, int] = {"Left": -2, "Lean Left": -1, "Center": 0, "Lean Right": 1, "Right": 2}

# The shape of nearly every valid source URL; anything else takes the careful path below.
_PLAIN_URL = lazy_re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][^\s]*)?")
_SPACE = lazy_re.compile(r"\s")


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
