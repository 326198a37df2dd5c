"""The command line, through typer's runner (in-process) and as the installed script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import cite, standard
from claimkit import __version__
from claimkit.cli import app
from conftest import SEED, needs_seed

runner = CliRunner()
SCRIPT = Path(sys.executable).with_name("claimkit")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _uncited(rows: int = 3) -> str:
    doc = standard(rows)
    doc.levels = {k: f"Traffic will grow {cite('1')}." for k in doc.levels}
    return doc.text()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"claimkit {__version__}\n"


def test_text_output_lines_and_summary(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", _uncited())
    result = runner.invoke(app, ["lint", str(path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:20:1: CK102 warning claim 2 is not cited by any summary level",
        f"{path}:21:1: CK102 warning claim 3 is not cited by any summary level",
    ]
    assert "\x1b[" not in result.stdout
    assert "Found 2 problems (2 warnings) in 1 of 1 file." in result.stderr


def test_json_output_contract(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", _uncited(2))
    result = runner.invoke(app, ["lint", "--format", "json", str(path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data == [
        {
            "path": str(path),
            "line": 20,
            "column": 1,
            "code": "CK102",
            "name": "uncited-claim",
            "severity": "warning",
            "message": "claim 2 is not cited by any summary level",
            "fixable": False,
            "end_line": 20,
            "end_column": data[0]["end_column"],
            "url": "https://github.com/claimkit/claimkit/blob/main/docs/rules/CK102.md",
            "fix": None,
        }
    ]
    assert data[0]["end_column"] > 100


def test_directory_paths_are_relative_to_the_directory_given(tmp_path: Path) -> None:
    _write(tmp_path, "docs/b/x.md", _uncited(2))
    _write(tmp_path, "docs/a.md", standard().text())
    _write(tmp_path, "docs/README.md", "# Read me\n")
    result = runner.invoke(app, ["lint", "--format", "json", str(tmp_path / "docs")])
    assert [d["path"] for d in json.loads(result.stdout)] == [str(tmp_path / "docs/b/x.md")]


def test_select_ignore_and_fail_on(tmp_path: Path) -> None:
    path = str(_write(tmp_path, "a.md", _uncited()))
    assert runner.invoke(app, ["lint", "--ignore", "CK102", path]).exit_code == 0
    assert runner.invoke(app, ["lint", "--ignore", "uncited-claim", path]).exit_code == 0
    assert runner.invoke(app, ["lint", "--select", "CK1", path]).exit_code == 1
    assert runner.invoke(app, ["lint", "--select", "CK101,CK205", path]).exit_code == 0
    assert runner.invoke(app, ["lint", "--fail-on", "error", path]).exit_code == 0
    assert runner.invoke(app, ["lint", "--fail-on", "info", path]).exit_code == 1


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    path = str(_write(tmp_path, "a.md", _uncited()))
    result = runner.invoke(app, ["lint", "--select", "CK999", path])
    assert result.exit_code == 2
    assert result.stderr.strip() == "claimkit: error: unknown rule selector 'CK999'"


def test_stdin_with_filename() -> None:
    result = runner.invoke(app, ["lint", "-", "--stdin-filename", "docs/in.md"], input=_uncited(2))
    assert result.exit_code == 1
    assert result.stdout.startswith("docs/in.md:20:1: CK102 ")


def test_quiet_and_verbose(tmp_path: Path) -> None:
    _write(tmp_path, "notes.md", "# Notes\n\nNothing to see.\n")
    _write(tmp_path, "x.md", standard().text())
    quiet = runner.invoke(app, ["lint", "-q", str(tmp_path)])
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    plain = runner.invoke(app, ["lint", str(tmp_path)])
    assert "notes.md" not in plain.stderr and "All checks passed (1 file checked)." in plain.stderr
    verbose = runner.invoke(app, ["lint", "-v", str(tmp_path)])
    assert f"{tmp_path / 'notes.md'}: skipped: not an explainer" in verbose.stderr


def test_parse_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", standard(2).text())
    result = runner.invoke(app, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["title"]["value"].startswith("How will the new canal")
    assert [level["name"] for level in data["slider"]["levels"]] == [
        "less-detailed",
        "summary",
        "more-detailed",
    ]
    assert len(data["citations"]) == 6


def test_parse_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"caf\xe9\n")
    result = runner.invoke(app, ["parse", str(bad)])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr


def test_many_files_use_worker_processes_and_keep_order(tmp_path: Path) -> None:
    for number in range(80):
        _write(tmp_path, f"d/{number:03d}.md", _uncited(2) if number % 3 else standard().text())
    serial = runner.invoke(app, ["lint", "-j", "1", "--format", "json", str(tmp_path / "d")])
    parallel = runner.invoke(app, ["lint", "-j", "2", "--format", "json", str(tmp_path / "d")])
    assert serial.stdout == parallel.stdout
    assert len(json.loads(serial.stdout)) == 53


# The installed script, as a user runs it -------------------------------------------------


def _run(
    *args: str, env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.exists(), f"claimkit script not installed next to {sys.executable}"
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=env, check=False, **kw
    )  # type: ignore[call-overload]


@needs_seed
def test_installed_script_on_the_seed() -> None:
    result = _run("lint", "--format", "json", str(SEED))
    assert result.returncode == 1
    codes = {(d["code"], d["line"]) for d in json.loads(result.stdout)}
    assert {("CK102", 24), ("CK102", 26), ("CK102", 28)} <= codes


def test_installed_script_runs_as_module_too(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", standard().text())
    result = subprocess.run(
        [sys.executable, "-m", "claimkit", "lint", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout == ""


def test_color_only_on_a_terminal_and_never_with_no_color(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.md", _uncited())
    env = {**os.environ, "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    assert "\x1b[" in _run("lint", str(path), env=env).stdout
    env["NO_COLOR"] = "1"
    assert "\x1b[" not in _run("lint", str(path), env=env).stdout
    plain = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    assert "\x1b[" not in _run("lint", str(path), env=plain).stdout  # a pipe is no terminal


def test_bad_flag_is_exit_2() -> None:
    result = _run("lint", "--format", "xml", "x.md")
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["lint"], ["parse"], ["nonsense"]])
def test_usage_errors(args: list[str]) -> None:
    result = _run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
