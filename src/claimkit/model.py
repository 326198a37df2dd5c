"""The parsed explainer: every element keeps its exact place in the original text.

Offsets are character offsets into ``Document.text`` (the decoded file with the
BOM removed and line endings kept as they were), so a fixer can splice edits
back into the user's bytes. Lines and columns are 1-based; a CRLF counts as one
line break and columns count characters, not bytes.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

LEVEL_NAMES: tuple[str, ...] = ("less-detailed", "summary", "more-detailed")


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` with the 1-based position of its start.

    A NamedTuple, not a dataclass: a parse makes tens of thousands of them per megabyte.
    (Every element of the model is one, for the same reason and because creating a
    dataclass costs about a millisecond of every run's start-up.)
    """

    start: int
    end: int
    line: int
    column: int


class Comment(NamedTuple):
    """An HTML comment, kept because suppressions live in them."""

    span: Span
    body: str


class Level(NamedTuple):
    """One ``<template v-slot:NAME>`` of the DetailSlider."""

    name: str
    span: Span  # the opening template tag
    content: Span  # between the opening and the closing tag
    text: str  # the content with code and comments blanked out
    closed: bool


class Citation(NamedTuple):
    """A link from summary text to a claim: ``<a href="#ID">LABEL</a>`` or ``[LABEL](#ID)``."""

    target: str
    label: str
    span: Span  # the whole link
    target_span: Span  # the ID inside href
    label_span: Span  # the visible label
    level: str | None  # the template it sits in; None outside any template
    group: int  # index of the enclosing ``[...]`` group in Document.citation_groups, or -1
    form: str  # "html" or "markdown"


class CitationGroup(NamedTuple):
    """A bracketed run of citations, ``[<a href="#1">1</a>, <a href="#2">2</a>]``."""

    span: Span  # from "[" to "]" inclusive
    citations: tuple[int, ...]  # indices into Document.citations


class MalformedCitation(NamedTuple):
    """Something in the summaries that looks like a citation but cannot be one."""

    span: Span
    reason: str


class Field(NamedTuple):
    """A piece of text with the span it came from; ``span`` is None when absent."""

    value: str
    span: Span | None


class Source(NamedTuple):
    """The Source cell of a claim row, taken apart."""

    rating_url: Field
    bias_label: Field | None  # None when there is no BiasChart element at all
    url: Field | None  # None when the outlet link is missing
    outlet: Field
    source_type: Field
    date_raw: Field
    date: _dt.date | None
    # Text of the cell that is none of the parts above: kept so that a rule can report it.
    unplaced: tuple[Field, ...] = ()


class Claim(NamedTuple):
    """One row of the Claims table."""

    id: str | None  # None when no anchor could be read
    row: Span  # the whole row, from its first to its last character
    position: int  # 0-based position among the table's data rows
    anchor: Span | None  # the element carrying id="..."
    id_span: Span | None  # the ID inside id="..."
    anchor_label: Span | None  # the anchor's visible text, the "1" of <font id="1">[1]</font>
    sentence: Field  # entities decoded, escaped pipes unescaped
    context: Field
    source: Source | None  # None for a malformed row
    cell_count: int
    problem: str | None  # why the row is malformed (CK004), or None

    @property
    def malformed(self) -> bool:
        return self.problem is not None


class ClaimsTable(NamedTuple):
    heading: Span | None  # the "## Claims" heading
    header: Span | None  # the table's header row
    rows: tuple[Claim, ...]
    # Why GitHub would render no table here (a missing or mismatched delimiter row), and
    # where; the rows are then not read, as no reader of the page would see them as claims.
    problem: Field | None = None


class Slider(NamedTuple):
    span: Span  # the <DetailSlider> opening tag
    closed: bool
    levels: tuple[Level, ...]


@dataclass(slots=True)
class Document:
    """A parsed explainer (or a markdown file that turned out not to be one)."""

    path: str
    text: str
    bom: bool
    newline: str
    title: Field | None
    slider: Slider | None
    table: ClaimsTable | None
    citations: tuple[Citation, ...]
    citation_groups: tuple[CitationGroup, ...]
    malformed_citations: tuple[MalformedCitation, ...]
    comments: tuple[Comment, ...]
    _line_starts: tuple[int, ...] = field(repr=False, default=())

    @property
    def is_explainer(self) -> bool:
        """A DetailSlider or a Claims *table*; a "## Claims" heading over prose is neither."""
        table = self.table
        has_table = table is not None and (table.header is not None or bool(table.rows))
        return self.slider is not None or has_table

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.table.rows if self.table is not None else ()

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        from bisect import bisect_right

        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1
