"""Blank out what an explainer's structure must not be read from: code and HTML comments.

Blanking keeps every character's offset (each masked character becomes a space,
line breaks stay), so positions found in the masked text are positions in the
original. Comments are returned separately because suppressions live in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimkit import lazy_re

_FENCE = lazy_re.compile(r" {0,3}(`{3,}|~{3,})")
_SLIDER_OPEN = lazy_re.compile(r" {0,3}<DetailSlider\b", re.IGNORECASE)
_SLIDER_CLOSE = lazy_re.compile(r"</DetailSlider\s*>", re.IGNORECASE)
_BLANK_LINE = lazy_re.compile(r"\n[ \t]*\r?\n")
_INLINE_START = lazy_re.compile(r"`+|<!--")
_NOT_NEWLINE = lazy_re.compile(r"[^\r\n]")
# Substrings without which no block-level masking can apply (a regex anchored at line
# starts would still be tried at every offset).
_BLOCK_HINTS = ("```", "~~~", "\n    ", "\n\t")


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    comments: tuple[tuple[int, int], ...]  # (start, end) offsets of each <!-- ... -->


def _apply(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    pieces = []
    position = 0
    for start, end in ranges:
        pieces.append(text[position:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _block_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks, and indented ones outside the DetailSlider."""
    ranges: list[tuple[int, int]] = []
    if not any(hint in text for hint in _BLOCK_HINTS) and not text.startswith(("    ", "\t")):
        return ranges
    fence: str | None = None
    in_slider = False
    previous_blank = True
    previous_indented_code = False
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        if fence is not None:
            ranges.append((start, offset))
            stripped = body.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            previous_blank = False
            continue
        if match := _FENCE.match(body):
            marker = match[1]
            # A backtick fence's info string cannot hold a backtick.
            if not (marker[0] == "`" and "`" in body[match.end() :]):
                fence = marker
                ranges.append((start, offset))
                previous_blank = previous_indented_code = False
                continue
        is_blank = not body.strip()
        indented = body.startswith(("    ", "\t")) and not is_blank
        if indented and not in_slider and (previous_blank or previous_indented_code):
            ranges.append((start, offset))
            previous_indented_code = True
            previous_blank = False
            continue
        if not is_blank:
            previous_indented_code = False
        if _SLIDER_OPEN.match(body):
            in_slider = True
        if in_slider and _SLIDER_CLOSE.search(body):
            in_slider = False
        previous_blank = is_blank
    return ranges


def _inline_ranges(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Code spans and HTML comments, scanned left to right so each hides the other."""
    ranges: list[tuple[int, int]] = []
    comments: list[tuple[int, int]] = []
    position = 0
    while match := _INLINE_START.search(text, position):
        start = match.start()
        if match[0] == "<!--":
            close = text.find("-->", start + 4)
            end = len(text) if close == -1 else close + 3
            comments.append((start, end))
            ranges.append((start, end))
            position = end
            continue
        run = match[0]
        paragraph = _BLANK_LINE.search(text, match.end())
        limit = paragraph.start() if paragraph else len(text)
        closer = re.compile(rf"(?<!`){run}(?!`)").search(text, match.end(), limit)
        if closer is None:
            position = match.end()
            continue
        ranges.append((start, closer.end()))
        position = closer.end()
    return ranges, comments


def mask(text: str) -> Masked:
    blocks = _apply(text, _block_ranges(text))
    if "`" not in blocks and "<!--" not in blocks:
        return Masked(blocks, ())
    inline, comments = _inline_ranges(blocks)
    return Masked(_apply(blocks, inline), tuple(comments))
