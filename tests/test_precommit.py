"""The pre-commit hooks, run by the real pre-commit against this checkout (try-repo).

pre-commit builds the hook's environment from this checkout and pulls claimkit's
dependencies from the package index: the one test that needs an index. It is marked
``precommit`` (deselect with ``-m "not precommit"``) and skips, saying why, without git,
without pre-commit, outside a git checkout, or when the index cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builder import standard
from conftest import ROOT, write

pytestmark = pytest.mark.precommit

_OFFLINE_SIGNS = (
    "Could not find a version",
    "No matching distribution",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
)


_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **_IDENTITY},
    )
    return done.stdout


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's files as one clean commit: uncommitted work included, and the hook
    environment built once (try-repo on a dirty tree would rebuild it on every run)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install .[test])")
    try:
        listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip(f"{ROOT} is not a git checkout")
    snapshot = tmp_path_factory.mktemp("checkout")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    _git("init", "-q", ".", cwd=snapshot)
    _git("add", "-A", cwd=snapshot)
    _git("commit", "-q", "-m", "snapshot", cwd=snapshot)
    return snapshot


@pytest.fixture(scope="module")
def repo(checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hooked")
    _git("init", "-q", ".", cwd=path)
    bad = standard(3)
    bad.levels = {name: "Traffic will grow." for name in bad.levels}  # CK102 on every row
    write(path / "bad.md", bad.text())
    write(path / "drafts" / "bad.md", bad.text())
    write(path / "good.md", standard(3).text())
    write(path / "README.md", "# A project\n\nNot an explainer.\n")
    write(path / "claimkit.toml", 'exclude = ["drafts"]\n')
    _git("add", "-A", cwd=path)
    return path


def _try_repo(checkout: Path, repo: Path, home: Path, *files: str) -> subprocess.Popen[str]:
    env = {**os.environ, **_IDENTITY, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(checkout), "claimkit-lint"]
    return subprocess.Popen(
        [*command, "--verbose", "--files", *files],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = process.communicate(timeout=900)
    if process.returncode != 0 and any(sign in output for sign in _OFFLINE_SIGNS):
        pytest.skip("pre-commit could not install the hook's dependencies (no package index)")
    return process.returncode, output


def test_hook_fails_a_bad_explainer_and_passes_good_files(
    checkout: Path, repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # try-repo builds the hook environment afresh every time: run both at once.
    bad_run = _try_repo(
        checkout, repo, tmp_path_factory.mktemp("home"), "bad.md", "good.md", "drafts/bad.md"
    )
    good_run = _try_repo(
        checkout, repo, tmp_path_factory.mktemp("home"), "good.md", "README.md", "drafts/bad.md"
    )
    code, output = _finish(bad_run)
    assert code == 1, output
    assert "claimkit lint" in output and "Failed" in output
    assert "bad.md:" in output and "CK102 warning claim 1 is not cited" in output
    assert "good.md:" not in output
    assert "drafts/bad.md" not in output  # configured exclude, applied by --force-exclude

    code, output = _finish(good_run)
    assert code == 0, output
    assert "Passed" in output
