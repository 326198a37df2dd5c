"""The words of a sentence as the duplicate judge sees them, and its closed classes.

Numbers (by value: "three" == "3", "1,000" == "1000"), negations ("isn't" == "is not"),
hedges ("may", "reportedly") and names: a near-identical sentence that changes one of
these says something else ("450 drones" vs "1,000 drones", "is likely" vs "is not
likely", "Iran sent" vs "Syria sent"). ``tokens`` splits a sentence into words that
keep what normalisation folds away and the judge needs: a capital (names), a sentence
start, and punctuation after a word (where a clause may end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from claimkit import lazy_re
from claimkit.text.normalize import normalize

# Number words count as numbers: "three officials" is not "four officials", and
# "three" == "3". "one" is left out: it is a pronoun as often as a number.
_NUMBER_WORDS = {
    "zero": "0", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
    "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
    "eighteen": "18", "nineteen": "19", "sixty": "60", "seventy": "70", "eighty": "80",
    "ninety": "90",
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
# "will" and "would" are not among them: they mark tense ("said it would" / "says it
# will"), and a change of tense keeps the claim.
_HEDGE_WORDS = (
    "likely possibly probably perhaps reportedly allegedly apparently may might could can "
    "should must"
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

_SENTENCE_END = lazy_re.compile(r"[.!?:;]['\"\u2019\u201d)]*$")


@lru_cache(maxsize=1 << 16)
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


class Token(NamedTuple):
    """One normalised word and how the original sentence wrote it.

    A named tuple: a corpus makes hundreds of thousands, and one costs a third of a
    frozen dataclass to build.
    """

    word: str
    capital: bool  # written with a capital letter
    initial: bool  # at the start of a sentence, where a capital says nothing
    pause: bool = False  # punctuation follows it: a clause or phrase may end here


def _chunks(sentence: str) -> list[str]:
    """The whitespace-separated chunks of ``sentence`` after ``expand``."""
    from claimkit.text.canonical import expand

    text = expand(sentence)
    if "." in text or "!" in text or "?" in text:
        # "cap....The level": a sentence that starts without a space is one all the same.
        text = _GLUED_SENTENCE.sub(r"\1 ", text)
    return text.split()


def _chunk_words(raw: str) -> list[str]:
    """One chunk's normalised words; "cannot" as "can not": the hedge and the negation
    apart, as in "could not"."""
    # Most chunks are plain words: their normalised form is their lower case.
    words = [raw.lower()] if raw.isascii() and raw.isalnum() else normalize(raw).split()
    if "cannot" in words:
        at = words.index("cannot")
        words[at : at + 1] = ["can", "not"]
    return words


def words(sentence: str) -> list[str]:
    """The words of ``tokens(sentence)``, without how they were written."""
    return [word for raw in _chunks(sentence) for word in _chunk_words(raw)]


def tokens(sentence: str) -> tuple[Token, ...]:
    """The words of ``sentence`` as the exact key has them, each with its capitalisation."""
    found: list[Token] = []
    start = True
    for raw in _chunks(sentence):
        if raw.isascii() and raw.isalnum():
            # The common case, spelt out: no punctuation follows a plain word.
            word, capital = raw.lower(), raw[0].isupper()
            if word == "cannot":
                found += (Token("can", capital, start), Token("not", capital, False))
            else:
                found.append(Token(word, capital, start))
            start = False
            continue
        capital = raw.lstrip("\"'\u201c\u2018([")[:1].isupper()
        for word in _chunk_words(raw):
            found.append(Token(word, capital, start))
            start = False
        if raw[-1].isalnum():
            continue  # no punctuation after it: no pause, no sentence end
        if found and _PAUSE.search(raw):
            last = found[-1]
            found[-1] = Token(last.word, last.capital, last.initial, True)
        if _SENTENCE_END.search(raw):
            start = True
    return tuple(found)


_GLUED_SENTENCE = lazy_re.compile(r"([a-z][.!?]+)(?=[A-Z\"\u201c])")
_PAUSE = lazy_re.compile(
    r"(?:[,;:.!?\u2014\u2013]|--|\s-)['\"\u2019\u201d)\]]*$|^[-\u2014\u2013]+$"
)


# Tens and units read together: "twenty five" == "25".
_TENS = {"20", "30", "40", "50", "60", "70", "80", "90"}
_UNITS = {str(n) for n in range(1, 10)}


# "last week" / "past week" / "previous week": a time, not an order ("the last shipment").
_TIME_TEXT = """
    year years week weeks month months night evening morning afternoon summer winter spring
    autumn fall decade decades century weekend quarter season term"""
_TIME_NOUNS = frozenset(_TIME_TEXT.split())
_RELATIVE_PAST = frozenset({"last", "past", "previous"})


# Two-word forms of one relation word: "ahead of the vote" is "before the vote".
_PHRASES = {("ahead", "of"): "before", ("prior", "to"): "before", ("more", "than"): "more",
            ("less", "than"): "less", ("fewer", "than"): "less"}  # fmt: skip


def relative_times(words: list[Token]) -> list[Token]:
    """``last`` / ``past`` / ``previous`` before a time noun read as one word, ``past``;
    ``ahead of`` and ``prior to`` as ``before``."""
    out: list[Token] = []
    skip = False
    for at, token in enumerate(words):
        if skip:
            skip = False
            continue
        following = words[at + 1] if at + 1 < len(words) else None
        if following is not None and token.word in _RELATIVE_PAST and following.word in _TIME_NOUNS:
            token = Token("past", token.capital, token.initial, token.pause)
        elif following is not None and (token.word, following.word) in _PHRASES:
            word = _PHRASES[token.word, following.word]
            token = Token(word, token.capital, token.initial, following.pause)
            skip = True
        out.append(token)
    return out


def _number_value(previous: str | None, word: str) -> tuple[str, bool] | None:
    """A number word's value, and whether it adds to the tens before it ("twenty five")."""
    if word not in _NUMBER_WORDS or word.endswith("s"):
        return None
    value = _NUMBER_WORDS[word]
    if previous is not None and previous in _TENS and value in _UNITS:
        return str(int(previous) + int(value)), True
    return value, False


def number_values(words: list[Token]) -> list[Token]:
    """Number words replaced by their value (``Nine`` -> ``9``), so that a value is one token."""
    out: list[Token] = []
    for token in words:
        found = _number_value(out[-1].word if out else None, token.word)
        if found is None:
            out.append(token)
        elif found[1]:
            previous = out[-1]
            out[-1] = Token(found[0], previous.capital, False, token.pause)
        else:
            out.append(Token(found[0], token.capital, token.initial, token.pause))
    return out


def values_of(words: list[str]) -> list[str]:
    """``number_values`` for bare words."""
    out: list[str] = []
    for word in words:
        found = _number_value(out[-1] if out else None, word)
        if found is None:
            out.append(word)
        elif found[1]:
            out[-1] = found[0]
        else:
            out.append(found[0])
    return out


# A closed class's words in one sentence, by value, with their counts: hashable and
# comparable, so that two sentences compare in one step however many pairs they are in.
ClassCount = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ClosedClasses:
    """What must be the same in two sentences wherever it stands, attribution included.

    Two sentences whose classes differ in any field are never duplicates: the judge's first
    guard (``judge._closed_classes``) compares every field, and the corpus search drops such
    pairs in bulk on that promise (``detect._same_closed_classes``). A field added here is
    a field both must compare.
    """

    numbers: ClassCount
    negations: ClassCount
    hedges: ClassCount


class Features:
    """One sentence as the judge sees it, with and without its attribution.

    Built in stages, each when a judgement first asks for it: the closed classes from
    the bare words (most pairs are told apart by them alone), then the words with how
    they were written, then the attribution.
    """

    __slots__ = ("_full", "_looked", "_parts", "_text", "closed")

    def __init__(self, sentence: str) -> None:
        from claimkit.dedupe.clauses import without_lead_in

        self._text = without_lead_in(sentence)
        # ``relative_times`` makes no word of a closed class: these are the classes of ``full``.
        self.closed = closed_classes(values_of(words(self._text)))
        self._full: tuple[Token, ...] | None = None
        self._looked = False  # whether the attribution has been looked for
        self._parts: tuple[tuple[Token, ...], tuple[Token, ...]] | None = None

    @property
    def full(self) -> tuple[Token, ...]:
        """Without a lead-in ("Some context:")."""
        if self._full is None:
            self._full = _judged(self._text)
        return self._full

    def _split(self) -> tuple[tuple[Token, ...], tuple[Token, ...]] | None:
        if not self._looked:
            from claimkit.dedupe.clauses import attribution

            split = attribution(self._text)
            if split is not None:
                self._parts = (_judged(split.body), _judged(split.source))
            self._looked = True
        return self._parts

    @property
    def body(self) -> tuple[Token, ...] | None:
        """Also without its attribution; None: it has none."""
        parts = self._split()
        return None if parts is None else parts[0]

    @property
    def source(self) -> tuple[Token, ...]:
        """The attribution ("utility officials said"); empty when there is none."""
        parts = self._split()
        return () if parts is None else parts[1]


def _judged(text: str) -> tuple[Token, ...]:
    return tuple(relative_times(number_values(list(tokens(text)))))


def closed_classes(words: list[str]) -> ClosedClasses:
    # One pass: every sentence of a corpus goes through here.
    numbers: dict[str, int] = {}
    negations: dict[str, int] = {}
    hedges: dict[str, int] = {}
    for word in words:
        if word in _HEDGES:
            hedge = _MODAL_TENSES.get(word, word)
            hedges[hedge] = hedges.get(hedge, 0) + 1
        if (denial := negation(word)) is not None:
            negations[denial] = negations.get(denial, 0) + 1
        if (number := canonical_number(word)) is not None:
            numbers[number] = numbers.get(number, 0) + 1
    return ClosedClasses(
        tuple(sorted(numbers.items())),
        tuple(sorted(negations.items())),
        tuple(sorted(hedges.items())),
    )


# Reported speech shifts the tense of a modal ("says it can" / "said it could"): one
# hedge in two tenses.
_MODAL_TENSES = {"could": "can", "might": "may"}
