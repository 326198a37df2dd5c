"""CK001-CK005: the explainer's structure."""

from __future__ import annotations

from builder import standard
from claimkit.engine import LintJob, lint_bytes
from claimkit.selection import select_rules
from conftest import found


def test_clean_explainer_has_no_findings() -> None:
    assert found(standard().text()) == []


# CK001 -----------------------------------------------------------------------------------


def test_ck001_latin1_names_the_byte_and_position() -> None:
    data = standard().text().replace("canal", "caf\u00e9", 1).encode("latin-1")
    result = lint_bytes(data, "x.md", LintJob(select_rules()))
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("CK001", 1, 1)]
    assert "byte 0xe9 at line 1" in result.diagnostics[0].message


def test_ck001_binary() -> None:
    result = lint_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png", LintJob(select_rules()))
    assert [d.code for d in result.diagnostics] == ["CK001"]
    assert "binary" in result.diagnostics[0].message


def test_ck001_utf8_is_fine() -> None:
    data = standard().text().replace("canal", "caf\u00e9", 1).encode("utf-8")
    assert lint_bytes(data, "x.md", LintJob(select_rules())).diagnostics == ()


# CK002 -----------------------------------------------------------------------------------


def test_ck002_slider_without_claims_table() -> None:
    doc = standard()
    doc.claims_heading = False
    # Every citation now dangles too; CK002 is reported once, at line 1.
    assert ("CK002", 1) in found(doc.text())
    assert found(doc.text(), "CK002") == [("CK002", 1)]


def test_ck002_heading_without_rows() -> None:
    doc = standard()
    doc.rows = []
    assert found(doc.text(), "CK002") == [("CK002", 1)]


# CK003 -----------------------------------------------------------------------------------


def test_ck003_missing_level_reported_at_slider_line() -> None:
    doc = standard()
    del doc.levels["summary"]
    assert found(doc.text(), "CK003") == [("CK003", 4)]


def test_ck003_empty_level() -> None:
    doc = standard()
    doc.levels["more-detailed"] = "   "
    assert found(doc.text(), "CK003") == [("CK003", 4)]


def test_ck003_unknown_level_at_its_template_and_its_citations_count() -> None:
    doc = standard(3)
    body = doc.levels.pop("more-detailed")
    doc.levels["more-detialed"] = body
    # One finding, at the misspelt template (line 11): it is the missing level under another
    # name. The citations inside it still count, so nothing is uncited.
    assert found(doc.text()) == [("CK003", 11)]


def test_ck003_unknown_level_and_another_missing() -> None:
    doc = standard(3)
    body = doc.levels.pop("more-detailed")
    del doc.levels["summary"]
    doc.levels["details"] = body
    # less-detailed on 5-7, "details" template on line 8; one missing level is left over.
    assert found(doc.text()) == [("CK003", 4), ("CK003", 8)]


def test_ck003_claims_table_without_slider_is_one_finding_at_line_1() -> None:
    doc = standard()
    doc.slider = False
    assert found(doc.text(), "CK003") == [("CK003", 1)]


# CK004 -----------------------------------------------------------------------------------


def test_ck004_raw_pipe_breaks_the_row_but_keeps_its_id_defined() -> None:
    doc = standard(2)
    doc.rows[1].sentence = "Tolls rose 3|4 percent."
    findings = found(doc.text())
    assert findings == [("CK004", 20)]  # no CK101 for citations of claim 2


def test_ck004_row_without_anchor_leaves_its_citations_dangling() -> None:
    doc = standard(2)
    doc.rows[1].raw = doc.rows[1].line().replace('<font id="2" color=#FF3399>[2]</font>', "")
    # Lines 6, 9 and 12 hold the three levels' citations of claim 2; row 2 is line 20.
    assert found(doc.text()) == [("CK101", 6), ("CK101", 9), ("CK101", 12), ("CK004", 20)]


def test_ck004_anchor_without_id_attribute_keeps_the_shown_id() -> None:
    doc = standard(2)
    doc.rows[1].raw = doc.rows[1].line().replace('<font id="2" color', "<font color")
    assert found(doc.text()) == [("CK004", 20)]


def test_ck002_suppresses_dangling_citations_and_ck003_uncited_claims() -> None:
    no_table = standard()
    no_table.claims_heading = False
    assert found(no_table.text()) == [("CK002", 1)]
    no_slider = standard()
    no_slider.slider = False
    assert found(no_slider.text()) == [("CK003", 1)]


def test_ck004_escaped_pipe_is_fine() -> None:
    doc = standard(2)
    doc.rows[1].sentence = "Tolls rose 3\\|4 percent."
    doc.rows[1].context = "Traffic fell. Tolls rose 3\\|4 percent. Then it stopped."
    assert found(doc.text()) == []


# CK005 -----------------------------------------------------------------------------------


def test_ck005_missing_title() -> None:
    doc = standard()
    doc.title = None
    assert found(doc.text(), "CK005") == [("CK005", 1)]


def test_ck005_present_title() -> None:
    assert found(standard().text(), "CK005") == []


def test_non_explainer_markdown_is_skipped() -> None:
    result = lint_bytes(
        b"# Notes\n\nJust a README with a [link](#top).\n", "README.md", LintJob(select_rules())
    )
    assert result.diagnostics == () and result.skipped


def test_rows_without_outer_pipes_parse() -> None:
    doc = standard(2)
    doc.rows[0].raw = doc.rows[0].line()[1:-1]
    assert found(doc.text()) == []
