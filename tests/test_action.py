"""The GitHub Action (action.yml): its shell steps, run as the runner would run them.

``uses:`` steps (setup-python, upload-sarif) belong to GitHub; every ``run:`` step is run
here with bash -eo pipefail (the runner's ``shell: bash``), the inputs substituted where
the runner substitutes them, and GITHUB_ACTION_PATH / GITHUB_OUTPUT set.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panama-canal-drought.md"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
_EXPR = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
_IF = re.compile(r"^inputs\.([\w-]+)\s*==\s*'([^']*)'$")


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    return loaded


def _inputs(given: dict[str, str]) -> dict[str, str]:
    values = {name: str(spec.get("default", "")) for name, spec in action()["inputs"].items()}
    unknown = set(given) - set(values)
    assert not unknown, f"not inputs of the action: {unknown}"
    values.update(given)
    return values


def _expand(text: str, inputs: dict[str, str]) -> str:
    return _EXPR.sub(lambda m: inputs[m.group(1)], text)


def _runs(step: dict[str, Any], inputs: dict[str, str]) -> bool:
    condition = step.get("if")
    if condition is None:
        return True
    found = _IF.match(str(condition).strip())
    assert found, f"the test understands only inputs.X == 'v' conditions, not {condition!r}"
    return inputs[found.group(1)] == found.group(2)


def run_action(
    workdir: Path, given: dict[str, str], path_first: Path, skip: tuple[str, ...] = ()
) -> tuple[int, str, dict[str, str], list[dict[str, Any]]]:
    """Run the action's shell steps in order; stop at the first that fails, as the runner does.

    Returns the failing step's status (0 if none), the steps' output, GITHUB_OUTPUT's
    values, and the ``uses:`` steps the runner would have run (with inputs substituted).
    """
    inputs = _inputs(given)
    output_file = workdir.parent / f"{workdir.name}-github-output"
    output_file.write_text("", encoding="utf-8")
    base = {
        "PATH": f"{path_first}{os.pathsep}{os.environ['PATH']}",
        "HOME": os.environ.get("HOME", str(workdir)),
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_OUTPUT": str(output_file),
        "GITHUB_ACTIONS": "true",
    }
    printed: list[str] = []
    used: list[dict[str, Any]] = []
    for step in action()["runs"]["steps"]:
        if not _runs(step, inputs):
            continue
        if "uses" in step:
            used.append({k: _expand(str(v), inputs) for k, v in step.get("with", {}).items()}
                        | {"uses": step["uses"]})  # fmt: skip
            continue
        if step.get("name") in skip:
            continue
        assert step["shell"] == "bash"
        env = base | {k: _expand(str(v), inputs) for k, v in step.get("env", {}).items()}
        # Inputs reach the script only through env: nothing to expand in the script itself.
        assert "${{" not in step["run"]
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workdir, env=env, capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip
        printed.append(done.stdout + done.stderr)
        if done.returncode != 0:
            return done.returncode, "".join(printed), _outputs(output_file), used
    return 0, "".join(printed), _outputs(output_file), used


def _outputs(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())
    return {key: value for key, value in pairs}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    (work / "docs").mkdir(parents=True)
    shutil.copyfile(EXAMPLE, work / "docs" / "canal.md")
    (work / "README.md").write_text("# not an explainer\n", encoding="utf-8")
    return work


def test_action_is_composite_and_uploads_with_codeql() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    uses = [step.get("uses", "") for step in spec["runs"]["steps"]]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


VENV_BIN = Path(sys.executable).parent


def test_lint_step_annotates_and_fails_the_job(repo: Path) -> None:
    code, out, _, used = run_action(repo, {"paths": "docs"}, VENV_BIN, skip=("Install claimkit",))
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert len(annotations) == 14
    assert annotations[0].startswith("::warning file=docs/canal.md,line=19,col=377,")
    assert [u["uses"].split("@")[0] for u in used] == ["actions/setup-python"]


def test_sarif_is_written_and_handed_to_the_upload(repo: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    given = {"paths": "docs", "sarif": "true", "sarif-file": "out/claimkit.sarif",
             "args": "--fail-on error"}  # fmt: skip
    code, _, outputs, used = run_action(repo, given, VENV_BIN, skip=("Install claimkit",))
    assert code == 0  # only warnings, and --fail-on error from args
    log = json.loads((repo / "out" / "claimkit.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(log["runs"][0]["results"]) == 14
    assert outputs["sarif-file"] == "out/claimkit.sarif"
    upload = next(u for u in used if u["uses"].startswith("github/codeql-action/upload-sarif"))
    assert upload["sarif_file"] == "out/claimkit.sarif"


def test_clean_tree_passes(repo: Path) -> None:
    (repo / "docs" / "canal.md").unlink()
    code, out, _, _ = run_action(repo, {}, VENV_BIN, skip=("Install claimkit",))
    assert code == 0 and "::" not in out


@pytest.mark.action
def test_every_step_from_a_fresh_environment(repo: Path, tmp_path: Path) -> None:
    """The install step too: pip installs claimkit from the action's path into a fresh venv."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    code, out, _, _ = run_action(repo, {"paths": "docs"}, bin_dir)
    if code != 0 and not (bin_dir / "claimkit").exists():
        pytest.skip(f"pip could not install claimkit here (no package index?): {out[-300:]}")
    assert code == 1
    assert sum(line.startswith("::warning ") for line in out.splitlines()) == 12
