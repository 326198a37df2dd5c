"""CK301 duplicate-claim, through the lint engine."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from builder import Explainer, Row, cite
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.rules import BY_CODE
from claimkit.settings import Settings
from dedupe_support import seed_text


def ck301(text: str, threshold: float | None = None) -> list[tuple[int, int, str]]:
    job = LintJob((BY_CODE["CK301"],), Settings(dedupe_threshold=threshold))
    return [(d.line, d.column, d.message) for d in lint_document(parse_text(text, "x.md"), job)]


def test_seed_reports_claims_2_and_7_as_duplicates_of_1() -> None:
    assert ck301(seed_text()) == [
        (20, 1, "claim 2 duplicates claim 1"),
        (25, 1, "claim 7 duplicates claim 1"),
    ]


def test_json_fields() -> None:
    job = LintJob((BY_CODE["CK301"],))
    [diagnostic] = lint_document(
        parse_text(
            Explainer(
                levels={"summary": f"Text {cite('1', '2')}."},
                rows=[Row("1", SENTENCE), Row("2", SENTENCE.upper())],
            ).text(),
            "x.md",
        ),
        job,
    )
    data = diagnostic.as_json()
    assert {k: data[k] for k in ("code", "name", "severity", "message", "fixable")} == {
        "code": "CK301",
        "name": "duplicate-claim",
        "severity": "warning",
        "message": "claim 2 duplicates claim 1",
        "fixable": True,
    }


SENTENCE = "The port authority expects 120 more container ships a month by 2030, officials said."


def _doc(*sentences: str) -> str:
    rows = [Row(str(i), s) for i, s in enumerate(sentences, 1)]
    ids = [r.id for r in rows]
    return Explainer(levels={"summary": f"Text {cite(*ids)}."}, rows=rows).text()


def test_one_diagnostic_per_later_row_naming_the_earliest() -> None:
    found = ck301(_doc(SENTENCE, "Other claim about 7 ferries.", SENTENCE, SENTENCE.lower()))
    assert [m for _, _, m in found] == [
        "claim 3 duplicates claim 1",
        "claim 4 duplicates claim 1",
    ]


def test_decoys_are_not_reported() -> None:
    assert ck301(_doc(
        SENTENCE,
        SENTENCE.replace("120", "1,200"),
        SENTENCE.replace("expects", "does not expect"),
        SENTENCE.replace("port authority", "Panama authority"),
    )) == []  # fmt: skip


def test_near_duplicates_follow_the_threshold_setting() -> None:
    near = SENTENCE.replace("expects", "still expects")
    assert len(ck301(_doc(SENTENCE, near))) == 1
    assert ck301(_doc(SENTENCE, near), threshold=99.9) == []


def test_rows_with_a_repeated_id_are_left_to_ck103() -> None:
    rows = [Row("1", SENTENCE), Row("1", SENTENCE)]
    text = Explainer(levels={"summary": f"x {cite('1')}"}, rows=rows).text()
    assert ck301(text) == []
