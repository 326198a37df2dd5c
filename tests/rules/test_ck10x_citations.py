"""CK101-CK106: citations and claim IDs."""

from __future__ import annotations

from builder import Row, cite, standard
from conftest import found, lint_text

# In standard(n) the three levels' bodies are on lines 6, 9 and 12; row k is line 18 + k.


def _with_body(body: str, rows: int = 3) -> str:
    doc = standard(rows)
    doc.levels = {"less-detailed": body, "summary": body, "more-detailed": body}
    return doc.text()


def test_ck101_dangling_citation_at_each_use() -> None:
    text = _with_body(f"Traffic will grow {cite('1', '2', '3', '9')}.")
    assert found(text) == [("CK101", 6), ("CK101", 9), ("CK101", 12)]
    first = lint_text(text)[0]
    # The column is that of the <a> of claim 9, inside the group.
    line = text.splitlines()[5]
    assert first.column == line.index('<a href="#9">') + 1
    assert "claim 9" in first.message


def test_ck101_markdown_citation() -> None:
    text = _with_body(f"Traffic will grow {cite('1', '2', '3')} and [4](#4).")
    assert found(text, "CK101") == [("CK101", 6), ("CK101", 9), ("CK101", 12)]


def test_ck101_resolves_ids_of_malformed_rows() -> None:
    doc = standard(2)
    doc.rows[1].sentence = "Fees rose | sharply."
    assert found(doc.text(), "CK101") == []


def test_ck102_uncited_claim() -> None:
    text = _with_body(f"Traffic will grow {cite('1', '3')}.")
    assert found(text) == [("CK102", 20)]


def test_ck102_cited_from_one_level_is_enough() -> None:
    doc = standard(3)
    doc.levels["summary"] = f"Traffic will grow {cite('1', '2')}."
    doc.levels["less-detailed"] = f"Traffic will grow {cite('3')}."
    doc.levels["more-detailed"] = f"Traffic will grow {cite('3')}."
    assert found(doc.text()) == []


def test_ck102_ignores_citations_in_code() -> None:
    doc = standard(3)
    body = f"Traffic will grow {cite('1', '2')}. Write `{cite('3')}` to cite claim 3."
    doc.levels = {"less-detailed": body, "summary": body, "more-detailed": body}
    assert found(doc.text()) == [("CK102", 21)]


def test_ck103_duplicate_id_every_later_row_and_no_ck102_for_it() -> None:
    doc = standard(3)
    doc.rows.append(Row("2", "Dredging will start in March 2026."))
    doc.rows.append(Row("2", "Insurance costs have doubled since 2021."))
    assert found(doc.text()) == [("CK103", 22), ("CK103", 23)]


def test_ck104_first_row_out_of_order() -> None:
    doc = standard(4)
    doc.rows[2].id, doc.rows[3].id = "4", "3"
    assert found(doc.text()) == [("CK104", 21)]


def test_ck104_gap() -> None:
    doc = standard(3)
    doc.rows[2].id = "5"
    doc.levels = {k: f"Traffic will grow {cite('1', '2', '5')}." for k in doc.levels}
    assert found(doc.text()) == [("CK104", 21)]


def test_ck104_not_reported_with_duplicates_or_non_numeric_ids() -> None:
    doc = standard(3)
    doc.rows[2].id = "1"
    assert "CK104" not in {code for code, _ in found(doc.text())}
    doc = standard(2)
    doc.rows[0].id = "a"
    doc.levels = {k: f"Traffic will grow {cite('a', '2')}." for k in doc.levels}
    assert found(doc.text()) == []


def test_ck105_label_mismatch_with_relabel_fix() -> None:
    text = _with_body(
        'Traffic will grow <font color=#FF3399>[<a href="#3">4</a>]</font>, '
        f"as {cite('1', '2')} said."
    )
    assert found(text) == [("CK105", 6), ("CK105", 9), ("CK105", 12)]
    fix = lint_text(text)[0].fix
    assert fix is not None and fix.edits[0].content == "3"
    assert text[fix.edits[0].start : fix.edits[0].end] == "4"


def test_ck105_not_for_dangling_or_non_id_targets() -> None:
    text = _with_body(f'Growth <a href="#9">3</a> and <a href="#x">3</a> {cite("1", "2", "3")}.')
    assert [code for code, _ in found(text)] == ["CK101", "CK106"] * 3


def test_ck105_bracketed_label_is_fine() -> None:
    text = _with_body('Traffic <a href="#1">[1]</a> will grow ' + cite("2", "3") + ".")
    assert found(text) == []


def test_ck106_unbalanced_bracket() -> None:
    text = _with_body(
        'Traffic will grow <font color=#FF3399>[<a href="#1">1</a>, '
        '<a href="#2">2</a></font> and ' + cite("3") + "."
    )
    assert found(text) == [("CK106", 6), ("CK106", 9), ("CK106", 12)]
    line = text.splitlines()[5]
    assert lint_text(text)[0].column == line.index("[") + 1


def test_ck106_anchor_without_href_and_non_id_target() -> None:
    body = f'Traffic {cite("1", "2", "3")} will grow, <a>see</a> and <a href="#intro">x</a>.'
    findings = found(_with_body(body))
    assert findings == [
        ("CK106", 6),
        ("CK106", 6),
        ("CK106", 9),
        ("CK106", 9),
        ("CK106", 12),
        ("CK106", 12),
    ]


def test_ck106_href_without_hash() -> None:
    body = f'Traffic {cite("1", "2")} will grow [<a href="3">3</a>].'
    assert found(_with_body(body)) == [("CK106", 6), ("CK106", 9), ("CK106", 12), ("CK102", 21)]


def test_ck106_other_page_links_are_not_citations() -> None:
    body = f'Traffic {cite("1", "2", "3")} will grow (<a href="https://example.org/x">map</a>).'
    assert found(_with_body(body)) == []


def test_prose_brackets_are_balanced() -> None:
    body = f'Officials said "[the canal] is full" {cite("1", "2", "3")}.'
    assert found(_with_body(body)) == []
