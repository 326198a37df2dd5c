"""Paths that are not plain files, or cannot be walked: reported, never a hang or a skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder import standard
from claimkit.files import read_regular
from claimkit.parse import UnreadableError
from conftest import write

SCRIPT = Path(sys.executable).with_name("claimkit")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A timeout: a hang is the bug these tests look for.
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=False, cwd=cwd, timeout=60
    )


@pytest.mark.parametrize("command", ["lint", "dedupe", "bias-report"])
def test_a_fifo_in_the_tree_is_reported_not_waited_for(tmp_path: Path, command: str) -> None:
    write(tmp_path / "docs" / "a.md", standard().text())
    os.mkfifo(tmp_path / "docs" / "pipe.md")
    result = run(command, "docs", cwd=tmp_path)
    assert result.returncode != 0
    assert "pipe.md" in result.stdout + result.stderr
    assert "FIFO" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    result = run("lint", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "/dev/zero:1:1: CK001 error not a regular file: a character device\n"


def test_reading_is_bounded_whatever_the_size_says(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"x" * 5000)
    assert len(read_regular(str(path), 5000).data) == 5000
    with pytest.raises(UnreadableError, match="larger than the 4999 bytes limit"):
        read_regular(str(path), 4999)


def test_max_file_size_is_configurable(tmp_path: Path) -> None:
    write(tmp_path / "a.md", standard(40).text())
    (tmp_path / "claimkit.toml").write_text('max-file-size = "8KiB"\n')
    result = run("lint", "a.md", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        result.stdout
        == "a.md:1:1: CK001 error file is larger than the 8 KiB limit (max-file-size)\n"
    )
    (tmp_path / "claimkit.toml").write_text('max-file-size = "lots"\n')
    bad = run("lint", "a.md", cwd=tmp_path)
    assert bad.returncode == 2 and "claimkit.toml:1: max-file-size must be a size" in bad.stderr


def _deep(tmp_path: Path) -> Path:
    """A tree whose innermost directory's path is longer than PATH_MAX (4,096 bytes)."""
    write(tmp_path / "tree" / "a.md", standard().text())
    os.chdir(tmp_path / "tree")
    try:
        for _ in range(24):
            os.mkdir("d" * 200)
            os.chdir("d" * 200)
        Path("deep.md").write_text(standard().text())
    finally:
        os.chdir(tmp_path)
    return tmp_path / "tree"


@pytest.mark.parametrize("command", ["lint", "dedupe", "bias-report"])
def test_a_path_too_long_to_walk_fails_the_run(tmp_path: Path, command: str) -> None:
    _deep(tmp_path)
    result = run(command, "tree", cwd=tmp_path)
    assert result.returncode != 0
    assert "File name too long" in result.stdout + result.stderr
    assert "All checks passed" not in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_an_unreadable_directory_fails_the_run(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "a.md", standard().text())
    write(tmp_path / "docs" / "secret" / "b.md", standard().text())
    (tmp_path / "docs" / "secret").chmod(0)
    try:
        result = run("lint", "docs", cwd=tmp_path)
    finally:
        (tmp_path / "docs" / "secret").chmod(0o755)
    assert result.returncode == 1
    assert "docs/secret:1:1: CK001 error cannot read directory: Permission denied" in result.stdout


def test_what_cannot_be_read_is_reported_even_without_ck001(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    result = run("lint", "--select", "CK1", "pipe.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == "pipe.md:1:1: CK001 error not a regular file: a FIFO (named pipe)\n"
