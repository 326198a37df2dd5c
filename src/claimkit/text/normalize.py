"""One normalisation for every comparison of claim text (CK301, CK302, dedupe, verify).

NFKC, case-folding, typographic quotes and dashes unified, apostrophes dropped
(so text-extraction damage like ``Irans`` equals ``Iran's``), hyphens read as
spaces (``precision-guided`` == ``precision guided``), thousands separators
dropped (``1,000`` == ``1000``), other punctuation folded to spaces, whitespace
collapsed. Digits are always kept.
"""

from __future__ import annotations

import html
import unicodedata

from claimkit import lazy_re

_TAG = lazy_re.compile(r"<[^<>]{0,1000}>")
_APOSTROPHES = lazy_re.compile(r"['\u2018\u2019\u201b\u02bc\u00b4`\u2032]")
_THOUSANDS_HINT = lazy_re.compile(r"\d[,\u202f\u00a0 ]\d")
_THOUSANDS = lazy_re.compile(r"(?<=\d)[,\u202f\u00a0 ](?=\d{3}(?!\d))")
_DECIMAL = lazy_re.compile(r"(?<=\d)\.(?=\d)")
_WORDS = lazy_re.compile(r"[\w\u2024]+")  # \u2024 stands in for a decimal point


def normalize(text: str) -> str:
    """The comparable form of a sentence: lower-case words and numbers separated by one space."""
    # Each step is skipped when it cannot apply: dedupe normalises every claim of a corpus.
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    if _THOUSANDS_HINT.search(text):
        text = _THOUSANDS.sub("", text)
    if "." in text:
        text = _DECIMAL.sub("\u2024", text)
    joined = " ".join(_WORDS.findall(text))
    if "_" in joined:  # \w includes the underscore, which must separate words too
        joined = " ".join(joined.replace("_", " ").split())
    joined = joined.replace("\u2024", ".")
    if _THOUSANDS_HINT.search(joined):
        # Digit groups that only the split into words put side by side ("¼00" is 1, a fraction
        # slash and 400, then "1 400"): joined as a second normalisation would join them, so
        # that the form is a fixed point (normalize(normalize(x)) == normalize(x)).
        joined = _THOUSANDS.sub("", joined)
    return joined


def compact(text: str) -> str:
    """``normalize`` without spaces: glued words (``andmore``) then still match."""
    return normalize(text).replace(" ", "")
