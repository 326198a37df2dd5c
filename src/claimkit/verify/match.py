"""Does a claim's sentence (or its context) occur in a page's main text?

The score is ``claimkit.text.align.alignment_score``, the measure CK302 uses too: both
sides normalised as for duplicate detection with spaces removed, 100 for a verbatim
occurrence, otherwise rapidfuzz's ``partial_ratio`` of the best-aligned stretch.

Thresholds (documented in docs/verify.md): ``found`` from 90, the same bar as CK302
(a word or two of damage, not a different sentence); ``partly-found`` from 70, where
a reworded or truncated quote lands; below that, ``not-found``. Unrelated sentences
against a news article score around 40-55 with this measure, so 70 stays clear of chance.
"""

from __future__ import annotations

from claimkit.text.align import alignment_score as score
from claimkit.verify.model import Match, MatchKind

FOUND_THRESHOLD = 90.0
PARTLY_THRESHOLD = 70.0


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
