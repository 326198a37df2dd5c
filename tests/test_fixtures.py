"""Fixture explainers that state their own findings, and golden files for every fix.

Conventions: tests/fixtures/README.md. ``CLAIMKIT_UPDATE_GOLDENS=1`` rewrites the
``.fixed.md`` goldens from the current fixer instead of comparing (never in CI).
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

from fixture_expect import FixtureError, expectations

FIXTURES = Path(__file__).resolve().parent / "fixtures"
UPDATE = os.environ.get("CLAIMKIT_UPDATE_GOLDENS") == "1"
# Every rule, off-by-default ones included, so that a fixture's expectations are complete.
LINT = ("lint", "--isolated", "--select", "ALL", "--format", "json")


def _inputs() -> list[Path]:
    return sorted(
        path
        for path in FIXTURES.rglob("*.md")
        if path.name != "README.md" and not path.name.endswith(".fixed.md")
    )


def _id(path: Path) -> str:
    return str(path.relative_to(FIXTURES))


FIX_INPUTS = [path for path in _inputs() if path.parent.parent.name == "fix"]


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", _inputs(), ids=_id)
def test_fixture_findings_are_exactly_the_expected_ones(path: Path, cli) -> None:
    expected = expectations(path.relative_to(FIXTURES), _read(path))
    out = cli(*LINT, str(path))
    assert out.code in (0, 1), out.stderr
    found = json.loads(out.stdout)
    actual = Counter((d["line"], d["code"]) for d in found)
    messages = {(d["line"], d["code"]): d["message"] for d in found}
    missing = sorted((expected - actual).elements())
    unexpected = sorted((actual - expected).elements())
    report = [f"{_id(path)}:{line}: {code} expected, not reported" for line, code in missing]
    report += [
        f"{_id(path)}:{line}: {code} reported, not expected: {messages[(line, code)]}"
        for line, code in unexpected
    ]
    assert not report, "\n".join(report)


def _command(path: Path) -> list[str]:
    stem = path.name.removesuffix(".md")
    # CK301's merge is dedupe's fix; every other fixable rule is lint's.
    args = (
        ["dedupe", "--isolated", "--fix"]
        if stem.startswith("CK301")
        else ["lint", "--isolated", "--fix"]
    )
    if stem.endswith("-unsafe"):
        args.append("--unsafe-fixes")
    return args


@pytest.mark.parametrize("path", FIX_INPUTS, ids=_id)
def test_fix_matches_its_golden_byte_for_byte(path: Path, cli, tmp_path: Path) -> None:
    golden = path.with_name(path.name.removesuffix(".md") + ".fixed.md")
    work = tmp_path / path.name
    shutil.copyfile(path, work)
    cli(*_command(path), work.name, cwd=tmp_path)
    fixed = work.read_bytes()
    if UPDATE:
        if os.environ.get("CI"):
            pytest.fail("CLAIMKIT_UPDATE_GOLDENS is for deliberate local runs, never CI")
        golden.write_bytes(fixed)
    assert golden.exists(), f"no golden {golden.name}: run with CLAIMKIT_UPDATE_GOLDENS=1"
    assert fixed == golden.read_bytes(), f"{_id(path)}: fixed text differs from {golden.name}"
    # A second run finds nothing more to change.
    cli(*_command(path), work.name, cwd=tmp_path)
    assert work.read_bytes() == fixed
    # What was fixed is gone; a fix held back (a near duplicate without --unsafe-fixes)
    # leaves the file, and its finding, as they were.
    code = path.name[:5]
    still = json.loads(cli(*LINT, "--select", code, work.name, cwd=tmp_path).stdout)
    assert bool(still) == (fixed == path.read_bytes()), still


def test_every_fixable_rule_has_a_golden_in_every_layout() -> None:
    from claimkit.rules import RULES

    fixable = {rule.code for rule in RULES if rule.fixable}
    layouts = sorted(path for path in (FIXTURES / "fix").iterdir() if path.is_dir())
    assert {"reference", "later"} <= {layout.name for layout in layouts}
    for layout in layouts:
        covered = {path.name[:5] for path in layout.glob("CK*.fixed.md")}
        assert covered == fixable, f"{layout.name}: goldens for {sorted(covered)}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a <!-- expect: CK102 -->\nb\n", {(1, "CK102"): 1}),
        ("<!-- expect: CK102 -->\nb\n", {(2, "CK102"): 1}),
        (
            "<!-- expect: CK102, CK205 -->\n<!-- expect: CK102 -->\nb\n",
            {(3, "CK102"): 2, (3, "CK205"): 1},
        ),
        ("x <!-- expect: CK203 CK203 -->\n", {(1, "CK203"): 2}),
        # A suppression on the line makes it a line of its own: the expectation is for it.
        ("<!-- claimkit-disable-next-line CK777 --> <!-- expect: CK902 -->\n", {(1, "CK902"): 1}),
        (
            "<!-- expect: CK102 -->\n<!-- claimkit-disable-next-line CK205 -->\nb\n",
            {(3, "CK102"): 1},
        ),
        ("<!-- claimkit-disable-next-line CK102 -->\n", {}),
        ("`<!-- expect: CK102 -->` in code is text\n", {}),
    ],
)
def test_expectation_placement(text: str, expected: dict[tuple[int, str], int]) -> None:
    assert dict(expectations(Path("t.md"), text)) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("<!-- expect CK102 -->\nx\n", "malformed expectation"),
        ("x <!--expect: CK102-->\n", "malformed expectation"),
        ("x <!-- Expect: ck102 -->\n", "malformed expectation"),
        ("x <!-- expect: CK102\n-->\n", "malformed expectation"),
        ("x <!-- expect: CK777 -->\n", "unknown rule CK777"),
        ("x\n<!-- expect: CK102 -->\n", "no line after it"),
    ],
)
def test_malformed_expectations_are_errors(text: str, why: str) -> None:
    with pytest.raises(FixtureError, match=why):
        expectations(Path("t.md"), text)
