"""The CLI behaves like the linters people already trust: help, hints, flags, formats."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("claimkit")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "panama-canal-drought.md"


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[int, str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TERMINAL_WIDTH")}
    environment.update(env or {})
    done = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("command", ["lint", "dedupe", "verify", "bias-report"])
def test_piped_help_never_cuts_an_option_name(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert "…" not in out
    if command == "lint":
        assert "--report-unused-suppressions" in out


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["lint", "--select", "CK1O1", str(EXAMPLE)], "did you mean 'CK101'?"),
        (["lint", "--ignore", "uncited-claims", str(EXAMPLE)], "did you mean 'uncited-claim'?"),
        (["rule", "dangling-citations"], "did you mean 'dangling-citation'?"),
    ],
)
def test_unknown_rule_gets_a_did_you_mean(args: list[str], hint: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.startswith("claimkit: error: unknown rule") and hint in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("doc", ["README.md", "docs/pre-commit.md"])
def test_precommit_snippet_pins_a_commit_not_a_missing_tag(doc: str) -> None:
    import re

    root = EXAMPLE.parent.parent
    revs = re.findall(r"^\s*rev:\s*(\S+)", (root / doc).read_text(encoding="utf-8"), re.M)
    assert revs
    # No release is tagged: a rev must be a full commit SHA, never an invented tag.
    assert all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs), revs
