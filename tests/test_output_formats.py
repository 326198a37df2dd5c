"""SARIF (schema-validated), GitHub workflow commands, JUnit XML and --output-file."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from builder import Row, cite, standard
from claimkit.diagnostics import Diagnostic, Severity
from claimkit.output import github, junit, sarif
from claimkit.rules import RULES
from conftest import write

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def faulty() -> str:
    """CK101 (a citation of a missing row), CK102 and CK205."""
    doc = standard(2)
    doc.levels = {name: f"Traffic will grow {cite('1')}." for name in doc.levels}
    doc.levels["summary"] = f"Traffic will grow {cite('1', '9')}."
    doc.rows[1] = Row("2", doc.rows[1].sentence, date="")
    return doc.text()


def test_sarif_validates_against_the_official_schema(tmp_path: Path, cli) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    write(tmp_path / "dir with space" / "a.md", faulty())
    result = cli("lint", "--format", "sarif", ".")
    assert result.code == 1
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in RULES]
    assert all(r["helpUri"].endswith(f"/docs/rules/{r['id']}.md") for r in rules)
    results = run["results"]
    assert sorted(r["ruleId"] for r in results) == ["CK101", "CK102", "CK205"]
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "./dir%20with%20space/a.md"
        assert location["region"]["startLine"] >= 1
    ck101 = next(r for r in results if r["ruleId"] == "CK101")
    region = ck101["locations"][0]["physicalLocation"]["region"]
    line = faulty().splitlines()[region["startLine"] - 1]
    snippet = line[region["startColumn"] - 1 : region["endColumn"] - 1]
    assert snippet == '<a href="#9">9</a>'


def test_sarif_with_no_findings_is_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(sarif.render([], RULES, "0"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert log["runs"][0]["results"] == []


def diagnostic(**changes: object) -> Diagnostic:
    base: dict[str, object] = {
        "path": "docs/a,b:c.md",
        "line": 3,
        "column": 7,
        "code": "CK101",
        "name": "dangling-citation",
        "severity": Severity.ERROR,
        "message": "100% wrong\r\nreally",
        "end_line": 3,
        "end_column": 20,
    }
    base.update(changes)
    return Diagnostic(**base)  # type: ignore[arg-type]


def test_github_commands_escape_data_and_properties() -> None:
    line = github.render_line(diagnostic())
    assert line == (
        "::error file=docs/a%2Cb%3Ac.md,line=3,col=7,endLine=3,endColumn=20,title=CK101"
        "::CK101 dangling-citation: 100%25 wrong%0D%0Areally"
    )
    multi = github.render_line(diagnostic(end_line=5, severity=Severity.INFO))
    assert multi.startswith("::notice file=docs/a%2Cb%3Ac.md,line=3,col=7,title=CK101::")
    assert github.render_line(diagnostic(severity=Severity.WARNING)).startswith("::warning ")


def test_github_format_from_the_cli(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", faulty())
    lines = cli("lint", "--format", "github", "a.md").stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(("::error file=a.md,", "::warning file=a.md,")) for line in lines)
    walked = cli("lint", "--format", "github", ".").stdout.splitlines()
    assert all("file=a.md," in line for line in walked)


def test_sarif_absolute_paths_become_file_uris(tmp_path: Path) -> None:
    absolute = str(tmp_path / "a b.md")
    log = json.loads(sarif.render([diagnostic(path=absolute)], RULES, "0"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (tmp_path / "a b.md").as_uri()


def test_junit_has_a_suite_per_file(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", faulty())
    write(tmp_path / "b.md", standard(2).text())
    result = cli("lint", "--format", "junit", "a.md", "b.md")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.get("failures") == "3" and root.get("tests") == "4"
    suites = {suite.get("name"): suite for suite in root}
    assert set(suites) == {"a.md", "b.md"}
    failures = suites["a.md"].findall("testcase/failure")
    assert sorted(f.get("type") for f in failures) == ["error", "warning", "warning"]
    assert suites["b.md"].findall("testcase/failure") == []
    assert len(suites["b.md"].findall("testcase")) == 1


def test_junit_survives_control_characters() -> None:
    out = junit.render([diagnostic(message="bad \x01 byte")], ["docs/a,b:c.md"])
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad \ufffd byte"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_output_file_holds_exactly_what_stdout_would(tmp_path: Path, cli, fmt: str) -> None:
    write(tmp_path / "a.md", faulty())
    printed = cli("lint", "--format", fmt, "a.md")
    written = cli("lint", "--format", fmt, "--output-file", "out/report", "a.md")
    assert written.code == printed.code == 1
    assert written.stdout == ""
    if fmt == "sarif":  # the same apart from nothing: no timestamps
        assert json.loads((tmp_path / "out/report").read_text()) == json.loads(printed.stdout)
    assert (tmp_path / "out" / "report").read_text(encoding="utf-8") == printed.stdout


def test_output_file_that_cannot_be_written_is_an_error(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", faulty())
    (tmp_path / "taken").mkdir()
    result = cli("lint", "--output-file", "taken", "a.md")
    assert result.code == 2 and result.stderr.startswith("claimkit: error: cannot write taken")
