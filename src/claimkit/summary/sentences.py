"""A summary level as sentences, each with the claims it cites.

Works from the model alone: the level's text and the citations the reader found in it.
Markup (tags, citation groups, entities, link targets) is blanked to spaces so that every
offset still points into the level's text, and so into the document.

Citing rules, as the pipelines write them:

- A citation group belongs to the sentence it closes, whether it stands before the full
  stop (``... damaged [1].``) or after it (``... damaged. [1]``).
- A sentence with no group of its own borrows the groups of the next cited sentence in the
  same paragraph: pipelines cite once at the end of a run of sentences. Paragraphs are
  separated by ``<br/><br/>`` or a blank line.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimkit import lazy_re
from claimkit.model import Document, Level

_TAG = lazy_re.compile(r"<[^<>]{0,2000}>")
_ENTITY = lazy_re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{1,10});")
_URL = lazy_re.compile(r"\]\([^()\s]{0,2000}\)|https?://[^\s<>]{1,2000}")
# What is left of a citation the reader could not take as one: "[3]", "[1, 2]".
_MARKER = lazy_re.compile(r"\[[\d,; ]{1,40}\]")
# Each alternative opens with a literal, so the engine jumps between "<" and newlines.
_BR = r"<[Bb][Rr][ \t]{0,3}/?>[ \t\r\n]{0,20}"
_PARAGRAPH = lazy_re.compile(rf"{_BR}(?:{_BR})+|\n[ \t\r]{{0,200}}\n")
# A full stop, with the quotes and brackets that close around it, then a space.
_STOP = lazy_re.compile(r"[.!?][\"'\u201d\u2019)\]]{0,3}(?=\s)")
_VISIBLE = lazy_re.compile(r"\S")
# Words whose full stop does not end a sentence: titles, months, "No. 2", "U.S.".
_ABBREVIATIONS = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "gen.",
        "lt.",
        "col.",
        "maj.",
        "capt.",
        "sgt.",
        "adm.",
        "cmdr.",
        "sen.",
        "rep.",
        "gov.",
        "pres.",
        "rev.",
        "st.",
        "mt.",
        "ft.",
        "jr.",
        "sr.",
        "no.",
        "nos.",
        "vs.",
        "v.",
        "e.g.",
        "i.e.",
        "cf.",
        "approx.",
        "est.",
        "inc.",
        "corp.",
        "ltd.",
        "co.",
        "dept.",
        "univ.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "art.",
        "para.",
        "p.",
        "pp.",
        "vol.",
        "fig.",
        "ch.",
        "sec.",
        "al.",
        "ave.",
        "blvd.",
        "rd.",
    ]
)


class Sentence(NamedTuple):
    start: int  # offsets into the level's text; the sentence's first visible character
    end: int
    paragraph: int
    targets: tuple[str, ...]  # the claim IDs it cites, its own or borrowed, in order
    borrowed: bool


def visible_text(document: Document, level: Level) -> str:
    """The level's text with markup blanked to spaces, offsets unchanged."""
    base, stop = level.content.start, level.content.end
    ranges = [
        (group.span.start - base, group.span.end - base)
        for group in document.citation_groups
        if base <= group.span.start < stop
    ]
    ranges += [
        (citation.span.start - base, citation.span.end - base)
        for citation in document.citations
        if citation.group < 0 and base <= citation.span.start < stop
    ]
    ranges += [
        (malformed.span.start - base, malformed.span.end - base)
        for malformed in document.malformed_citations
        if base <= malformed.span.start < stop
    ]
    text = _blanked(level.text, ranges)
    for pattern in (_TAG, _ENTITY, _URL, _MARKER):
        if (pattern is _TAG and "<" not in text) or (pattern is _ENTITY and "&" not in text):
            continue
        text = pattern.sub(_spaces, text)
    return text


def _spaces(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` of ``ranges`` turned to spaces (slices, not a list
    of characters: a level is a few kilobytes and most of it stays)."""
    if not ranges:
        return text
    ranges.sort()
    pieces: list[str] = []
    position = 0
    for start, end in ranges:
        start = max(start, position)
        if end <= start:
            continue
        pieces += (text[position:start], " " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Whether the full stop at ``stop`` ends a sentence; ``after`` is the next visible char."""
    if text[stop] != ".":
        return True
    next_char = text[after] if after < len(text) else ""
    if next_char and (next_char.islower() or next_char in ",;:"):
        return False
    # The token the full stop ends, by splitting a short window (a backward pattern search
    # would be tried at every offset of it).
    tokens = text[max(0, stop - 30) : stop + 1].split()
    if not tokens:
        return True
    word = tokens[-1].lstrip("(\"'\u201c\u2018[").lower()
    if word in _ABBREVIATIONS:
        return False
    core = word[:-1]
    if len(core) == 1 and core.isalpha():
        return False  # an initial: "John F. Kennedy"
    # Dotted acronyms (U.S., U.N., e.u.): a sentence seldom ends on one, and joining two
    # sentences only widens their evidence.
    return not (len(core) >= 2 and "." in core and all(len(p) == 1 for p in core.split(".")))


def split(document: Document, level: Level, text: str) -> list[Sentence]:
    """The sentences of ``level`` (``text`` is its ``visible_text``), with their citations."""
    raw = level.text
    breaks = [m.start() for m in _PARAGRAPH.finditer(raw)] if "\n" in raw or "<" in raw else []
    breaks.append(len(text))
    spans: list[tuple[int, int, int]] = []  # (start, end, paragraph)
    para_start = 0
    for paragraph, para_end in enumerate(breaks):
        start = _skip_space(text, para_start, para_end)
        for stop in _STOP.finditer(text, start, para_end):
            end = stop.end()
            after = _skip_space(text, end, para_end)
            if after >= para_end:
                break
            if not _ends_sentence(text, stop.start(), after):
                continue
            if after > start:
                spans.append((start, end, paragraph))
            start = after
        if start < para_end and text[start:para_end].strip():
            spans.append((start, _trim_end(text, start, para_end), paragraph))
        para_start = para_end
    own = _own_targets(document, level, spans)
    # Borrowing walks backwards, carrying the next cited sentence's IDs within a paragraph:
    # one pass, where looking ahead from each uncited sentence would be quadratic.
    sentences: list[Sentence] = []
    following: tuple[str, ...] = ()
    current = -1
    for index in range(len(spans) - 1, -1, -1):
        start, end, paragraph = spans[index]
        if paragraph != current:
            following, current = (), paragraph
        targets = own[index]
        if targets:
            following = targets
            sentences.append(Sentence(start, end, paragraph, targets, False))
        else:
            sentences.append(Sentence(start, end, paragraph, following, bool(following)))
    sentences.reverse()
    return sentences


def _skip_space(text: str, start: int, end: int) -> int:
    """The first visible offset at or after ``start``, or ``end`` (blanked citations make
    long runs of spaces: a pattern skips them at C speed)."""
    found = _VISIBLE.search(text, start, end)
    return found.start() if found else end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _own_targets(
    document: Document, level: Level, spans: list[tuple[int, int, int]]
) -> list[tuple[str, ...]]:
    """Each sentence's own cited IDs: a citation belongs to the last sentence begun before it."""
    from bisect import bisect_right

    base = level.content.start
    starts = [start for start, _, _ in spans]
    own: list[list[str]] = [[] for _ in spans]
    if not spans:
        return []
    groups = document.citation_groups
    for citation in document.citations:
        offset = citation.span.start
        if not base <= offset < level.content.end:
            continue
        if citation.group >= 0:
            offset = groups[citation.group].span.start
        index = max(0, bisect_right(starts, offset - base) - 1)
        if citation.target not in own[index]:
            own[index].append(citation.target)
    return [tuple(ids) for ids in own]
