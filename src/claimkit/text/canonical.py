"""Spellings of one text that mean the same, undone before sentences are compared.

Runs on the raw sentence, before ``normalize`` (which drops the apostrophes and dots
these rules need to see): dotted abbreviations lose their dots (``U.S.`` == ``US``,
``U.N.`` == ``UN``) and contractions are written out (``It's`` == ``It is``, ``don't`` ==
``do not``). Only unambiguous forms are rewritten: ``'d`` (had or would?) and ``'s``
after a noun (possessive or is?) are left alone. ``dedupe_key`` then reads cardinal
number words as digits (``Nine`` == ``9``).
"""

from __future__ import annotations

import re

from claimkit import lazy_re
from claimkit.text.normalize import normalize

_DOTTED = lazy_re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.?(?![\w])")
_APOSTROPHE = "['\u2019]"
_NOT = lazy_re.compile(rf"\b(\w+?)n{_APOSTROPHE}t\b", re.IGNORECASE)
_IRREGULAR_NOT = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
# 's after these is "is" (or "has" before a participle), never a possessive.
_S_AFTER = lazy_re.compile(
    rf"\b(it|that|there|here|what|who|where|he|she|how|when|why){_APOSTROPHE}s\b"
    r"(\s+(?:been|got|gotten|had)\b)?",
    re.IGNORECASE,
)
_LETS = lazy_re.compile(rf"\blet{_APOSTROPHE}s\b", re.IGNORECASE)
_SUFFIXES = lazy_re.compile(rf"\b(\w+){_APOSTROPHE}(re|ve|ll|m)\b", re.IGNORECASE)
_FULL = {"re": "are", "ve": "have", "ll": "will", "m": "am"}


def _not(match: re.Match[str]) -> str:
    stem = match[1]
    if stem.lower() == "ca":
        return "cannot"
    return f"{_IRREGULAR_NOT.get(stem.lower(), stem)} not"


def _is(match: re.Match[str]) -> str:
    verb = "has" if match[2] else "is"
    return f"{match[1]} {verb}{match[2] or ''}"


def expand(text: str) -> str:
    """``text`` with dotted abbreviations closed up and contractions written out."""
    if "." in text:
        text = _DOTTED.sub(lambda m: m[0].replace(".", ""), text)
    if "'" in text or "\u2019" in text:
        text = _NOT.sub(_not, text)
        text = _LETS.sub("let us", text)
        text = _S_AFTER.sub(_is, text)
        text = _SUFFIXES.sub(lambda m: f"{m[1]} {_FULL[m[2].lower()]}", text)
    return text


_CARDINAL_TEXT = (
    "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS_TEXT = "twenty thirty forty fifty sixty seventy eighty ninety"
# "one" stays a word: it is a pronoun as often as a number.
_CARDINALS = {w: value for value, w in enumerate(_CARDINAL_TEXT.split()) if w != "_"}
_TENS = {w: 10 * n for n, w in enumerate(_TENS_TEXT.split(), 2)}
_UNITS = {"one": 1, **{w: v for w, v in _CARDINALS.items() if v < 10}}


def number_words(key: str) -> str:
    """A normalised key with cardinal number words as digits: "nine" -> "9", "twenty five"
    -> "25". Larger or vaguer words ("hundreds", "half") stay words."""
    words = key.split(" ")
    if not any(w in _CARDINALS or w in _TENS for w in words):
        return key
    out: list[str] = []
    tens = False  # the word before was a tens word ("twenty"), a unit may follow
    for word in words:
        if tens and word in _UNITS:
            out[-1] = str(int(out[-1]) + _UNITS[word])
        elif word in _CARDINALS:
            out.append(str(_CARDINALS[word]))
        elif word in _TENS:
            out.append(str(_TENS[word]))
        else:
            out.append(word)
        tens = word in _TENS
    return " ".join(out)


def dedupe_key(text: str) -> str:
    """The exact-duplicate key: ``normalize`` after ``expand``, number words as digits."""
    return number_words(normalize(expand(text)))
