"""One fix engine: CK301's merge through lint --fix and dedupe --fix alike, and `fixable`
true exactly for the findings that --fix (or --unsafe-fixes) would fix."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from builder import Row, cite, standard
from conftest import Run, lint_text, write

SENTENCE = "Canal officials cut daily transits from 36 to 24 as the lake fell to a record low."
NEAR = SENTENCE.replace(" as the lake", ", port officials said, as the lake")


def _document(*, uncited_repeat: bool = False) -> str:
    doc = standard(4)
    doc.rows[1] = Row("2", SENTENCE)
    doc.rows[2] = Row("3", SENTENCE)  # an exact repeat of claim 2
    doc.rows[3] = Row("4", NEAR)  # a near one
    ids = ["1", "2", "4"] if uncited_repeat else ["1", "2", "3", "4"]
    doc.levels = {name: f"Transits fell {cite(*ids)}." for name in doc.levels}
    return doc.text()


def test_lint_fix_and_dedupe_fix_write_the_same_text(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    for unsafe in ([], ["--unsafe-fixes"]):
        write(tmp_path / "lint" / "a.md", _document())
        shutil.copytree(tmp_path / "lint", tmp_path / "dedupe", dirs_exist_ok=True)
        cli("lint", "--isolated", "--select", "CK301,CK104", "--fix", *unsafe, "lint/a.md")
        cli("dedupe", "--isolated", "--fix", *unsafe, "dedupe/a.md")
        fixed = (tmp_path / "lint" / "a.md").read_text(encoding="utf-8")
        assert fixed == (tmp_path / "dedupe" / "a.md").read_text(encoding="utf-8")
        assert fixed.count(f"</font> {SENTENCE}|") == 1  # the exact repeat went, in both modes
        assert (NEAR in fixed) == (not unsafe)  # the near one only with --unsafe-fixes
        assert not [d for d in lint_text(fixed) if d.code in ("CK101", "CK104")]


def test_fixable_is_per_finding(tmp_path: Path, cli: Callable[..., Run]) -> None:
    write(tmp_path / "a.md", _document(uncited_repeat=True))
    result = cli("lint", "--isolated", "--select", "CK301", "--format", "json", "a.md")
    fixable = {d["line"]: d["fixable"] for d in json.loads(result.stdout)}
    # Row 3 repeats row 2 but no summary cites it: reported, never removed, so not fixable.
    # Row 4 is a near duplicate: fixable, with --unsafe-fixes.
    assert fixable == {21: False, 22: True}
    assert "1 more fixable with --fix --unsafe-fixes" in result.stderr
