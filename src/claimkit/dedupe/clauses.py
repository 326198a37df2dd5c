"""Clauses around a claim that do not change it: a lead-in and an attribution.

"Some context: the plant lost power" claims what "The plant lost power" claims, and
"..., utility officials said." what the same sentence without the attribution claims.
Both are taken off before two sentences are judged. The attribution comes off with its
source, which the judge compares on its own: a source only one side names is a detail,
two sources that name different parties ("Russian officials said" / "Ukrainian
officials said") are two claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimkit import lazy_re

_LEAD_IN = lazy_re.compile(
    r"^\s*(?:(?:some|more|a\s+little|quick|brief|for|by\s+way\s+of|in|the)\s+)?"
    r"(?:context|background|update|recap|summary|reminder|refresher|note|analysis|"
    r"breaking|catch\s+up|big\s+picture|why\s+it\s+matters|bottom\s+line|"
    r"what\s+we\s+know|key\s+points?)\s*[:,\u2014\u2013-]\s+",
    re.IGNORECASE,
)
_SAYING = (
    r"(?:said|says|say|told(?:\s+[^,;:\"\u201c\u201d]{1,40}?)?|reported|reports|added|adds|"
    r"noted|notes|stated|states|confirmed|wrote|writes)"
)
_SAYING_WORD = lazy_re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|added|adds|noted|notes|stated|states|"
    r"confirmed|wrote|writes|according)\b",
    re.IGNORECASE,
)
# Where and when it was said: "on Tuesday", "in a statement", "at a news conference".
_SETTING = (
    r"(?:\s+(?:on|in|at|to|late|early|during|after|yesterday|today|last|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b[^,;:]{0,40}?)?"
)
# ", said a spokesman", not ", said in Washington": there the speaker stands before the
# comma ("Tom Daschle, D-S.D., said in Washington") and would be left in the claim.
_NOT_SETTING = r"(?!(?:on|in|at|to|late|early|during|after|yesterday|today|last)\b)"
# ", utility officials said." / ", the ministry said on Tuesday." / ", said a spokesman."
_TRAILING = lazy_re.compile(
    rf",\s*(?P<source>(?:[^,;:\"\u201c\u201d]{{1,60}}?)\s+{_SAYING}{_SETTING}"
    rf"|{_SAYING}\s+{_NOT_SETTING}[^,;:]{{1,60}}?|according\s+to\s+[^,;:]{{1,60}}?)"
    r"\s*[.!]?['\"\u201d\u2019]?\s*$",
    re.IGNORECASE,
)
# "The ban, officials said, will last a year."
_PARENTHETICAL = lazy_re.compile(
    r",\s*(?P<source>[^,;:\"\u201c\u201d]{1,40}?\s+(?:said|says|added|noted|stated))\s*,",
    re.IGNORECASE,
)
_LEADING_ACCORDING = lazy_re.compile(
    r"^\s*(?P<source>according\s+to\s+[^,;:]{1,60}),\s*", re.IGNORECASE
)
# Double quotation marks only: an apostrophe ("Canada's") may stand in a source.
_OPEN = '"\u201c'
_CLOSE = '"\u201d'
_QUOTES = lazy_re.compile(r"[\"\u201c\u201d]|''|``")
# A quotation and who said it, in either order: '"...," said Pierre Pettigrew, Canada's
# trade minister, in a statement.' / 'China's foreign ministry said: "..."'
_OPENING = rf"(?:[{_OPEN}]|''|``)"
_CLOSING = rf"(?:[{_CLOSE}]|'')"
_SOURCE = rf"(?P<source>[^{_OPEN}{_CLOSE}]{{3,160}}?)"
_QUOTE_FIRST = lazy_re.compile(
    rf"^\s*(?P<body>{_OPENING}.+?[,.!?\u2026]?\s*{_CLOSING})\s*{_SOURCE}\s*[.]?\s*$"
)
_QUOTE_LAST = lazy_re.compile(rf"^\s*{_SOURCE}[\s,:]*(?P<body>{_OPENING}.+)$")
_MAX_SOURCE_WORDS = 14
# A source is who said it, not more of the claim: these open a clause of its own.
_CLAUSE = lazy_re.compile(
    r"\b(?:who|whose|which|that|where|when|while|after|before|because|but|if|"
    r"had|has|have|was|were|is|are|will|would|did)\b",
    re.IGNORECASE,
)
_NEAR_EDGE = 6  # at most this many words before the saying word


@dataclass(frozen=True, slots=True)
class Attribution:
    body: str  # the sentence without the attribution
    source: str  # who said it, where and when ("utility officials said")


def without_lead_in(sentence: str) -> str:
    return _LEAD_IN.sub("", sentence, count=1)


def _quoted(sentence: str) -> Attribution | None:
    for pattern in (_QUOTE_FIRST, _QUOTE_LAST):
        found = pattern.match(sentence)
        if found is None:
            continue
        source, body = found["source"], found["body"]
        words = source.split()
        saying = _SAYING_WORD.search(source)
        # Who said it comes first, in a few words without a comma: '"...," Baker said' or
        # '"...," said Steve Baker, an analyst with NPD Group', not '"..." with growing
        # economies such as China, Barrett said'.
        before = source[: saying.start()] if saying is not None else source
        if (
            saying is None
            or len(words) > _MAX_SOURCE_WORDS
            or "," in before
            or len(before.split()) > _NEAR_EDGE
            or _CLAUSE.search(source)
        ):
            continue
        marks = list(_QUOTES.finditer(body))
        # The whole claim is the quotation: 'He said "no" to the plan' is no attribution.
        if len(marks) > 2 or (len(marks) == 2 and body[marks[1].end() :].strip(" .,!?")):
            continue
        return Attribution(body, source)
    return None


def attribution(sentence: str) -> Attribution | None:
    """``sentence`` split into its claim and its attribution, or None when it has none."""
    split = _quoted(sentence)
    if split is None:
        for pattern in (_TRAILING, _LEADING_ACCORDING, _PARENTHETICAL):
            found = pattern.search(sentence)
            if found is not None:
                if _CLAUSE.search(_SAYING_WORD.split(found["source"], 1)[-1]):
                    continue  # ", said the coach had been carrying 38 passengers"
                glue = "," if pattern is _PARENTHETICAL else ""
                body = sentence[: found.start()] + glue + sentence[found.end() :]
                split = Attribution(body, found["source"])
                break
    if split is None or len(split.body.split()) < 4:
        return None
    return split
