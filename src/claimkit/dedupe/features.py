"""What must not differ between two near-duplicate sentences: numbers, negations, names.

A near-identical sentence that changes one of these says something else ("450 drones"
vs "1,000 drones", "is likely" vs "is not likely", "Iran sent" vs "Syria sent"), and
merging it would silently change what a document claims. The guards work on the
normalised words (``text.normalize``) plus, for names, the capitalisation of the
original sentence, which normalisation folds away.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from claimkit.text.normalize import normalize

# Number words count as numbers: "three officials" is not "four officials", and
# "three" == "3". "one" is left out: it is a pronoun as often as a number.
_NUMBER_WORDS = {
    "zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
    "trillion": "1000000000000", "half": "0.5", "dozen": "12", "dozens": "12+",
    "hundreds": "100+", "thousands": "1000+", "millions": "1000000+", "billions": "1000000000+",
}  # fmt: skip

# Every form reads as one "not", so "isn't" (normalised "isnt") equals "is not".
_NEGATIONS = {
    "not": "not", "no": "no", "never": "never", "nor": "nor", "neither": "neither",
    "none": "none", "nothing": "nothing", "nobody": "nobody", "nowhere": "nowhere",
    "without": "without", "cannot": "not", "unlikely": "unlikely", "nt": "not",
}  # fmt: skip
_CONTRACTIONS = {
    "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "couldnt",
    "wont", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt",
    "aint", "mightnt", "shant",
}  # fmt: skip

# Certainty changes the claim as much as a negation: "Iran sent" is not "Iran may have sent".
_HEDGE_WORDS = (
    "likely possibly probably perhaps reportedly allegedly apparently may might could can "
    "would should must will"
)
_HEDGES = frozenset(_HEDGE_WORDS.split())

# Function words that start sentences: capitalised there without being names.
_STOPWORD_TEXT = """
    a about above after again against all also although an and any are as at be because
    been before being below between both but by can could did do does doing down during each
    even every few for from further had has have having he her here hers him his how however if
    in into is it its itself just least less many may meanwhile might more most much must my
    nearly new now of off often on once only or other our out over own per perhaps same she
    should since so some still such than that the their them then there these they this those
    though through thus to too under until up upon us very was we were what when where whether
    which while who whom whose why will with within would yet you your additionally according
    despite instead moreover overall"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Capitalised by convention, not names: "said on Tuesday" added to a sentence is a detail,
# not another actor. Two different ones ("Monday" for "Tuesday") are still a swap of
# content words, which the wording guard blocks.
_CALENDAR_TEXT = """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec"""
CALENDAR_WORDS = frozenset(_CALENDAR_TEXT.split())

# Two words this alike (rapidfuzz ratio) are one word spelt two ways.
SPELLING_SIMILARITY = 80.0

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?:;]['\"\u2019\u201d)]*$")


def canonical_number(token: str) -> str | None:
    """The value of a numeric token as a canonical string, or None when it is no number."""
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    if not token[:1].isdigit():
        return None
    from decimal import Decimal, InvalidOperation  # 4 ms to import; most lint runs never get here

    digits = re.match(r"\d+(?:\.\d+)?", token)
    if digits is None:
        return None
    try:
        value = Decimal(digits[0]).normalize()
    except InvalidOperation:
        return None
    unit = token[digits.end() :]  # "450km", "3rd", "10m": the unit is part of the number
    return f"{value:f}{unit}"


def negation(token: str) -> str | None:
    if token in _NEGATIONS:
        return _NEGATIONS[token]
    return "not" if token in _CONTRACTIONS else None


def capitalised_words(sentence: str) -> frozenset[str]:
    """Normalised words written with a capital in the sentence: names, places, outlets.

    A capital after a sentence break counts too, unless the word is a common function
    word there ("The", "However"): for duplicate detection, treating an odd word as a
    name only costs a missed merge.
    """
    found: set[str] = set()
    start = True
    for match in _WORD.finditer(sentence):
        raw = match[0]
        letters = raw.lstrip("\"'\u201c\u2018([")
        if letters[:1].isupper():
            for word in normalize(raw).split():
                if not (start and word in STOPWORDS) and word not in CALENDAR_WORDS:
                    found.add(word)
        start = bool(_SENTENCE_END.search(raw))
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Features:
    """The guarded parts of one sentence."""

    words: tuple[str, ...]  # normalised words
    numbers: Counter[str]  # by value
    negations: Counter[str]
    hedges: Counter[str]
    names: frozenset[str]


def features(sentence: str, normalised: str | None = None) -> Features:
    words = tuple((normalised if normalised is not None else normalize(sentence)).split())
    numbers: Counter[str] = Counter()
    negations: Counter[str] = Counter()
    for word in words:
        number = canonical_number(word)
        if number is not None:
            numbers[number] += 1
        neg = negation(word)
        if neg is not None:
            negations[neg] += 1
    hedges = Counter(word for word in words if word in _HEDGES)
    return Features(words, numbers, negations, hedges, capitalised_words(sentence))


def _spelling_variants(only_a: list[str], only_b: list[str]) -> bool:
    """Whether each word on one side pairs with a close spelling on the other (``colour``)."""
    from rapidfuzz.fuzz import ratio

    if len(only_a) != len(only_b):
        return False
    unused = list(only_b)
    for word in only_a:
        partner = next((w for w in unused if ratio(word, w) >= SPELLING_SIMILARITY), None)
        if partner is None:
            return False
        unused.remove(partner)
    return True


def _content(word: str) -> bool:
    """A word the wording guard compares (numbers and negations have their own guards)."""
    return word not in STOPWORDS and negation(word) is None and canonical_number(word) is None


def guard(a: Features, b: Features) -> str | None:
    """Why two similar sentences must not merge, or None when the guards pass.

    Beyond numbers, negations and names: when content words are swapped for other
    content words ("send" for "sell", "drones" for "missiles"), the claim changed,
    however high the score; only spelling variants may differ. Words added or dropped
    on one side only ("closely monitored", "roughly 450") are allowed.
    """
    if a.numbers != b.numbers:
        return "different numbers"
    if a.negations != b.negations:
        return "different negations"
    if a.hedges != b.hedges:
        return "different hedging"
    only_a = Counter(a.words) - Counter(b.words)
    only_b = Counter(b.words) - Counter(a.words)
    changed = set(only_a) | set(only_b)
    if changed & (a.names | b.names):
        return "different named entity"
    content_a = sorted(w for w in only_a.elements() if _content(w))
    content_b = sorted(w for w in only_b.elements() if _content(w))
    if content_a and content_b and not _spelling_variants(content_a, content_b):
        return f"different wording ({' '.join(content_a)} / {' '.join(content_b)})"
    return None
