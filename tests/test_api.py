"""The Python API (docs/api.md), used as a pipeline would use it."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimkit
from claimkit import ConfigError, Diagnostic, Document, LintResult, Severity

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "panama-canal-drought.md"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def test_import_claimkit_stays_cheap() -> None:
    probe = (
        "import sys, claimkit; print(sorted(m for m in sys.modules"
        " if m.startswith('claimkit') or m in ('typer', 'rich', 'requests', 'yaml')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['claimkit', 'claimkit.version']"  # the version: a constant


def test_lint_text_gives_what_the_cli_gives(tmp_path: Path, cli) -> None:
    result = claimkit.lint_text(TEXT, path="canal.md")
    assert isinstance(result, LintResult) and result.path == "canal.md"
    assert all(isinstance(d, Diagnostic) for d in result.diagnostics)
    shutil.copyfile(EXAMPLE, tmp_path / "canal.md")
    printed = json.loads(cli("lint", "--isolated", "--format", "json", "canal.md").stdout)
    assert [(d.line, d.column, d.code, d.message) for d in result.diagnostics] == [
        (p["line"], p["column"], p["code"], p["message"]) for p in printed
    ]
    assert not result.ok and len(result.failing(Severity.WARNING)) == 12
    assert result.failing(Severity.ERROR) == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.path = "x"  # type: ignore[misc]


def test_config_as_mapping_or_file(tmp_path: Path) -> None:
    only_ck1 = claimkit.lint_text(TEXT, config={"select": ["CK1"]})
    assert {d.code for d in only_ck1.diagnostics} == {"CK102"}
    severity = claimkit.lint_text(TEXT, config={"severity": {"CK102": "error"}})
    assert {d.severity for d in severity.diagnostics if d.code == "CK102"} == {Severity.ERROR}
    (tmp_path / "claimkit.toml").write_text('ignore = ["CK2", "CK3"]\n', encoding="utf-8")
    from_file = claimkit.lint_text(TEXT, config=tmp_path / "claimkit.toml")
    assert {d.code for d in from_file.diagnostics} == {"CK102"}
    per_file = {"per-file-ignores": {"drafts/*": ["CK2"]}}
    assert not any(
        d.code.startswith("CK2")
        for d in claimkit.lint_text(TEXT, path="drafts/a.md", config=per_file).diagnostics
    )
    assert any(
        d.code.startswith("CK2")
        for d in claimkit.lint_text(TEXT, path="final/a.md", config=per_file).diagnostics
    )


def test_bad_input_raises_typed_errors() -> None:
    with pytest.raises(ConfigError, match="did you mean 'select'"):
        claimkit.lint_text(TEXT, config={"selct": ["CK1"]})
    with pytest.raises(ValueError, match="did you mean 'CK101'"):
        claimkit.lint_text(TEXT, select=["CK1O1"])
    with pytest.raises(ValueError):
        claimkit.dedupe([TEXT], threshold=150)


def test_not_an_explainer_is_skipped() -> None:
    result = claimkit.lint_text("# Just a README\n")
    assert (result.skipped or "").startswith("not an explainer") and result.ok


def test_parse_gives_the_document_model() -> None:
    document = claimkit.parse(TEXT, path="canal.md")
    assert isinstance(document, Document) and document.is_explainer
    assert document.title is not None and document.title.value.startswith("How could a drought")
    assert [claim.id for claim in document.claims] == [str(n) for n in range(1, 11)]
    assert document.claims[0].row.line == 19


def test_fix_gives_what_lint_fix_writes(tmp_path: Path, cli) -> None:
    fixed = claimkit.fix(TEXT)
    assert fixed.changed and fixed.fixed == 6  # four labels, two exact repeats merged
    assert not any(d.code == "CK203" for d in fixed.remaining)
    shutil.copyfile(EXAMPLE, tmp_path / "canal.md")
    cli("lint", "--isolated", "--fix", "canal.md")
    assert (tmp_path / "canal.md").read_text(encoding="utf-8") == fixed.text
    again = claimkit.fix(fixed.text)
    assert again.text == fixed.text and not again.changed
    readme = claimkit.fix("# README\n")
    assert readme.text == "# README\n" and readme.fixed == 0


def test_dedupe_within_and_across_documents(tmp_path: Path) -> None:
    result = claimkit.dedupe({"a.md": TEXT, "b.md": TEXT})
    assert [report.path for report in result.files] == ["a.md", "b.md"]
    assert [[r.member.id for r in report.removed] for report in result.files] == [
        ["2", "7"],
        ["2", "7"],
    ]
    assert result.duplicates == 4 and len(result.cross_file) == 8
    # The merged text is what `claimkit dedupe --fix` writes.
    target = tmp_path / "canal.md"
    shutil.copyfile(EXAMPLE, target)
    from typer.testing import CliRunner

    from claimkit.cli import app

    CliRunner().invoke(app, ["dedupe", "--isolated", "--fix", str(target)])
    assert result.texts["a.md"] == target.read_text(encoding="utf-8")
    unnamed = claimkit.dedupe([TEXT])
    assert [report.path for report in unnamed.files] == ["1"] and unnamed.cross_file == ()


def test_subpackages_stay_reachable_beside_the_functions() -> None:
    import claimkit.fix.write
    import claimkit.parse.reader

    assert callable(claimkit.fix) and callable(claimkit.parse) and callable(claimkit.dedupe)
    assert claimkit.fix.write.write_output is not None
    assert claimkit.parse.reader.decode(b"x").text == "x"


def test_the_api_is_typed_for_mypy(tmp_path: Path) -> None:
    """A pipeline's script type-checks against the API, and a misuse is caught (not Any)."""
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed")
    (tmp_path / "good.py").write_text(
        "import claimkit\n"
        "result = claimkit.lint_text('x', path='a.md', config={'select': ['CK1']})\n"
        "codes: list[str] = [d.code for d in result.diagnostics]\n"
        "text: str = claimkit.fix('x').text\n"
        "count: int = claimkit.dedupe({'a': 'x'}).duplicates\n"
        "ids = [claim.id for claim in claimkit.parse('x').claims]\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.py").write_text(
        "import claimkit\nwrong: int = claimkit.fix('x').text\n", encoding="utf-8"
    )
    # An installed claimkit (py.typed) is found by mypy as it is; a source checkout needs its
    # src/ on MYPYPATH, and mypy refuses site-packages there.
    root = Path(claimkit.__file__).parent.parent
    env = dict(os.environ)
    if root.name != "site-packages":
        env["MYPYPATH"] = str(root)

    def check(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(mypy), "--strict", "--no-incremental", "--cache-dir", os.devnull, name],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip

    good = check("good.py")
    assert good.returncode == 0, good.stdout
    bad = check("bad.py")
    assert bad.returncode == 1 and "incompatible types in assignment" in bad.stdout.lower()
