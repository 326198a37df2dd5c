"""CK202 unrated-source, CK203 bias-label-mismatch, CK401 one-sided-sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import Row, cite, standard
from claimkit.cli import app
from claimkit.engine import LintJob, lint_document
from claimkit.fix.edits import apply_edits
from claimkit.parse import parse_text
from claimkit.selection import select_rules
from claimkit.settings import Settings
from conftest import found, lint_text

CNN_LIVE = "https://www.cnn.com/europe/live-news/canal-news-11-02-22/h_0a1b2c"


def test_ck202_unrated_domain_reported_at_the_url() -> None:
    doc = standard(2)
    doc.rows[1].url = "https://news.harbourledger.co.uk/2022/11/story"
    (diagnostic,) = lint_text(doc.text(), "CK202")
    assert (diagnostic.line, diagnostic.severity.label) == (20, "info")
    assert diagnostic.message == (
        "source domain news.harbourledger.co.uk is not in the ratings database"
    )
    line = doc.text().splitlines()[19]
    assert line[diagnostic.column - 1 :].startswith("https://news.harbourledger.co.uk/")


def test_invalid_url_gets_neither_ck202_nor_ck203() -> None:
    doc = standard(2)
    doc.rows[1].url = "www.cnn.com/europe/x"  # CK201: no scheme
    doc.rows[1].bias = "Right"
    assert found(doc.text()) == [("CK201", 20)]


def test_ck203_path_aware_rating_and_safe_fix() -> None:
    doc = standard(3)
    doc.rows[0].url = CNN_LIVE
    doc.rows[0].bias = "Left"  # what a bare-domain pipeline got from CNN Fact Check
    doc.rows[2].url = "https://www.cnn.com/opinions/2022/11/02/piece"
    doc.rows[2].bias = "Left"  # CNN (Opinion) is Left: correct
    text = doc.text()
    (diagnostic,) = lint_text(text, "CK203")
    assert diagnostic.line == 19 and diagnostic.fixable
    assert '"Left"' in diagnostic.message and "CNN Digital" in diagnostic.message
    assert diagnostic.fix is not None and diagnostic.fix.applicability.value == "safe"
    fixed = apply_edits(text, diagnostic.fix.edits)
    assert fixed == text.replace('bias="Left"', 'bias="Lean Left"', 1)
    assert lint_text(fixed, "CK203") == []


@pytest.mark.parametrize(
    ("inline", "expected"),
    [
        ("N/A", [("CK203", 19)]),  # an N/A on a rated domain is a wrong label
        ("Mixed", [("CK203", 19)]),  # Mixed is a label like the others
        ("Centre", [("CK204", 19)]),  # unknown label: CK204 only
        ("Lean Left", []),
    ],
)
def test_ck203_label_cases(inline: str, expected: list[tuple[str, int]]) -> None:
    doc = standard(2)
    doc.rows[0].url = CNN_LIVE
    doc.rows[0].bias = inline
    assert found(doc.text()) == expected


@pytest.mark.parametrize(
    ("inline", "fires"), [("Left", False), ("Lean Left", False), ("Center", True)]
)
def test_ck203_ambiguous_database_accepts_any_tied_label(inline: str, fires: bool) -> None:
    doc = standard(2)
    doc.rows[0].url = "https://apnews.com/article/canal-drought-0123"
    doc.rows[0].bias = inline
    found_ = lint_text(doc.text(), "CK203")
    assert bool(found_) is fires
    if fires:
        assert "ambiguous" in found_[0].message and found_[0].fix is None


def test_user_ratings_layer_over_the_shipped_ones(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "entries:\n"
        "  - {name: Harbour Ledger, domains: [harbourledger.example], bias: Right}\n"
        "  - {name: CNN as we see it, domains: [cnn.com], bias: Center}\n",
        encoding="utf-8",
    )
    doc = standard(2)
    doc.rows[0].url = CNN_LIVE  # inline Center: right for our file, wrong for the shipped one
    doc.rows[1].url = "https://harbourledger.example/x"
    doc.rows[1].bias = "Right"
    document = parse_text(doc.text(), "doc.md")
    plain = LintJob(select_rules(["CK202", "CK203"]))
    assert [(d.code, d.line) for d in lint_document(document, plain)] == [
        ("CK203", 19),
        ("CK202", 20),
    ]
    layered = LintJob(plain.rules, Settings(ratings_files=(str(mine),)))
    assert lint_document(document, layered) == []
    path = tmp_path / "doc.md"
    path.write_text(doc.text(), encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["lint", str(path)]).exit_code == 1
    assert runner.invoke(app, ["lint", "--ratings", str(mine), str(path)]).exit_code == 0


def _one_sided() -> str:
    doc = standard(3)
    for row in doc.rows:
        row.url = "https://www.nbcnews.com/news/world/story-" + row.id
        row.bias = "Lean Left"
    return doc.text()


def test_ck401_off_by_default_and_reports_the_blindspot() -> None:
    text = _one_sided()
    assert [code for code, _ in found(text)] == []
    (diagnostic,) = lint_text(text, "CK401")
    assert (diagnostic.line, diagnostic.column) == (1, 1)
    assert (
        "blindspot: right" in diagnostic.message and "1 left-leaning outlet" in diagnostic.message
    )


def test_ck401_quiet_when_both_sides_are_there() -> None:
    doc = standard(3)
    doc.rows[0].url = "https://www.nbcnews.com/news/x"
    doc.rows[0].bias = "Lean Left"
    doc.rows[1].url = "https://www.foxnews.com/politics/x"
    doc.rows[1].bias = "Right"
    doc.levels["summary"] = f"Both {cite('1', '2', '3')}."
    assert lint_text(doc.text(), "CK401") == []


def test_ck401_agrees_with_the_bias_report(tmp_path: Path) -> None:
    import json

    path = tmp_path / "doc.md"
    path.write_text(_one_sided(), encoding="utf-8")
    report = CliRunner().invoke(app, ["bias-report", "--format", "json", str(path)])
    assert json.loads(report.stdout)["documents"][0]["outlets"]["blindspot"] == "right"


def test_rows_without_source_do_not_crash() -> None:
    doc = standard(2)
    doc.rows.append(
        Row("3", "A row with a broken source cell.", raw='|<font id="3">[3]</font> x|y|')
    )
    codes = {code for code, _ in found(doc.text(), "CK2")}
    assert "CK202" not in codes and "CK203" not in codes


def test_lint_fix_applies_the_ck203_label(tmp_path: Path) -> None:
    doc = standard(3)
    doc.newline = "\r\n"
    doc.bom = True
    doc.rows[1].url = CNN_LIVE
    doc.rows[1].bias = "Left"
    path = tmp_path / "doc.md"
    before = doc.text().encode("utf-8")
    path.write_bytes(before)
    result = CliRunner().invoke(app, ["lint", "--fix", str(path)])
    assert result.exit_code == 0, result.output
    after = path.read_bytes()
    # Only the label changed: BOM, CRLF and every other byte as they were.
    assert after == before.replace(b'bias="Left"', b'bias="Lean Left"', 1)
