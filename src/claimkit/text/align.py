"""How well a quote occurs in a longer text: one measure for CK302, CK502 and verify.

Both sides go through ``compact`` (the shared normalisation, with spaces removed so that
extraction damage on either side, ``Irans`` for ``Iran's`` or ``andmore``, still lines
up). A verbatim occurrence scores 100; otherwise the score is rapidfuzz's
``partial_ratio``: the similarity (0-100) of the best-aligned stretch of the text.

``partial_ratio`` costs about quote^2 x text, so a 10,000-character sentence against a
40,000-character context took 40 s. Above a work budget the alignment goes by words
instead: one linear pass finds the stretches of the text that share the most words with
the quote, and only those few are compared, each by ``ratio`` (quote x stretch). Every
quote of a real explainer stays under the budget and scores exactly as before.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from claimkit.text.normalize import compact, normalize

# quote^2 x text, in characters: about 50 ms of partial_ratio (1,000 against 20,000).
WORK_BUDGET = 2 * 10**10
# Stretches compared in full when the budget is exceeded, and shifts tried around each;
# the comparisons stop at RATIO_BUDGET (quote^2 each, about half a second in all).
CANDIDATES = 4
SHIFTS = (0, -1, 1, -2, 2)
RATIO_BUDGET = 4 * 10**9


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
    if len(needle) ** 2 * len(haystack) <= WORK_BUDGET:
        return float(fuzz.partial_ratio(needle, haystack))
    return _by_words(needle, normalize(quote).split(), normalize(text).split())


def _by_words(needle: str, quote: list[str], words: list[str]) -> float:
    """The best ``ratio`` of the quote against the stretches of ``words`` most like it."""
    from rapidfuzz import fuzz

    size = len(quote)
    if size == 0 or len(words) <= size:
        return float(fuzz.ratio(needle, "".join(words)))
    starts = _best_windows(quote, words)
    tries = [start + shift for shift in SHIFTS for start in starts]
    best = 0.0
    for start in tries[: max(1, RATIO_BUDGET // len(needle) ** 2)]:
        begin = min(max(0, start), len(words) - size)
        stretch = "".join(words[begin : begin + size])
        best = max(best, fuzz.ratio(needle, stretch))
    return best


def _best_windows(quote: list[str], words: list[str]) -> list[int]:
    """Starts of the ``size``-word windows sharing the most words with the quote (linear)."""
    size = len(quote)
    wanted = Counter(quote)
    have: Counter[str] = Counter()
    shared = 0
    scores: list[tuple[int, int]] = []
    for index, word in enumerate(words):
        if wanted[word]:
            have[word] += 1
            if have[word] <= wanted[word]:
                shared += 1
        if index >= size:
            old = words[index - size]
            if wanted[old]:
                if have[old] <= wanted[old]:
                    shared -= 1
                have[old] -= 1
        if index >= size - 1:
            scores.append((shared, index - size + 1))
    chosen: list[int] = []
    # Highest first; windows overlapping a chosen one by more than half are the same place.
    for _, start in sorted(scores, key=lambda pair: (-pair[0], pair[1])):
        if all(abs(start - other) > size // 2 for other in chosen):
            chosen.append(start)
            if len(chosen) == CANDIDATES:
                break
    return chosen
