"""In-document suppressions: ranges, next line, whole file, and reporting unused ones."""

from __future__ import annotations

import json
from pathlib import Path

from builder import Row, cite, standard
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.selection import select_rules
from conftest import write

SENTENCE = "The canal authority expects {} more ships a month by 2030."


def explainer(rows: list[Row], cited: tuple[str, ...] = ()) -> str:
    """Rows as given; the summaries cite only ``cited`` (every other row is CK102)."""
    doc = standard(0)
    body = f"Traffic will grow {cite(*cited)}." if cited else "Traffic will grow."
    doc.levels = {name: body for name in ("less-detailed", "summary", "more-detailed")}
    doc.rows = rows
    return doc.text()


def row(i: int, **kwargs: str) -> Row:
    return Row(str(i), SENTENCE.format(100 * i), **kwargs)


def comment(text: str) -> Row:
    return Row("", "", raw=text)


def lint(text: str, extra: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    job = LintJob(select_rules(extend_select=extra))
    return [(d.line, d.code) for d in lint_document(parse_text(text, "x.md"), job)]


def diagnostics(text: str, extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    job = LintJob(select_rules(extend_select=extra))
    return [(d.code, d.message) for d in lint_document(parse_text(text, "x.md"), job)]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_comment_line_between_rows_does_not_end_the_table() -> None:
    text = explainer([row(1), comment("<!-- claimkit-disable-next-line CK102 -->"), row(2)])
    document = parse_text(text, "x.md")
    assert [claim.id for claim in document.claims] == ["1", "2"]


def test_disable_next_line_covers_only_the_next_line() -> None:
    text = explainer(
        [row(1), comment("<!-- claimkit-disable-next-line CK102 -->"), row(2), row(3)],
    )
    assert lint(text) == [(line_of(text, 'id="1"'), "CK102"), (line_of(text, 'id="3"'), "CK102")]


def test_disable_enable_range_by_code_and_by_name() -> None:
    text = explainer(
        [
            row(1),
            comment("<!-- claimkit-disable uncited-claim, CK205 -->"),
            row(2, date=""),
            row(3),
            comment("<!-- claimkit-enable -->"),
            row(4, date=""),
        ]
    )
    four = line_of(text, 'id="4"')
    assert lint(text) == [
        (line_of(text, 'id="1"'), "CK102"),
        (four, "CK102"),
        (four, "CK205"),
    ]


def test_enable_with_codes_reopens_only_those() -> None:
    text = explainer(
        [
            comment("<!-- claimkit-disable -->"),
            row(1, date=""),
            comment("<!-- claimkit-enable CK205 -->"),
            row(2, date=""),
        ]
    )
    assert lint(text) == [(line_of(text, 'id="2"'), "CK205")]


def test_disable_file_with_and_without_codes() -> None:
    rows = [row(1, date=""), row(2)]
    everything = "<!-- claimkit-disable-file -->\n" + explainer(rows)
    assert lint(everything) == []
    some = explainer(rows) + "\n<!-- claimkit-disable-file CK102 -->\n"
    assert lint(some) == [(line_of(some, 'id="1"'), "CK205")]


def test_disable_line_on_the_same_line() -> None:
    text = explainer([row(1), row(2)]).replace(
        "# How will", "# How will <!-- claimkit-disable-line CK005 -->"
    )
    assert [code for _, code in lint(text)] == ["CK102", "CK102"]


def test_directive_in_code_is_not_a_suppression() -> None:
    text = "```\n<!-- claimkit-disable-file -->\n```\n" + explainer([row(1)])
    assert [code for _, code in lint(text)] == ["CK102"]


def test_unused_suppression_flags_only_the_unused_code() -> None:
    text = explainer(
        [row(1), comment("<!-- claimkit-disable-next-line CK205, CK102 -->"), row(2)],
        cited=("1",),
    )
    found = diagnostics(text, ("CK901",))
    assert found == [("CK901", "unused suppression of CK205: no such finding in its range")]
    job = LintJob(select_rules(extend_select=("CK901",)))
    (unused,) = lint_document(parse_text(text, "x.md"), job)
    line = text.splitlines()[unused.line - 1]
    assert line[unused.column - 1 :].startswith("CK205")
    # Not asked for: nothing is reported.
    assert diagnostics(text) == []


def test_unused_whole_directive_and_rule_that_did_not_run() -> None:
    text = explainer(
        [row(1), comment("<!-- claimkit-disable-next-line -->"), row(2)], cited=("1", "2")
    )
    assert [code for code, _ in diagnostics(text, ("CK901",))] == ["CK901"]
    # A suppression for a rule that did not run here cannot be judged unused.
    text = explainer([comment("<!-- claimkit-disable-next-line CK401 -->"), row(1)], ("1",))
    job = LintJob(select_rules(select=("CK1", "CK901")))
    assert lint_document(parse_text(text, "x.md"), job) == []


def test_invalid_suppressions() -> None:
    text = explainer(
        [
            comment("<!-- claimkit-disabel CK102 -->"),
            row(1),
            comment("<!-- claimkit-disable-next-line CK1O2 -->"),
            row(2),
        ]
    )
    found = diagnostics(text, ("CK902",))
    assert ("CK902", "unknown suppression directive 'claimkit-disabel'") in found
    assert ("CK902", "unknown rule 'CK1O2' in claimkit-disable-next-line") in found
    # An all-unknown list suppresses nothing rather than everything.
    assert [code for code, _ in found].count("CK102") == 2


def test_report_unused_suppressions_flag(tmp_path: Path, cli) -> None:
    text = explainer([comment("<!-- claimkit-disable-next-line CK205 -->"), row(1)], ("1",))
    write(tmp_path / "a.md", text)
    assert cli("lint", "a.md").code == 0
    result = cli("lint", "--report-unused-suppressions", "--format", "json", "a.md")
    assert result.code == 1
    assert [d["code"] for d in json.loads(result.stdout)] == ["CK901"]


def test_suppression_with_crlf_and_bom() -> None:
    doc = standard(0)
    doc.levels = {name: "Nothing cited." for name in ("less-detailed", "summary", "more-detailed")}
    doc.rows = [comment("<!-- claimkit-disable-next-line CK102 -->"), row(1)]
    doc.newline = "\r\n"
    doc.bom = True
    text = doc.text().removeprefix("\ufeff")
    assert lint(text) == []
