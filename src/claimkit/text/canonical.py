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

from claimkit.text.normalize import normalize

_DOTTED = re.compile(r"(?<![\w.])[A-Za-z](?:\.[A-Za-z])+\.?(?![\w])")
_APOSTROPHE = "['\u2019]"
_NOT = re.compile(rf"\b(\w+?)n{_APOSTROPHE}t\b", re.IGNORECASE)
_IRREGULAR_NOT = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
# 's after these is "is" (or "has" before a participle), never a possessive.
_S_AFTER = re.compile(
    rf"\b(it|that|there|here|what|who|where|he|she|how|when|why){_APOSTROPHE}s\b"
    r"(\s+(?:been|got|gotten|had)\b)?",
    re.IGNORECASE,
)
_LETS = re.compile(rf"\blet{_APOSTROPHE}s\b", re.IGNORECASE)
_SUFFIXES = re.compile(rf"\b(\w+){_APOSTROPHE}(re|ve|ll|m)\b", re.IGNORECASE)
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


_UNITS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUE = {
    **{w: n for n, w in enumerate(_UNITS, 2)},
    **{w: n for n, w in enumerate(_TEENS, 10)},
    **{w: n for n, w in enumerate(_TENS, 2)},  # tens, scaled below
}
# "one" stays a word: it is a pronoun as often as a number.
_CARDINAL = re.compile(
    rf"\b(?:({'|'.join(_TENS)})(?: (one|{'|'.join(_UNITS)}))?|({'|'.join(_UNITS + _TEENS)}))\b"
)


def _digits(match: re.Match[str]) -> str:
    if match[3]:
        return str(_VALUE[match[3]])
    units = 1 if match[2] == "one" else _VALUE.get(match[2] or "", 0)
    return str(10 * _VALUE[match[1]] + units)


def number_words(key: str) -> str:
    """A normalised key with cardinal number words as digits: "nine" -> "9", "twenty five"
    -> "25". Larger or vaguer words ("hundreds", "half") stay words."""
    return _CARDINAL.sub(_digits, key)


def dedupe_key(text: str) -> str:
    """The exact-duplicate key: ``normalize`` after ``expand``, number words as digits."""
    return number_words(normalize(expand(text)))
