"""The Claims table as GitHub renders it: header, delimiter row, one Claim per row."""

from __future__ import annotations

import re

from claimkit import lazy_re
from claimkit.model import Claim, ClaimsTable, Field, Span
from claimkit.parse.first_cell import read_first_cell
from claimkit.parse.html import Tag, closing_index, tokens, unescape
from claimkit.parse.positions import Locator
from claimkit.parse.row_fast import canonical_row
from claimkit.parse.source_cell import parse_source

# Every quantifier here is either bounded or followed by something it cannot match, so a
# long run of blanks (an HTML comment is blanked to spaces) costs linear time.
_HEADING = lazy_re.compile(
    r"^ {0,3}##[ \t]+Claims[ \t]*(?:#+[ \t]*)?\r?$", re.IGNORECASE | re.MULTILINE
)
_HEADER_WORDS = lazy_re.compile(r"claim[ \t]+sentence", re.IGNORECASE)
_DELIMITER_CELL = lazy_re.compile(r":?-+:?")
_ANY_HEADING = lazy_re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_FENCE = lazy_re.compile(r" {0,3}(?:```|~~~)")
_CELLS = 3


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each line from ``start``, without its line break."""
    spans = []
    position = start
    length = len(text)
    while position < length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        body_end = end - 1 if end > position and text[end - 1] == "\r" else end
        spans.append((position, body_end))
        position = end + 1
    return spans


def _pipes(line: str) -> list[int]:
    """Offsets of the unescaped pipes in a line (str.find beats a look-behind regex here)."""
    cuts = []
    at = line.find("|")
    while at != -1:
        if at == 0 or line[at - 1] != "\\":
            cuts.append(at)
        at = line.find("|", at + 1)
    return cuts


def split_cells(line: str) -> list[tuple[int, int]]:
    """The cells of a table line as (start, end) offsets into it, outer pipes optional."""
    cuts = _pipes(line)
    bounds = [-1, *cuts, len(line)]
    cells = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    if cells and cuts and not line[: cuts[0]].strip():
        cells = cells[1:]
    if len(cells) > 1 and cuts and not line[cuts[-1] + 1 :].strip():
        cells = cells[:-1]
    return cells


def _delimiter_cells(line: str) -> int | None:
    """How many cells a delimiter row (``|---|:--:|``) has, or None when it is not one."""
    if "-" not in line:
        return None
    cells = split_cells(line)
    if not all(_DELIMITER_CELL.fullmatch(line[a:b].strip()) for a, b in cells):
        return None
    return len(cells)


def _trimmed(original: str, start: int, lo: int, hi: int) -> tuple[int, int]:
    raw = original[start + lo : start + hi]
    lead = len(raw) - len(raw.lstrip())
    trail = len(raw.rstrip())
    return start + lo + lead, start + lo + max(trail, lead)


def _unwrapped(masked: str, start: int, end: int) -> tuple[int, int]:
    """The cell without elements that enclose all of it (``<div>CONTEXT</div>``)."""
    found = tokens(masked, start, end) if masked.startswith("<", start) else []
    while len(found) >= 2:
        first = found[0]
        if not isinstance(first, Tag) or first.closing or closing_index(found, 0) != len(found) - 1:
            break
        found = found[1:-1]
        if not found:
            return first.end, first.end
        start, end = found[0].start, found[-1].end
    return start, end


def _context(original: str, masked: str, start: int, end: int, locate: Locator) -> Field:
    inner_start, inner_end = _unwrapped(masked, start, end)
    if (inner_start, inner_end) != (start, end):
        inner_start, inner_end = _trimmed(original, inner_start, 0, inner_end - inner_start)
    value = unescape(original[inner_start:inner_end]).strip()
    return Field(value, locate.span(inner_start, inner_end))


def _row(original: str, masked: str, start: int, end: int, index: int, table: Locator) -> Claim:
    locate = table.on_line_of(start)
    fast = canonical_row(original, masked, start, end, index, locate)
    if fast is not None:
        return fast
    return general_row(original, masked, start, end, index, locate)


def general_row(
    original: str, masked: str, start: int, end: int, index: int, locate: Locator
) -> Claim:
    """Any row, however damaged: the reader the fast paths must agree with."""
    cells = split_cells(masked[start:end]) or [(0, end - start)]
    first = _trimmed(original, start, *cells[0])
    cell = read_first_cell(original, masked, first[0], first[1], locate)
    problem = None
    if len(cells) > _CELLS:
        problem = f'row has {len(cells)} cells, expected 3 (a raw "|" in a cell must be \\|)'
    elif len(cells) < _CELLS:
        problem = f"row has {len(cells)} cell{'s' if len(cells) != 1 else ''}, expected 3"
    elif cell.id is None:
        problem = 'row has no id anchor (an element with id="N") at the start of its first cell'
    elif not cell.id:
        problem = "row's id anchor is empty"
    source = None
    context = Field("", None)
    if len(cells) >= _CELLS:
        ctx_start, ctx_end = _trimmed(original, start, *cells[-1])
        context = _context(original, masked, ctx_start, ctx_end, locate)
        if problem is None:
            src_start, src_end = _trimmed(original, start, *cells[1])
            source = parse_source(original, masked, src_start, src_end, locate)
    readable_id = cell.id if cell.id is not None else cell.shown_id
    return Claim(
        id=readable_id or None,
        row=locate.span(start, end),
        position=index,
        anchor=cell.anchor,
        id_span=cell.id_span,
        anchor_label=cell.anchor_label,
        sentence=cell.sentence,
        context=context,
        source=source,
        cell_count=len(cells),
        problem=problem,
    )


def _header_line(masked: str, lines: list[tuple[int, int]]) -> int | None:
    for index, (start, end) in enumerate(lines):
        if masked[start:end].strip():
            return index if "|" in masked[start:end] else None
    return None


def _find_header(masked: str) -> int | None:
    """The start of a line that opens with the words "Claim Sentence" (pipes and blanks before)."""
    for words in _HEADER_WORDS.finditer(masked):
        line_start = masked.rfind("\n", 0, words.start()) + 1
        if not masked[line_start : words.start()].strip(" \t|"):
            return line_start
    return None


def parse_table(original: str, masked: str, locate: Locator) -> ClaimsTable | None:
    heading = _HEADING.search(masked)
    header_at = None if heading else _find_header(masked)
    if heading is None and header_at is None:
        return None
    heading_span = locate.span(heading.start(), heading.end()) if heading else None
    lines = _lines(masked, heading.end() + 1 if heading else header_at or 0)
    header_index = _header_line(masked, lines)
    if header_index is None:
        return ClaimsTable(heading_span, None, ())  # a claims section without a table
    header = lines[header_index]
    header_span = locate.span(*header)
    header_cells = len(split_cells(masked[slice(*header)]))
    delimiter = lines[header_index + 1] if header_index + 1 < len(lines) else None
    delimiter_cells = _delimiter_cells(masked[slice(*delimiter)]) if delimiter else None
    if delimiter is None or delimiter_cells is None:
        why = "the table header has no delimiter row (|---|---|---|) under it"
        return ClaimsTable(heading_span, header_span, (), _problem(why, header_span))
    if delimiter_cells != header_cells:
        why = (
            f"the delimiter row has {delimiter_cells} cell{'s' if delimiter_cells != 1 else ''}"
            f" and the header {header_cells}"
        )
        return ClaimsTable(heading_span, header_span, (), _problem(why, locate.span(*delimiter)))
    rows: list[Claim] = []
    for start, end in lines[header_index + 2 :]:
        body = masked[start:end]
        if not body.strip():
            if original[start:end].strip():
                continue  # a line holding only a comment: the table goes on
            break
        if _ANY_HEADING.match(body) or _FENCE.match(body):
            break
        rows.append(_row(original, masked, start, end, len(rows), locate))
    return ClaimsTable(heading_span, header_span, tuple(rows))


def _problem(why: str, span: Span) -> Field:
    return Field(f"{why}: GitHub renders no table, so the claims are not shown", span)
