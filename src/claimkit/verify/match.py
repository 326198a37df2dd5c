"""Does a claim's sentence (or its context) occur in a page's main text?

Both sides go through ``claimkit.text.normalize.compact`` (the normalisation CK301, CK302
and dedupe use, with spaces then removed so that extraction damage on either side,
``Irans`` for ``Iran's`` or ``andmore``, still lines up). A verbatim occurrence scores
100; otherwise the score is rapidfuzz's ``partial_ratio``: the similarity (0-100) of
the best-aligned stretch of the page.

Thresholds (documented in docs/verify.md): ``found`` from 90, the same bar as CK302
(a word or two of damage, not a different sentence); ``partly-found`` from 70, where
a reworded or truncated quote lands; below that, ``not-found``. Unrelated sentences
against a news article score around 40-55 with this measure, so 70 stays clear of chance.
"""

from __future__ import annotations

from functools import lru_cache

from claimkit.text.normalize import compact
from claimkit.verify.model import Match, MatchKind

FOUND_THRESHOLD = 90.0
PARTLY_THRESHOLD = 70.0


@lru_cache(maxsize=256)
def _page(text: str) -> str:
    return compact(text)


def score(quote: str, page_text: str) -> float:
    """0-100: how well ``quote`` aligns with the best stretch of ``page_text``."""
    needle, haystack = compact(quote), _page(page_text)
    if not needle:
        return 100.0
    if not haystack:
        return 0.0
    if needle in haystack:
        return 100.0
    from rapidfuzz import fuzz

    if len(needle) > len(haystack):
        # partial_ratio would align the page inside the quote: a short page would "match".
        return float(fuzz.ratio(needle, haystack))
    return float(fuzz.partial_ratio(needle, haystack))


def classify(
    value: float, found: float = FOUND_THRESHOLD, partly: float = PARTLY_THRESHOLD
) -> MatchKind:
    if value >= found:
        return MatchKind.FOUND
    if value >= partly:
        return MatchKind.PARTLY_FOUND
    return MatchKind.NOT_FOUND


def match(
    quote: str,
    page_text: str | None,
    found: float = FOUND_THRESHOLD,
    partly: float = PARTLY_THRESHOLD,
) -> Match:
    if page_text is None:
        return Match(MatchKind.UNCHECKED, None)
    value = round(score(quote, page_text), 1)
    return Match(classify(value, found, partly), value)
