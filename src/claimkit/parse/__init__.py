"""Text to Document. Everything that reads explainer syntax lives in this package."""

from __future__ import annotations

import re

from claimkit.model import Comment, Document, Field
from claimkit.parse.mask import mask
from claimkit.parse.positions import Locator, line_starts
from claimkit.parse.reader import UnreadableError, decode, read_bytes
from claimkit.parse.slider import parse_slider
from claimkit.parse.table import parse_table

__all__ = ["UnreadableError", "parse_bytes", "parse_file", "parse_text"]

_ATX_H1 = re.compile(r"^ {0,3}#(?!#)(?:[ \t]+(.*?))?[ \t]*#*[ \t]*\r?$", re.MULTILINE)
_SETEXT_H1 = re.compile(r"^ {0,3}(\S[^\n]*?)[ \t]*\r?\n {0,3}=+[ \t]*\r?$", re.MULTILINE)


def _title(masked: str, limit: int, locate: Locator) -> Field | None:
    candidates = [
        m
        for m in (_ATX_H1.search(masked, 0, limit), _SETEXT_H1.search(masked, 0, limit))
        if m is not None
    ]
    if not candidates:
        return None
    match = min(candidates, key=lambda m: m.start())
    value = (match[1] or "").strip()
    start = match.start(1) if match[1] is not None else match.start()
    return Field(value, locate.span(start, start + len(value)))


def _newline(text: str) -> str:
    index = text.find("\n")
    return "\r\n" if index > 0 and text[index - 1] == "\r" else "\n"


def parse_text(text: str, path: str = "-", *, bom: bool = False) -> Document:
    """Parse decoded text (BOM already removed) into a Document."""
    starts = line_starts(text)
    locate = Locator(starts)
    masked = mask(text)
    slider = parse_slider(masked.text, locate)
    table = parse_table(text, masked.text, locate)
    first_structure = min(
        [
            s.start
            for s in (
                slider.slider and slider.slider.span,
                table and (table.heading or table.header),
            )
            if s
        ]
        or [len(text)]
    )
    return Document(
        path=path,
        text=text,
        bom=bom,
        newline=_newline(text),
        title=_title(masked.text, first_structure, locate),
        slider=slider.slider,
        table=table,
        citations=slider.citations,
        citation_groups=slider.groups,
        malformed_citations=slider.malformed,
        comments=tuple(
            Comment(locate.span(start, end), text[start + 4 : max(start + 4, end - 3)])
            for start, end in masked.comments
        ),
        _line_starts=starts,
    )


def parse_bytes(data: bytes, path: str = "-") -> Document:
    """Decode and parse; raises UnreadableError when the bytes are not UTF-8 text."""
    decoded = decode(data)
    return parse_text(decoded.text, path, bom=decoded.bom)


def parse_file(path: str, display: str | None = None) -> Document:
    return parse_bytes(read_bytes(path), display if display is not None else path)
