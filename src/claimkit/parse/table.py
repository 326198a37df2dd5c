"""The Claims table: one Claim per row, cells split on unescaped pipes."""

from __future__ import annotations

import html
import re

from claimkit.model import Claim, ClaimsTable, Field
from claimkit.parse.positions import Locator
from claimkit.parse.row_fast import canonical_row
from claimkit.parse.source_cell import parse_source

_HEADING = re.compile(r"^ {0,3}##[ \t]+Claims[ \t]*#*[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_HEADER_ROW = re.compile(r"^[ \t]*\|?[ \t]*Claim Sentence[ \t]*\|", re.IGNORECASE | re.MULTILINE)
_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_ANY_HEADING = re.compile(r" {0,3}#{1,6}(\s|$)")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_ANCHOR = re.compile(
    r"\s*<(font|a|span|sup|div)\b([^<>]{0,2000})>(.{0,500}?)</\1\s*>", re.IGNORECASE | re.DOTALL
)
_ID = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SHOWN_ID = re.compile(
    r"\s*(?:<(?:font|span|sup|a|b|strong)\b[^<>]{0,2000}>\s*)?\[([^\[\]<>\s]{1,20})\]"
    r"(?:\s*</(?:font|span|sup|a|b|strong)\s*>)?",
    re.IGNORECASE,
)
_TAG_ONLY_ANCHOR = re.compile(r"\s*<(font|a|span|sup|div)\b([^<>]{0,2000})/?>", re.IGNORECASE)


def _cell_text(raw: str) -> str:
    return html.unescape(raw.replace("\\|", "|")).strip()


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


def _row(original: str, masked: str, start: int, end: int, index: int, table: Locator) -> Claim:
    locate = table.on_line_of(start)
    fast = canonical_row(original, masked, start, end, index, locate)
    if fast is not None:
        return fast
    return general_row(original, masked, start, end, index, locate)


def general_row(
    original: str, masked: str, start: int, end: int, index: int, locate: Locator
) -> Claim:
    """Any row, however damaged: the reader the canonical fast path must agree with."""
    line = masked[start:end]
    cuts = _pipes(line)
    bounds = [-1, *cuts, len(line)]
    cells = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
    # Outer pipes are optional: drop the empty cell before a leading one and after a trailing one.
    if cells and cuts and not line[: cuts[0]].strip():
        cells = cells[1:]
    if len(cells) > 1 and cuts and not line[cuts[-1] + 1 :].strip():
        cells = cells[:-1]

    def absolute(cell: tuple[int, int]) -> tuple[int, int]:
        lo, hi = cell
        raw = original[start + lo : start + hi]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        return start + lo + lead, start + lo + max(trail, lead)

    first = absolute(cells[0])
    claim_id: str | None = None
    anchor = id_span = anchor_label = None
    sentence_start = first[0]
    anchor_match = _ANCHOR.match(original, first[0], first[1]) or _TAG_ONLY_ANCHOR.match(
        original, first[0], first[1]
    )
    if anchor_match is not None:
        ident = _ID.search(anchor_match[2])
        if ident is not None:
            group = ident.lastindex or 1
            value_start = anchor_match.start(2) + ident.start(group)
            claim_id = ident[group].strip()
            anchor = locate.span(anchor_match.start(), anchor_match.end())
            id_span = locate.span(value_start, value_start + len(ident[group]))
            if anchor_match.lastindex and anchor_match.lastindex >= 3:
                inner = anchor_match[3]
                label_at = inner.find(claim_id) if claim_id else -1
                if label_at != -1:
                    start_at = anchor_match.start(3) + label_at
                    anchor_label = locate.span(start_at, start_at + len(claim_id))
            sentence_start = anchor_match.end()
    readable_id = claim_id
    if claim_id is None:
        # No id attribute, but the row may still show its number ("<font>[3]</font>" or
        # "[3]"): that ID counts as defined, so its citations are not reported as dangling.
        shown = _SHOWN_ID.match(original, first[0], first[1])
        if shown is not None:
            readable_id = shown[1].strip()
            sentence_start = shown.end()
    sentence_raw = original[sentence_start : first[1]]
    lead = len(sentence_raw) - len(sentence_raw.lstrip())
    sentence = Field(
        _cell_text(sentence_raw),
        locate.span(sentence_start + lead, sentence_start + len(sentence_raw.rstrip())),
    )
    problem = None
    if len(cells) != 3:
        problem = f'row has {len(cells)} cells, expected 3 (a raw "|" in a cell must be \\|)'
    elif claim_id is None:
        problem = 'row has no id anchor (<font id="N">) at the start of its first cell'
    elif not claim_id:
        problem = "row's id anchor is empty"
    source = None
    context = Field("", None)
    if len(cells) >= 3:
        src_start, src_end = absolute(cells[1])
        ctx_start, ctx_end = absolute(cells[-1])
        context = Field(_cell_text(original[ctx_start:ctx_end]), locate.span(ctx_start, ctx_end))
        if problem is None:
            source = parse_source(original[src_start:src_end], src_start, locate)
    return Claim(
        id=readable_id or None,
        row=locate.span(start, end),
        position=index,
        anchor=anchor,
        id_span=id_span,
        anchor_label=anchor_label,
        sentence=sentence,
        context=context,
        source=source,
        cell_count=len(cells),
        problem=problem,
    )


def parse_table(original: str, masked: str, locate: Locator) -> ClaimsTable | None:
    heading = _HEADING.search(masked)
    header_search_from = heading.end() if heading else 0
    header = _HEADER_ROW.search(masked, header_search_from)
    if heading is None and header is None:
        return None
    heading_span = locate.span(heading.start(), heading.end()) if heading else None
    lines = _lines(masked, heading.end() + 1 if heading else header.start() if header else 0)
    rows: list[Claim] = []
    header_span = None
    position = 0
    # Skip blank lines after the heading; then expect header and delimiter rows.
    while position < len(lines) and not original[slice(*lines[position])].strip():
        position += 1
    if position + 1 < len(lines) and _DELIMITER.fullmatch(masked[slice(*lines[position + 1])]):
        header_span = locate.span(*lines[position])
        position += 2
    elif heading is not None and header is None:
        # A heading with no table under it: a claims section without claims.
        first = lines[position] if position < len(lines) else None
        if first is None or "|" not in masked[slice(*first)]:
            return ClaimsTable(heading_span, None, ())
    for start, end in lines[position:]:
        body = masked[start:end]
        if not body.strip():
            if original[start:end].strip():
                continue  # a line holding only a comment: the table goes on
            break
        if _ANY_HEADING.match(body) or _FENCE.match(body):
            break
        rows.append(_row(original, masked, start, end, len(rows), locate))
    return ClaimsTable(heading_span, header_span, tuple(rows))
