"""How well a quote occurs in a longer text: one measure for CK302, CK502 and verify.

Both sides go through ``compact`` (the shared normalisation, with spaces removed so that
extraction damage on either side, ``Irans`` for ``Iran's`` or ``andmore``, still lines
up). A verbatim occurrence scores 100; otherwise the score is rapidfuzz's
``partial_ratio``: the similarity (0-100) of the best-aligned stretch of the text.
"""

from __future__ import annotations

from functools import lru_cache

from claimkit.text.normalize import compact


@lru_cache(maxsize=256)
def _compact_text(text: str) -> str:
    # Cached: a page (or a context) is searched once per claim that cites it.
    return compact(text)


def alignment_score(quote: str, text: str) -> float:
    """0-100: how well ``quote`` aligns with the best stretch of ``text``."""
    if quote in text:  # the common case, verbatim: no normalisation needed
        return 100.0
    needle, haystack = compact(quote), _compact_text(text)
    if not needle:
        return 100.0
    if not haystack:
        return 0.0
    if needle in haystack:
        return 100.0
    from rapidfuzz import fuzz  # only for the rare quotes that are not verbatim

    if len(needle) > len(haystack):
        # partial_ratio would align the text inside the quote: a short text would "match".
        return float(fuzz.ratio(needle, haystack))
    return float(fuzz.partial_ratio(needle, haystack))
