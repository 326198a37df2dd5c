"""concise, full and json-lines; the fix and url in JSON; fixes, fingerprints, invocations
in SARIF (still valid against the official schema)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "panama-canal-drought.md"
SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    target = tmp_path / "canal.md"
    shutil.copyfile(EXAMPLE, target)
    return target


def test_concise_is_text_byte_for_byte(example: Path, cli) -> None:
    text = cli("lint", "canal.md")
    concise = cli("lint", "--output-format", "concise", "canal.md")
    assert (concise.code, concise.stdout, concise.stderr) == (text.code, text.stdout, text.stderr)


def test_full_puts_a_caret_under_the_column(example: Path, cli) -> None:
    out = cli("lint", "--output-format", "full", "canal.md").stdout
    blocks = out.split("\n\n")
    assert len(blocks) == 14
    source = example.read_text(encoding="utf-8").split("\n")
    for block in blocks:
        head, _, shown, carets, *_rest = block.rstrip("\n").split("\n")
        path, line, column = head.split(":")[:3]
        assert path == "canal.md"
        gutter = f"{line} | "
        assert shown.startswith(gutter)
        excerpt = shown[len(gutter) :]
        at = carets.index("^") - len(gutter)
        text = source[int(line) - 1]
        if not excerpt.startswith("\u2026"):  # shown from the start of the line
            assert at == int(column) - 1
        # The caret marks the very characters the column names.
        assert excerpt[at : at + 4] == text[int(column) - 1 : int(column) + 3]
    ck203 = next(b for b in blocks if "CK203" in b.split("\n")[0])
    lines = ck203.split("\n")
    assert lines[2][lines[3].index("^") :].startswith('Left"')
    assert lines[3].count("^") == len("Left")
    assert lines[4] == '  = help: Set the label to "Lean Left" (fix with --fix)'


def test_json_lines_is_the_json_array_one_per_line(example: Path, cli) -> None:
    array = json.loads(cli("lint", "--format", "json", "canal.md").stdout)
    lines = cli("lint", "--format", "json-lines", "canal.md").stdout.splitlines()
    assert [json.loads(line) for line in lines] == array
    assert len(lines) == 14


def test_json_carries_the_rule_url_and_the_fix(example: Path, cli) -> None:
    data = json.loads(cli("lint", "--format", "json", "canal.md").stdout)
    for item in data:
        assert item["url"].endswith(f"/docs/rules/{item['code']}.md")
        local = HERE.parent / "docs" / "rules" / f"{item['code']}.md"
        assert local.is_file()
    fixed = [item for item in data if item["fix"] is not None]
    assert {item["code"] for item in fixed} == {
        "CK203",
        "CK301",
    }  # labels, and the merge of the exact repeats
    text = example.read_text(encoding="utf-8")
    lines = text.split("\n")
    for item in fixed:
        fix = item["fix"]
        assert fix["applicability"] in ("safe", "unsafe", "display-only") and fix["title"]
        for edit in fix["edits"]:
            for end in ("start", "end"):
                where = edit[end]
                prefix = "\n".join(lines[: where["line"] - 1])
                offset = len(prefix) + (1 if where["line"] > 1 else 0) + where["column"] - 1
                assert offset == where["offset"]
    # Applying the labels' safe edits ourselves gives exactly what --fix writes with CK203
    # alone (with CK301 too, one merge fix stands on several findings and removes rows that
    # other fixes would have edited: the fix engine's passes sort that out).
    labels = json.loads(cli("lint", "--select", "CK203", "--format", "json", "canal.md").stdout)
    edits = sorted(
        (e["start"]["offset"], e["end"]["offset"], e["content"])
        for item in labels
        if item["fix"] is not None and item["fix"]["applicability"] == "safe"
        for e in item["fix"]["edits"]
    )
    assert edits
    result = text
    for start, end, content in reversed(edits):
        result = result[:start] + content + result[end:]
    assert cli("lint", "--select", "CK203", "--fix", "--exit-zero", "canal.md").code == 0
    assert example.read_text(encoding="utf-8") == result


def test_sarif_has_fixes_fingerprints_invocations_and_is_valid(example: Path, cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(cli("lint", "--format", "sarif", "canal.md").stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (run,) = log["runs"]
    assert run["invocations"][0]["executionSuccessful"] is True
    results = run["results"]
    assert all(r["partialFingerprints"]["claimkitFingerprint/v1"] for r in results)
    with_fixes = [r for r in results if "fixes" in r]
    assert {r["ruleId"] for r in with_fixes} == {"CK203", "CK301"}
    change = with_fixes[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "canal.md"
    region = change["replacements"][0]["deletedRegion"]
    assert {"startLine", "startColumn", "endLine", "endColumn", "charOffset"} <= set(region)
    ck203 = next(r for r in with_fixes if r["ruleId"] == "CK203")
    assert ck203["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {
        "text": "Lean Left"
    }


def test_sarif_fingerprints_survive_lines_moving(example: Path, cli) -> None:
    def prints() -> list[tuple[str, str]]:
        log = json.loads(cli("lint", "--format", "sarif", "canal.md").stdout)
        return [
            (r["ruleId"], r["partialFingerprints"]["claimkitFingerprint/v1"])
            for r in log["runs"][0]["results"]
        ]

    before = prints()
    example.write_text("\n\n" + example.read_text(encoding="utf-8"), encoding="utf-8")
    assert prints() == before
    assert len({fp for _, fp in before}) > 1


def test_full_never_prints_control_characters(tmp_path: Path, cli) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("Canal officials", "\x1b[31mCanal officials")
    (tmp_path / "canal.md").write_text(text, encoding="utf-8")
    out = cli("lint", "--output-format", "full", "canal.md").stdout
    shown = [line for line in out.splitlines() if line.startswith("20 | ")]
    assert shown and "\x1b" not in shown[0] and "\ufffd[31mCanal" in shown[0]
