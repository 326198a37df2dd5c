"""The reader by role: the tokenizer, the first cell, the source cell, groups, the table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import Row, cite, standard
from claimkit.parse import parse_text
from claimkit.parse.html import Tag, Text, tag_at, tokens
from conftest import found, lint_text

# -- the tokenizer ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "name", "attrs"),
    [
        ('<a href="#1">', "a", {"href": "#1"}),
        ("<a href='#1'>", "a", {"href": "#1"}),
        ("<a href=#1>", "a", {"href": "#1"}),
        ('<A  TARGET="_blank"\n HREF = "x" >', "a", {"target": "_blank", "href": "x"}),
        ("<BiasChart bias='Lean Left' />", "biaschart", {"bias": "Lean Left"}),
        ("<bias-chart bias=Left/>", "bias-chart", {"bias": "Left"}),
        ("<template #summary>", "template", {"#summary": None}),
        (
            "<template v-slot:more-detailed class=x>",
            "template",
            {"v-slot:more-detailed": None, "class": "x"},
        ),
        ('<font id"3" color=#FF3399>', "font", {'id"3"': None, "color": "#FF3399"}),
    ],
)
def test_tags_in_any_quoting_order_and_case(
    raw: str, name: str, attrs: dict[str, str | None]
) -> None:
    tag = tag_at(raw, 0, len(raw))
    assert tag is not None and tag.name == name and tag.end == len(raw)
    assert {a.name: a.value for a in tag.attrs} == attrs
    for attribute in tag.attrs:
        if attribute.value is not None:  # the span holds exactly the value
            assert raw[attribute.start : attribute.end] == attribute.value


@pytest.mark.parametrize("raw", ["< a>", "<1>", "<a href=", '<a href="x', "<>", "<!-- x -->"])
def test_what_is_not_a_tag_is_text(raw: str) -> None:
    assert all(isinstance(t, Text) for t in tokens(raw, 0, len(raw)))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("<>/=\"' ab#-\n")), max_size=80))
def test_tokens_cover_the_text_exactly(text: str) -> None:
    found_tokens = tokens(text, 0, len(text))
    assert "".join(text[t.start : t.end] for t in found_tokens) == text
    for token in found_tokens:
        if isinstance(token, Tag):
            assert text[token.start] == "<" and text[token.end - 1] == ">"


# -- the first cell -----------------------------------------------------------------------


def _one_row(line: str) -> tuple[str, object]:
    doc = standard(1)
    doc.rows[0].raw = line
    text = doc.text()
    return text, parse_text(text).claims[0]


ROW_TAIL = "|" + Row("1", "x").source_cell() + "|Context holds: Sales rose. More.|"


@pytest.mark.parametrize(
    "first",
    [
        '<font id="4" color=#FF3399>[4]</font> Sales rose.',
        '<div style="max-width: 200px;"><span class="anchor" id="4"></span><font  color=#FF3399>[4]</font> Sales rose.</div>',
        "<sup id=4>[4]</sup> Sales rose.",
        "<sup id=4>4</sup> Sales rose.",
        '<p><a name="4"></a><b>[4]</b> Sales rose.</p>',
        "<SPAN ID='4'></SPAN> [4] Sales rose.",
        '<div><span id="4"></span>Sales rose.</div>',
    ],
)
def test_anchor_label_and_sentence_in_every_layout(first: str) -> None:
    text, claim = _one_row("|" + first + ROW_TAIL)
    assert claim.id == "4" and claim.problem is None  # type: ignore[attr-defined]
    assert claim.sentence.value == "Sales rose."  # type: ignore[attr-defined]
    span = claim.id_span  # type: ignore[attr-defined]
    assert text[span.start : span.end] == "4"
    label = claim.anchor_label  # type: ignore[attr-defined]
    if "[4]" in first or ">4<" in first:
        assert text[label.start : label.end] == "4"
    else:
        assert label is None


def test_inline_tags_inside_the_sentence_stay() -> None:
    _, claim = _one_row('|<span id="2"></span>[2] Sales <b>rose</b> sharply.' + ROW_TAIL)
    assert claim.sentence.value == "Sales <b>rose</b> sharply."  # type: ignore[attr-defined]


def test_a_shown_number_without_anchor_is_defined_but_malformed() -> None:
    _text, claim = _one_row('|<font id"3" color=#FF3399>[3]</font> Sales rose.' + ROW_TAIL)
    assert claim.id == "3" and "no id anchor" in claim.problem  # type: ignore[attr-defined]


# -- the source cell ----------------------------------------------------------------------


def _source(cell: str) -> object:
    return _one_row('|<font id="1">[1]</font> Sales rose.|' + cell + "|Sales rose.|")[1].source  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "cell",
    [
        '<div><a href="R" target="_blank"><BiasChart bias="Lean Left" /></a><div><a href="https://u.example/a" target="_blank">Outlet</a></div><div>*(News Media)*</div><div>Nov 2nd, 2022</div></div>',
        '<div><a href="R"><ClientOnly><BiasChart bias="Lean Left" /></ClientOnly></a><div><a href="https://u.example/a">Outlet</a></div><div>(News Media)</div><div>Nov 2nd, 2022</div></div>',
        "<div><a href=https://u.example/a>Outlet</a></div><span><em>(News Media)</em></span><span>Nov 2nd, 2022</span><a href=R><client-only><bias-chart bias='Lean Left'></bias-chart></client-only></a>",
        '<a target=_blank href="https://u.example/a">Outlet</a> (News Media)<br>Nov 2nd, 2022 <A HREF="R"><BIASCHART BIAS="Lean Left"/></A>',
        "<a href=R><BiasChart bias=Lean Left /></a><a href=https://u.example/a>Outlet</a><div>*(News Media)*</div><div>Nov 2nd, 2022</div>",
    ],
)
def test_source_parts_wherever_they_stand(cell: str) -> None:
    source = _source(cell)
    assert source.rating_url.value == "R"  # type: ignore[attr-defined]
    assert source.bias_label.value == "Lean Left"  # type: ignore[attr-defined]
    assert source.url.value == "https://u.example/a"  # type: ignore[attr-defined]
    assert source.outlet.value == "Outlet"  # type: ignore[attr-defined]
    assert source.source_type.value == "News Media"  # type: ignore[attr-defined]
    assert str(source.date) == "2022-11-02" and source.unplaced == ()  # type: ignore[attr-defined]


def test_text_that_is_no_part_is_reported_not_dropped() -> None:
    row = Row("1", "Sales rose.")
    row.raw = row.line().replace(
        "<div>Nov 2nd, 2022</div>",
        "<div>Nov 2nd, 2022</div><div>see also page 4 of the report</div>",
    )
    doc = standard(1)
    doc.rows[0] = row
    assert found(doc.text()) == [("CK004", 19)]


# -- citations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "group",
    [
        '<sup><a href="#1">1</a>, <a href="#2">2</a></sup>',
        '<span>[<a href="#1">1</a>; <a href="#2">2</a>]</span>',
        '[<a href="#1">1</a><a href="#2">2</a>]',
        "[[1](#1), [2](#2)]",
    ],
)
def test_citation_groups_of_every_form(group: str) -> None:
    doc = standard(2)
    doc.levels = {name: f"Traffic will grow {group}." for name in doc.levels}
    document = parse_text(doc.text())
    assert [c.target for c in document.citations] == ["1", "2"] * 3
    assert len(document.citation_groups) == 3
    assert all(len(g.citations) == 2 for g in document.citation_groups)
    assert found(doc.text()) == []


def test_shorthand_slot_names() -> None:
    doc = standard(2)
    text = doc.text().replace("<template v-slot:", "<template  #")
    assert [level.name for level in parse_text(text).slider.levels] == [  # type: ignore[union-attr]
        "less-detailed",
        "summary",
        "more-detailed",
    ]
    assert found(text) == []


# -- the table as GitHub renders it -------------------------------------------------------


def test_a_delimiter_row_of_another_width_is_one_ck002_at_that_row() -> None:
    text = standard(3).text().replace("|---|---|---|", "|---|---|")
    assert found(text) == [("CK002", 18)]
    message = next(d for d in lint_text(text) if d.code == "CK002").message
    assert "2 cells" in message and "header 3" in message and "GitHub" in message


def test_no_delimiter_row_is_one_ck002_at_the_header() -> None:
    text = standard(3).text().replace("|---|---|---|\n", "")
    assert found(text) == [("CK002", 17)]


def test_too_few_cells_says_nothing_of_pipes() -> None:
    doc = standard(2)
    doc.rows[1].raw = '|<font id="2">[2]</font> Sales rose.|just one more cell|'
    messages = [
        d.message for d in lint_text(doc.text()) if d.code == "CK004"
    ]
    assert messages == ["row has 2 cells, expected 3"]


def test_padded_table_without_outer_pipes_and_colons() -> None:
    doc = standard(2)
    text = doc.text().replace(
        "| Claim Sentence | Source | Context |", "claim sentence | SOURCE | context"
    )
    text = text.replace("|---|---|---|", ":--- | :---: | ---:")
    assert found(text) == []
    assert len(parse_text(text).claims) == 2


def test_cite_helper_still_reads() -> None:
    assert cite("1") in standard(1).text()
