"""Clauses around a claim that do not change it: a lead-in and a trailing attribution.

"Some context: the plant lost power" claims what "The plant lost power" claims, and
"..., utility officials said." what the same sentence without the attribution claims.
Both are removed before two sentences are judged; the attribution only from a sentence
whose counterpart has none (two different attributions, "officials said" / "rebels
said", are two different claims, and stay in).
"""

from __future__ import annotations

import re

_LEAD_IN = re.compile(
    r"^\s*(?:(?:some|more|a\s+little|quick|brief|for|by\s+way\s+of|in|the)\s+)?"
    r"(?:context|background|update|recap|summary|reminder|refresher|note|analysis|"
    r"breaking|catch\s+up|big\s+picture|why\s+it\s+matters|bottom\s+line|"
    r"what\s+we\s+know|key\s+points?)\s*[:,\u2014\u2013-]\s+",
    re.IGNORECASE,
)
_SAYING = r"(?:said|says|say|told(?:\s+[^,;:\"\u201c\u201d]{1,40}?)?|reported|reports|added|noted|stated|confirmed|wrote)"
# Where and when it was said: "on Tuesday", "in a statement", "at a news conference".
_SETTING = r"(?:\s+(?:on|in|at|to|late|early|during|after|yesterday|today|last)\b[^,;:]{0,40}?)?"
# ", utility officials said." / ", the ministry said on Tuesday." / ", said a spokesman."
_TRAILING = re.compile(
    rf"[,\u201d\"]\s*(?:(?:[^,;:\"\u201c\u201d]{{1,60}}?)\s+{_SAYING}{_SETTING}"
    rf"|{_SAYING}\s+[^,;:]{{1,60}}?|according\s+to\s+[^,;:]{{1,60}}?)"
    r"\s*[.!]?['\"\u201d\u2019]?\s*$",
    re.IGNORECASE,
)
_LEADING_ACCORDING = re.compile(r"^\s*according\s+to\s+[^,;:]{1,60},\s*", re.IGNORECASE)
# "Shumaker said: \u201cI am not ..." - an attribution before a quotation.
_LEADING_QUOTE = re.compile(
    rf"^[^,;:\"\u201c\u201d]{{1,60}}?\s+{_SAYING}{_SETTING}\s*[,:]?\s*(?=[\"\u201c'\u2018])",
    re.IGNORECASE,
)


def without_lead_in(sentence: str) -> str:
    return _LEAD_IN.sub("", sentence, count=1)


def without_attribution(sentence: str) -> str | None:
    """``sentence`` without its attribution, or None when it has none."""
    stripped = _TRAILING.sub("", sentence, count=1)
    if stripped == sentence:
        stripped = _LEADING_ACCORDING.sub("", sentence, count=1)
    if stripped == sentence:
        stripped = _LEADING_QUOTE.sub("", sentence, count=1)
    if stripped == sentence or len(stripped.split()) < 4:
        return None
    return stripped
