"""How alike two normalised sentences are, and whether that makes them duplicates.

Cheap filters on the exact keys decide most pairs (lengths, shared content words, a raw
rapidfuzz Indel ratio ``CANDIDATE_MARGIN`` under the threshold); the survivors go to the
judge (``judge``), which reconciles the forms of one claim, applies the meaning guards
and scores what remains (0-100, rapidfuzz's token-sort ratio of the reconciled words).
The default threshold of 70 is set on the MRPC test split (``bench/bench_dedupe_quality.py``,
figures in ``docs/dedupe.md``): precision 0.97 at recall 0.21 there. Short sentences are
only ever exact duplicates: in five words, one changed word is a different claim.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from claimkit.dedupe.features import STOPWORDS, Features

DEFAULT_THRESHOLD = 70.0
# Below this many words a sentence can only be an exact duplicate.
MIN_NEAR_WORDS = 8
# The raw score a pair needs to be judged at all, this far under the threshold: the
# judge reconciles glued words, synonyms, titles and a dropped attribution, each of which
# costs raw similarity. A bound on the work, not a decision.
CANDIDATE_MARGIN = 25.0


def candidate_cutoff(threshold: float) -> float:
    return max(0.0, threshold - CANDIDATE_MARGIN)


# The share of the shorter sentence's content words the other must have for the pair to
# be judged: below it, no reconciling makes them one claim (on MRPC no flagged pair is
# under 0.43), and the pair is let go before rapidfuzz is even loaded.
MIN_SHARED_WORDS = 0.4


class Candidate:
    """One distinct sentence as the near check sees it.

    A sentence is checked against many others (hundreds in a corpus): its content words
    and its judged features are worked out once, the features only if some pair gets
    as far as the judge.
    """

    __slots__ = ("_features", "_words", "compact", "key", "length", "text")

    def __init__(self, text: str, key: str) -> None:
        self.text = text  # as written: the judge reads capitals and punctuation
        self.key = key  # normalised (``dedupe_key``)
        self.compact = key.replace(" ", "")  # extraction glue ("sectionnear") undone
        self.length = key.count(" ") + 1  # in words
        self._words: frozenset[str] | None = None
        self._features: Features | None = None

    @property
    def words(self) -> frozenset[str]:
        """The key's content words."""
        if self._words is None:
            self._words = frozenset(w for w in self.key.split() if w not in STOPWORDS)
        return self._words

    @property
    def features(self) -> Features:
        if self._features is None:
            self._features = Features(self.text)
        return self._features


def shared_words(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the content words of the sentence with fewer that the other has too."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 1.0


class Kind(StrEnum):
    EXACT = "exact"
    NEAR = "near"


class MatchRule(StrEnum):
    """Which test made a pair duplicates; reported with every pair."""

    IDENTICAL = "identical"  # the same sentence, character for character
    NORMALISED = "normalised"  # the same after normalisation (case, quotes, hyphens, ...)
    SIMILAR = "similar"  # at the threshold after reconciling, and no guard blocks


@dataclass(frozen=True, slots=True)
class Match:
    kind: Kind
    rule: MatchRule
    score: float  # 0-100

    @property
    def reason(self) -> str:
        if self.rule is MatchRule.IDENTICAL:
            return "identical sentence"
        if self.rule is MatchRule.NORMALISED:
            return "identical after normalisation"
        return f"similarity {self.score:.1f}; same numbers, negations, names and relations"


def validate_threshold(value: float) -> float:
    if not 0 < value <= 100:
        raise ValueError(f"threshold must be in (0, 100], got {value:g}")
    return value


def score(a: str, b: str, cutoff: float = 0.0) -> float:
    """0-100 similarity of two normalised sentences; 0 when below ``cutoff``."""
    from rapidfuzz.fuzz import ratio

    return float(ratio(a, b, score_cutoff=cutoff))


def could_reach(len_a: int, len_b: int, threshold: float) -> bool:
    """Whether two strings of these lengths can score ``threshold`` at all (cheap filter)."""
    total = len_a + len_b
    return total > 0 and 200.0 * min(len_a, len_b) / total >= threshold


def shared_characters_bound(a: Counter[str], b: Counter[str], total: int) -> float:
    """An upper bound of ``score`` from the two sentences' character counts alone.

    Every character one sentence has more of than the other must be inserted or deleted,
    so the Indel distance is at least the L1 distance of the counts; ``total`` is the two
    lengths added up. Cheap for a few sentences, and needs no rapidfuzz.
    """
    if total == 0:
        return 100.0
    difference = sum(abs(n - b[char]) for char, n in a.items())
    difference += sum(n for char, n in b.items() if char not in a)
    return 100.0 * (1.0 - difference / total)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a pair is not a near duplicate."""

    reason: str
    score: float | None = None  # the judged similarity, when the pair got that far
    guarded: bool = False  # a guard blocked it (a look-alike), not the score


def near_check(
    first: Candidate, second: Candidate, threshold: float, explain: bool = True
) -> Match | Rejection:
    """A near-duplicate match of two different normalised sentences, or why not.

    Cheap filters on the exact keys come first (length, shared words, a raw score well
    under the threshold); the features are computed, and the judge run, only for pairs
    that pass them (most candidates do not). Without ``explain`` a miss costs one cut-off
    comparison and a terse reason, and a pair a closed class tells apart is not scored.
    """
    a, b = first.key, second.key
    short = first.length < MIN_NEAR_WORDS or second.length < MIN_NEAR_WORDS
    if short and first.compact != second.compact:  # short: only extraction glue may differ
        return Rejection("too short for a near match")
    cutoff = candidate_cutoff(threshold)
    if not could_reach(len(a), len(b), cutoff):
        return Rejection("lengths too different")
    if shared_words(first.words, second.words) < MIN_SHARED_WORDS:
        return Rejection("too few words in common")
    raw = score(a, b, 0.0 if explain else cutoff)  # a cut-off lets rapidfuzz stop early
    if raw < cutoff:
        return Rejection(f"similarity {raw:.1f} below {threshold:g}" if explain else "dissimilar")
    from claimkit.dedupe.judge import judge

    verdict = judge(first.features, second.features, score_blocked=explain)
    if verdict.blocked is not None:
        return Rejection(verdict.blocked, verdict.score, guarded=True)
    if verdict.score < threshold:
        return Rejection(f"similarity {verdict.score:.1f} below {threshold:g}", verdict.score)
    return Match(Kind.NEAR, MatchRule.SIMILAR, verdict.score)


def near_match(
    first: Candidate, second: Candidate, threshold: float, explain: bool = True
) -> tuple[Match | None, str | None]:
    """``near_check`` as (match, None) or (None, reason)."""
    found = near_check(first, second, threshold, explain)
    if isinstance(found, Match):
        return found, None
    return None, found.reason
