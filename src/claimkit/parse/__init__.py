"""Text to Document. Everything that reads explainer syntax lives in this package."""

from __future__ import annotations

from claimkit import lazy_re
from claimkit.model import Comment, Document, Field
from claimkit.parse.mask import mask
from claimkit.parse.positions import Locator, line_starts
from claimkit.parse.reader import UnreadableError, decode, read_bytes
from claimkit.parse.slider import parse_slider
from claimkit.parse.table import parse_table

__all__ = ["UnreadableError", "parse_bytes", "parse_file", "parse_text"]

_ATX_OPEN = lazy_re.compile(r" {0,3}#(?!#)(?:[ \t]|$)")
_SETEXT_UNDERLINE = lazy_re.compile(r" {0,3}=+")


def _atx_title(line: str, start: int) -> tuple[str, int] | None:
    """An ATX H1's text and its offset in the line, or None; no regex runs over the text."""
    opening = _ATX_OPEN.match(line)
    if opening is None:
        return None
    body = line[opening.end() :].rstrip(" \t")
    stripped = body.rstrip("#")
    if stripped != body and (not stripped or stripped[-1] in " \t"):
        body = stripped.rstrip(" \t")  # a closing sequence of #s
    value = body.strip(" \t")
    if not value:
        return "", start
    return value, start + opening.end() + len(body) - len(body.lstrip(" \t"))


def _title(masked: str, limit: int, locate: Locator) -> Field | None:
    """The first H1 before the explainer's structure: ATX (``# Q``) or setext (``Q`` over ``===``).

    Read line by line: the regular expressions this replaces were quadratic on long runs of
    blanks, which is what a long HTML comment becomes once masked.
    """
    previous: tuple[str, int] | None = None  # the last non-blank line, a setext candidate
    position = 0
    while position < limit:
        newline = masked.find("\n", position, limit)
        end = limit if newline == -1 else newline
        line = masked[position:end].rstrip("\r")
        if (atx := _atx_title(line, position)) is not None:
            value, start = atx
            return Field(value, locate.span(start, start + len(value)))
        if previous is not None and _SETEXT_UNDERLINE.fullmatch(line.rstrip(" \t")):
            value, start = previous
            return Field(value, locate.span(start, start + len(value)))
        stripped = line.strip(" \t")
        indent = len(line) - len(line.lstrip(" "))
        previous = (stripped, position + indent) if stripped and indent <= 3 else None
        position = end + 1
    return None


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
