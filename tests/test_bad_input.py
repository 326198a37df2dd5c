"""Bad input: one clear line and the right exit code, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder import Row, cite, standard

SCRIPT = Path(sys.executable).with_name("claimkit")


def _lint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "lint", *args], capture_output=True, text=True, check=False)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = _lint(str(tmp_path / "missing.md"))
    assert result.returncode == 2
    assert result.stderr == f"claimkit: error: path does not exist: {tmp_path / 'missing.md'}\n"


def test_directory_without_explainers(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("# Project\n\nHello.\n")
    empty = _lint(str(tmp_path / "empty"))
    assert empty.returncode == 0 and "no markdown files found in" in empty.stderr
    docs = _lint(str(tmp_path / "docs"))
    assert docs.returncode == 0 and "no explainers among 1 file(s)" in docs.stderr
    _no_traceback(empty)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    result = _lint(str(tmp_path / "empty.md"))
    assert result.returncode == 0
    assert f"{tmp_path / 'empty.md'}: skipped: empty file" in result.stderr


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file (NUL byte at offset 7)"),
        (
            "# Caf\u00e9\n\n<DetailSlider>\n".encode("latin-1"),
            "not UTF-8 text (byte 0xe9 at line 1, column 6)",
        ),
    ],
)
def test_unreadable_content_is_ck001(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    result = _lint(str(path))
    assert result.returncode == 1
    assert result.stdout == f"{path}:1:1: CK001 error {message}\n"


def test_dangling_symlink_is_ck001(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "nowhere.md")
    result = _lint(str(link))
    assert result.returncode == 1
    assert result.stdout == f"{link}:1:1: CK001 error no such file\n"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads files whatever their permissions",
)
def test_permission_denied_is_ck001(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text(standard().text())
    path.chmod(0)
    result = _lint(str(path))
    assert result.returncode == 1
    assert result.stdout == f"{path}:1:1: CK001 error permission denied\n"


def test_a_20_mb_explainer(tmp_path: Path) -> None:
    doc = standard(1)
    context = (
        "Ships queued for days at both ends of the canal while officials weighed new limits. "
    ) * 12
    doc.rows = [
        Row(
            str(i),
            f"The authority expects {i} more transits in the week of {i % 52 + 1}.",
            context=context + f"The authority expects {i} more transits in the week of "
            f"{i % 52 + 1}.",
        )
        for i in range(1, 15001)
    ]
    doc.levels = {
        k: f"Traffic will grow {cite(*[str(i) for i in range(1, 15001)])}." for k in doc.levels
    }
    path = tmp_path / "big.md"
    path.write_text(doc.text(), encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    result = _lint("--format", "json", str(path))
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_line_of_one_megabyte(tmp_path: Path) -> None:
    doc = standard(2)
    doc.rows[1].context = "Officials spoke. " * 65_000 + doc.rows[1].sentence
    path = tmp_path / "long.md"
    path.write_text(doc.text(), encoding="utf-8")
    assert max(len(line) for line in path.read_text().splitlines()) > 1_000_000
    result = _lint(str(path))
    _no_traceback(result)
    assert result.returncode == 0, result.stdout


def test_mixed_good_and_bad_files_report_everything(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(standard().text())
    (tmp_path / "b.md").write_bytes(b"\xff\xfe# T\n")
    result = _lint(str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'b.md'}:1:1: CK001 error not UTF-8 text (byte 0xff at line 1, column 1)"
    ]


@pytest.mark.parametrize("command", [["dedupe"], ["bias-report"], ["verify", "--no-cache"]])
def test_other_commands_refuse_unreadable_files_with_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    # Only the unreadable file: verify must not try to reach any real host from a test.
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"caf\xe9\n")
    result = subprocess.run(
        [str(SCRIPT), *command, str(bad)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )
    _no_traceback(result)
    assert result.returncode == 2
    assert f"claimkit: error: {bad}: not UTF-8 text (byte 0xe9 at line 1, column 4)\n" in (
        result.stderr
    )
