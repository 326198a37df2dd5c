"""The README shows real output: its sample is what `claimkit lint examples/` prints today."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("claimkit")


def _block(name: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.DOTALL)
    assert match is not None, f"README has no {name} block"
    return match[1]


def test_sample_output_is_current() -> None:
    sample = _block("sample-output")
    expected = re.search(r"```text\n(.*?)```", sample, re.DOTALL)
    assert expected is not None
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    result = subprocess.run(
        [str(SCRIPT), "lint", "examples/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout + result.stderr == expected[1]


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", _block("quickstart"), re.DOTALL)
    assert len(commands) == 2
    assert "claimkit lint examples/" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
