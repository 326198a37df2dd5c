"""claimkit rules / claimkit rule, and the generated docs/rules pages and README table."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from claimkit.rule_docs import TABLE_END, TABLE_START, page, table, with_table
from claimkit.rules import RULES
from conftest import ROOT


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "gen_rule_docs", ROOT / "scripts" / "gen_rule_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_lists_every_registered_rule(cli) -> None:
    result = cli("rules")
    assert result.code == 0
    rows = result.stdout.splitlines()[1:]
    assert [row.split()[0] for row in rows] == [rule.code for rule in RULES]
    ck105 = next(row for row in rows if row.startswith("CK105")).split()
    assert ck105 == ["CK105", "citation-label-mismatch", "error", "always", "on"]
    ck901 = next(row for row in rows if row.startswith("CK901")).split()
    assert ck901[-1] == "off"


def test_rules_json(cli) -> None:
    data = json.loads(cli("rules", "--format", "json").stdout)
    assert [item["code"] for item in data] == [rule.code for rule in RULES]
    by_code = {item["code"]: item for item in data}
    assert (
        by_code["CK104"]["fixable"] is True and by_code["CK104"]["fix_availability"] == "sometimes"
    )
    assert by_code["CK101"]["fixable"] is False and by_code["CK101"]["severity"] == "error"


@pytest.mark.parametrize("key", ["CK101", "ck101", "dangling-citation"])
def test_rule_shows_documentation_with_examples(cli, key: str) -> None:
    result = cli("rule", key)
    assert result.code == 0
    rule = next(r for r in RULES if r.code == "CK101")
    assert result.stdout.startswith("# CK101 dangling-citation\n")
    assert rule.bad in result.stdout and rule.good in result.stdout
    assert rule.rationale in result.stdout


def test_rule_json_and_unknown_rule(cli) -> None:
    data = json.loads(cli("rule", "CK302", "--format", "json").stdout)
    threshold = data["options"]["threshold"]
    assert (threshold["type"], threshold["default"]) == ("number", 90.0)
    assert (threshold["minimum"], threshold["maximum"]) == (0, 100)
    unknown = cli("rule", "CK999")
    assert unknown.code == 2 and unknown.stderr == (
        "claimkit: error: unknown rule 'CK999' (see claimkit rules)\n"
    )


def test_page_sections_follow_the_rule_fields() -> None:
    for rule in RULES:
        text = page(rule)
        assert ("## Fix" in text) == (rule.fixable or bool(rule.fix_note))
        assert ("## Options" in text) == bool(rule.options)
        in_file = f"claimkit-disable-next-line {rule.code}" in text
        assert in_file == (rule.check is not None)
        assert f'ignore = ["{rule.code}"]' in text


def test_table_replaces_only_between_markers() -> None:
    readme = f"intro\n{TABLE_START}\nold\n{TABLE_END}\nafter\n"
    updated = with_table(readme, table(RULES))
    assert updated.startswith(f"intro\n{TABLE_START}\n| Code |")
    assert updated.endswith(f"|\n{TABLE_END}\nafter\n")
    assert "old" not in updated
    assert with_table(updated, table(RULES)) == updated
    with pytest.raises(ValueError):
        with_table("no markers\n", table(RULES))


def test_checked_in_rule_docs_are_current() -> None:
    stale = _generator().stale(str(ROOT))
    assert stale == [], f"stale rule docs {stale}: run python scripts/gen_rule_docs.py"


def test_generator_detects_and_repairs_staleness(tmp_path: Path) -> None:
    generator = _generator()
    (tmp_path / "README.md").write_text(f"# x\n{TABLE_START}\n{TABLE_END}\n", encoding="utf-8")
    (tmp_path / "docs" / "rules").mkdir(parents=True)
    (tmp_path / "docs" / "rules" / "CK000.md").write_text("gone\n", encoding="utf-8")
    problems = generator.stale(str(tmp_path))
    assert "README.md" in problems and "docs/rules/CK000.md (no such rule)" in problems
    assert generator.main(["--check", "--root", str(tmp_path)]) == 1
    assert generator.main(["--root", str(tmp_path)]) == 0
    assert generator.stale(str(tmp_path)) == []
    assert not (tmp_path / "docs" / "rules" / "CK000.md").exists()
    assert (tmp_path / "docs" / "rules" / "CK101.md").read_text(encoding="utf-8") == page(
        next(r for r in RULES if r.code == "CK101")
    )
