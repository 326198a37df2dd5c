"""The parser: exact positions, and everything section 1 of the spec says real files bring."""

from __future__ import annotations

import json

from builder import Row, cite, standard
from claimkit.output.model_json import render
from claimkit.parse import parse_bytes, parse_text
from conftest import found


def _at(text: str, line: int, column: int) -> str:
    """The rest of line ``line`` from ``column`` (both 1-based), line breaks not counted."""
    return text.splitlines()[line - 1][column - 1 :]


def test_positions_point_at_the_original_text() -> None:
    text = standard(3).text()
    document = parse_text(text)
    for citation in document.citations:
        assert _at(text, citation.span.line, citation.span.column).startswith('<a href="#')
        assert text[citation.target_span.start : citation.target_span.end] == citation.target
    for claim in document.claims:
        assert _at(text, claim.row.line, claim.row.column).startswith("|<font id=")
        assert claim.id_span is not None
        assert text[claim.id_span.start : claim.id_span.end] == claim.id
        assert claim.source is not None and claim.source.url is not None
        url = claim.source.url
        assert url.span is not None and text[url.span.start : url.span.end] == url.value


def test_crlf_and_bom_give_the_same_lines_and_columns() -> None:
    plain = standard(3)
    windows = standard(3)
    windows.newline, windows.bom = "\r\n", True
    lf = parse_text(plain.text())
    crlf = parse_bytes(windows.text().encode("utf-8"))
    assert crlf.bom and crlf.newline == "\r\n"
    assert [(c.span.line, c.span.column) for c in crlf.citations] == [
        (c.span.line, c.span.column) for c in lf.citations
    ]
    assert [c.row.line for c in crlf.claims] == [c.row.line for c in lf.claims]
    assert [c.context.value for c in crlf.claims] == [c.context.value for c in lf.claims]
    assert found(windows.text().lstrip("\ufeff")) == []


def test_entities_escaped_pipes_and_typographic_quotes() -> None:
    doc = standard(1)
    doc.rows[0].sentence = "Barges &amp; tugs carry \u201c3\\|4\u201d of the cargo."
    doc.rows[0].outlet = "Smith &amp; Sons"
    document = parse_text(doc.text())
    claim = document.claims[0]
    assert claim.sentence.value == "Barges & tugs carry \u201c3|4\u201d of the cargo."
    assert claim.source is not None and claim.source.outlet.value == "Smith & Sons"
    assert claim.cell_count == 3 and not claim.malformed


def test_source_cell_fields() -> None:
    doc = standard(1)
    doc.rows[0] = Row(
        "1",
        "Fees rose.",
        bias="Lean Right",
        outlet="The Daily Example",
        source_type="Fact Check",
        date="November 2, 2022",
        rating_url="https://www.allsides.com/news-source/x",
        url="https://daily.example.com/a",
    )
    source = parse_text(doc.text()).claims[0].source
    assert source is not None
    assert source.bias_label is not None and source.bias_label.value == "Lean Right"
    assert source.rating_url.value == "https://www.allsides.com/news-source/x"
    assert source.url is not None and source.url.value == "https://daily.example.com/a"
    assert (source.outlet.value, source.source_type.value) == ("The Daily Example", "Fact Check")
    assert source.date is not None and source.date.isoformat() == "2022-11-02"


def test_code_blocks_do_not_make_an_explainer() -> None:
    fenced = "# Docs\n\n```markdown\n<DetailSlider>\n## Claims\n| Claim Sentence | Source |\n```\n"
    indented = "# Docs\n\nExample:\n\n    <DetailSlider>\n    </DetailSlider>\n"
    inline = "# Docs\n\nUse `<DetailSlider>` for summaries.\n"
    comment = "# Docs\n\n<!--\n<DetailSlider>\n-->\n"
    for text in (fenced, indented, inline, comment):
        assert not parse_text(text).is_explainer, text


def test_a_claims_heading_over_prose_is_not_an_explainer() -> None:
    text = "# Essay\n\n## Claims\n\nWe make three claims in this essay.\n"
    assert not parse_text(text).is_explainer


def test_either_half_makes_an_explainer() -> None:
    slider_only = standard()
    slider_only.claims_heading = False
    table_only = standard()
    table_only.slider = False
    assert parse_text(slider_only.text()).is_explainer
    assert parse_text(table_only.text()).is_explainer


def test_comment_line_between_rows_does_not_end_the_table() -> None:
    doc = standard(3)
    lines = doc.text().splitlines(keepends=True)
    lines.insert(19, "<!-- claimkit-disable-next-line CK102 -->\n")
    document = parse_text("".join(lines))
    assert [claim.id for claim in document.claims] == ["1", "2", "3"]
    assert [c.body.strip() for c in document.comments] == ["claimkit-disable-next-line CK102"]


def test_table_ends_at_blank_line() -> None:
    text = standard(2).text() + "\nSome closing remarks | with a pipe.\n"
    assert [c.id for c in parse_text(text).claims] == ["1", "2"]


def test_markdown_and_html_citations_in_groups() -> None:
    doc = standard(3)
    body = f'A {cite("1", "2")} and B [[3](#3)] and C [<a href="#1">1</a>, [2](#2)].'
    doc.levels = {k: body for k in doc.levels}
    document = parse_text(doc.text())
    per_level = [c for c in document.citations if c.level == "summary"]
    assert [(c.target, c.form) for c in per_level] == [
        ("1", "html"),
        ("2", "html"),
        ("3", "markdown"),
        ("1", "html"),
        ("2", "markdown"),
    ]
    groups = [document.citation_groups[c.group].citations for c in per_level]
    assert groups[0] == groups[1] and groups[3] == groups[4] and groups[0] != groups[3]
    assert document.malformed_citations == ()


def test_unclosed_template_and_slider_do_not_crash() -> None:
    text = '# T\n\n<DetailSlider>\n<template v-slot:summary>\nText [<a href="#1">1</a>]\n'
    document = parse_text(text)
    assert document.slider is not None and not document.slider.closed
    assert [level.name for level in document.slider.levels] == ["summary"]
    assert [c.target for c in document.citations] == ["1"]


def test_parse_json_is_serialisable_and_has_positions() -> None:
    data = json.loads(render(parse_text(standard(2).text(), "x.md")))
    assert data["is_explainer"] is True
    rows = data["table"]["rows"]
    assert [row["id"] for row in rows] == ["1", "2"]
    assert (rows[0]["row"]["line"], rows[0]["row"]["column"]) == (19, 1)
    assert rows[0]["sentence"]["span"]["line"] == 19
    assert rows[0]["source"]["date"] == "2022-11-02"


def test_long_line_and_unbalanced_markup_are_linear_enough() -> None:
    # A megabyte-long line of half-open tags must neither crash nor hang the parser.
    doc = standard(2)
    doc.levels["summary"] = "<a " * 200_000 + "[" * 50_000
    document = parse_text(doc.text())
    assert document.is_explainer
    assert len(document.malformed_citations) >= 1
