"""lint --fix / --diff: safe, unsafe and display-only fixes, the fixpoint loop and its guards."""

from __future__ import annotations

import json
from pathlib import Path

from builder import Row, cite, standard
from claimkit.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from claimkit.fix.apply import choose, fix_text
from claimkit.model import Document
from claimkit.parse import parse_text
from conftest import write


def mislabelled() -> str:
    """CK105 twice: citations that show 2 but link to 1 (one per level)."""
    doc = standard(2)
    wrong = '<font color=#FF3399>[<a href="#1">2</a>, <a href="#2">2</a>]</font>'
    doc.levels = {name: f"Traffic will grow {wrong}." for name in doc.levels}
    doc.levels["less-detailed"] = f"Traffic will grow {cite('1', '2')}."
    return doc.text()


def out_of_order() -> str:
    """CK104: rows 1, 3, 2, cited by the summaries; the fix renumbers rows and citations."""
    doc = standard(3)
    doc.rows = [doc.rows[0], doc.rows[2], doc.rows[1]]
    doc.rows[1] = Row("3", doc.rows[1].sentence)
    doc.rows[2] = Row("2", doc.rows[2].sentence)
    doc.levels = {
        name: f"Traffic will grow {cite('3')} and {cite('2', '1')}." for name in doc.levels
    }
    return doc.text()


def test_fix_relabels_and_reports(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    result = cli("lint", "--fix", "a.md")
    assert result.code == 0
    assert result.stdout == ""
    assert "Fixed 2 problems, 0 remaining." in result.stderr
    assert target.read_text(encoding="utf-8") == mislabelled().replace(
        '<a href="#1">2</a>', '<a href="#1">1</a>'
    )
    assert cli("lint", "a.md").code == 0


def test_fix_renumbers_rows_and_citations(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", out_of_order())
    assert cli("lint", "--select", "CK104", "a.md").code == 1
    result = cli("lint", "--fix", "a.md")
    assert result.code == 0, result.stdout
    fixed = target.read_text(encoding="utf-8")
    document = parse_text(fixed, "a.md")
    assert [claim.id for claim in document.claims] == ["1", "2", "3"]
    # The row that was 3 is now 2, and the citation that pointed at it followed.
    assert document.claims[1].sentence.value == standard(3).rows[2].sentence
    assert f"Traffic will grow {cite('2')} and {cite('3', '1')}." in fixed
    assert cli("lint", "a.md").code == 0


def test_fix_keeps_crlf_and_bom_byte_for_byte(tmp_path: Path, cli) -> None:
    doc = standard(2)
    wrong = '<font color=#FF3399>[<a href="#1">9</a>, <a href="#2">2</a>]</font>'
    doc.levels = {name: f"Traffic will grow {wrong}." for name in doc.levels}
    doc.newline, doc.bom = "\r\n", True
    original = doc.text().encode("utf-8")
    target = tmp_path / "a.md"
    target.write_bytes(original)
    assert cli("lint", "--fix", "a.md").code == 0
    assert target.read_bytes() == original.replace(b'"#1">9<', b'"#1">1<')


def test_diff_shows_and_writes_nothing(tmp_path: Path, cli) -> None:
    target = write(tmp_path / "a.md", mislabelled())
    result = cli("lint", "--diff", "a.md")
    assert result.code == 1
    assert result.stdout.startswith("--- a/a.md\n+++ b/a.md\n")
    assert '-Traffic will grow <font color=#FF3399>[<a href="#1">2</a>' in result.stdout
    assert '+Traffic will grow <font color=#FF3399>[<a href="#1">1</a>' in result.stdout
    assert "Would fix 2 problems in 1 file." in result.stderr
    assert target.read_text(encoding="utf-8") == mislabelled()
    write(tmp_path / "clean.md", standard(2).text())
    clean = cli("lint", "--diff", "clean.md")
    assert clean.code == 0 and clean.stdout == ""


def test_fix_select_limits_the_fixes(tmp_path: Path, cli) -> None:
    text = out_of_order().replace('<a href="#1">1</a>', '<a href="#1">7</a>')
    target = write(tmp_path / "a.md", text)
    result = cli("lint", "--fix", "--select", "CK105", "a.md")
    assert result.code == 0
    fixed = target.read_text(encoding="utf-8")
    assert '<a href="#1">7</a>' not in fixed
    assert [c.id for c in parse_text(fixed, "a.md").claims] == ["1", "3", "2"]


def test_remaining_findings_are_reported_and_fail(tmp_path: Path, cli) -> None:
    doc = standard(2)
    wrong = '<font color=#FF3399>[<a href="#1">2</a>, <a href="#2">2</a>]</font>'
    doc.levels = {name: f"Traffic grows {wrong}." for name in doc.levels}
    doc.rows[1] = Row("2", doc.rows[1].sentence, date="")
    write(tmp_path / "a.md", doc.text())
    result = cli("lint", "--fix", "--format", "json", "a.md")
    assert result.code == 1
    assert [d["code"] for d in json.loads(result.stdout)] == ["CK205"]
    assert "Fixed 3 problems, 1 remaining." in result.stderr


def test_exit_non_zero_on_fix(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", mislabelled())
    assert cli("lint", "--fix", "--exit-non-zero-on-fix", "a.md").code == 1
    assert cli("lint", "--fix", "--exit-non-zero-on-fix", "a.md").code == 0


def test_fix_from_stdin_prints_the_fixed_text(cli) -> None:
    result = cli("lint", "--fix", "-", input=mislabelled().encode())
    assert result.code == 0
    assert result.stdout == mislabelled().replace('<a href="#1">2</a>', '<a href="#1">1</a>')


def test_lint_without_fix_mentions_fixable_count(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", mislabelled())
    assert "2 fixable with --fix" in cli("lint", "a.md").stderr


# The machinery, with fixes of every applicability (no shipped rule has an unsafe one yet).


def _diagnostic(fix: Fix | None, code: str = "CK999") -> Diagnostic:
    return Diagnostic("x.md", 1, 1, code, "test", Severity.WARNING, "m", True, fix=fix)


def _lint_replacing(word: str, applicability: Applicability):  # type: ignore[no-untyped-def]
    """A stand-in rule: every ``word`` in the text is a finding whose fix uppercases it."""

    def lint(document: Document) -> list[Diagnostic]:
        found = []
        start = document.text.find(word)
        while start != -1:
            edit = Edit(start, start + len(word), word.upper())
            found.append(_diagnostic(Fix("upper", (edit,), applicability)))
            start = document.text.find(word, start + 1)
        return found

    return lint


def test_applicability_decides_what_is_applied() -> None:
    document = parse_text(standard(1).text(), "x.md")
    safe = {Applicability.SAFE}
    both = {Applicability.SAFE, Applicability.UNSAFE}
    unsafe_lint = _lint_replacing("ships", Applicability.UNSAFE)
    held = fix_text(document, unsafe_lint, safe)
    assert held.text == document.text and held.fixed == 0 and held.unsafe_held > 0
    applied = fix_text(document, unsafe_lint, both)
    assert "SHIPS" in applied.text and "ships" not in applied.text and applied.unsafe_held == 0
    display = fix_text(document, _lint_replacing("ships", Applicability.DISPLAY_ONLY), both)
    assert display.text == document.text and display.fixed == 0


def test_overlapping_fixes_are_skipped_then_retried() -> None:
    first = _diagnostic(Fix("a", (Edit(0, 5, "x"),)))
    second = _diagnostic(Fix("b", (Edit(3, 8, "y"),)))
    third = _diagnostic(Fix("c", (Edit(8, 9, "z"),)))
    assert [f.title for f in choose([first, second, third], {Applicability.SAFE})] == ["a", "c"]


def test_fix_that_breaks_structure_is_not_applied() -> None:
    text = standard(2).text()
    document = parse_text(text, "x.md")
    row = document.claims[1].row

    def lint(doc: Document) -> list[Diagnostic]:
        if doc.text != text:
            return []
        return [_diagnostic(Fix("drop the row", (Edit(row.start, row.end + 1, ""),)))]

    outcome = fix_text(document, lint, {Applicability.SAFE})
    assert outcome.reverted and outcome.text == text and outcome.fixed == 0


def test_fixes_that_never_settle_stop_at_the_cap() -> None:
    document = parse_text(standard(1).text(), "x.md")

    def lint(doc: Document) -> list[Diagnostic]:
        # Always one more character to append: a rule pair that keeps undoing each other.
        end = len(doc.text)
        return [_diagnostic(Fix("grow", (Edit(end, end, "\n"),)))]

    outcome = fix_text(document, lint, {Applicability.SAFE}, max_iterations=5)
    assert not outcome.converged
    assert outcome.text == document.text + "\n" * 5  # five passes, then the cap


def test_renumbering_goes_around_a_dangling_citation(tmp_path: Path, cli) -> None:
    doc = standard(4)
    doc.rows = [doc.rows[0], Row("3", doc.rows[2].sentence), Row("5", doc.rows[3].sentence)]
    doc.levels = {name: f"Traffic will grow {cite('1', '2', '3', '5')}." for name in doc.levels}
    target = write(tmp_path / "a.md", doc.text())
    for flags in (("--fix",), ("--fix", "--unsafe-fixes")):
        cli("lint", *flags, "a.md")
        fixed = parse_text(target.read_text(encoding="utf-8"), "a.md")
        # 2 is what the dangling citation names: it stays nobody's, 5 becomes 4.
        assert [claim.id for claim in fixed.claims] == ["1", "3", "4"]
        assert [c.target for c in fixed.citations][:4] == ["1", "2", "3", "4"]
    # Nothing more to do: the warning stays (2 is missing), without a fix.
    assert "fixable" not in cli("lint", "a.md").stderr


def test_fix_of_stdin_cannot_mix_with_files(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", mislabelled())
    result = cli("lint", "--fix", "-", "a.md", input=mislabelled())
    assert result.code == 2 and "give no other paths" in result.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == mislabelled()


def test_guard_lets_a_side_by_side_repeat_go_but_not_a_distant_one() -> None:
    from claimkit.fix.guard import same_meanings

    def group(i: str) -> str:
        return f'<font color=#FF3399>[<a href="#{i}">{i}</a>]</font>'

    doc = standard(2)
    doc.levels = {
        name: f"Traffic grows {group('1')}{group('1')}. Fares rise {group('1')}."
        for name in doc.levels
    }
    before = parse_text(doc.text())
    doc.levels = {
        name: f"Traffic grows {group('1')}. Fares rise {group('1')}." for name in doc.levels
    }
    assert same_meanings(before, parse_text(doc.text()))  # the adjacent repeat went
    doc.levels = {
        name: f"Traffic grows {group('1')}{group('1')}. Fares rise." for name in doc.levels
    }
    assert not same_meanings(before, parse_text(doc.text()))  # a sentence lost its citation
