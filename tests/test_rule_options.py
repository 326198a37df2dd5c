"""Typed per-rule options: declared in the rule, set in [rules.CODE] tables, read through ctx."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import Row, standard
from claimkit.config import Resolver
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.plan import Flags, Planner
from claimkit.rule_options import Option, OptionError, RuleOptions
from claimkit.rules import BY_CODE, RULES
from claimkit.settings import Settings
from conftest import write

# Aligns with its sentence at 83%: below CK302's default of 90, above 80.
PARAPHRASE = "Officials said the canal authority expects 300 more vessels each month by 2030."


def paraphrased() -> str:
    doc = standard(3)
    doc.rows[2] = Row(
        "3", "The canal authority expects 300 more ships a month by 2030.", PARAPHRASE
    )
    return doc.text()


def ck302_lines(cli, *args: str) -> list[int]:
    out = cli("lint", "--select", "CK302", "--format", "json", *args)
    assert out.code in (0, 1), out.stderr
    return [d["line"] for d in json.loads(out.stdout)]


def test_ck302_threshold_from_the_nearest_configuration(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", paraphrased())
    write(tmp_path / "lenient" / "b.md", paraphrased())
    write(tmp_path / "strict" / "c.md", paraphrased())
    write(tmp_path / "pyproject.toml", "[tool.claimkit.rules.CK302]\nthreshold = 80\n")
    # Named by the rule's name, in a claimkit.toml: the same table.
    write(tmp_path / "strict" / "claimkit.toml", "[rules.claim-not-in-context]\nthreshold = 95\n")
    write(tmp_path / "lenient" / ".claimkit.toml", "[rules.CK302]\nthreshold = 50.5\n")
    assert ck302_lines(cli, "a.md") == []
    assert ck302_lines(cli, "lenient/b.md") == []
    assert ck302_lines(cli, "strict/c.md") == [21]
    assert ck302_lines(cli, "--isolated", "a.md") == [21]
    # One run, three configurations: one job each, each with its own value.
    out = cli("lint", "--select", "CK302", "--format", "json", ".")
    assert sorted(d["path"] for d in json.loads(out.stdout)) == ["./strict/c.md"]


def test_the_message_names_the_configured_threshold(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", paraphrased())
    write(tmp_path / "claimkit.toml", "[rules.CK302]\nthreshold = 85\n")
    out = cli("lint", "--select", "CK302", "a.md")
    assert "(best match 83%, needs 85%)" in out.stdout


def test_options_reach_the_check_through_the_context() -> None:
    from claimkit.rules.ck302_claim_not_in_context import THRESHOLD

    document = parse_text(paraphrased(), "doc.md")
    rule = BY_CODE["CK302"]

    def lines(options: RuleOptions) -> list[int]:
        job = LintJob((rule,), Settings(rule_options=options))
        return [d.line for d in lint_document(document, job)]

    assert lines(RuleOptions()) == [21]
    assert lines(RuleOptions().with_value("CK302", "threshold", 80.0)) == []
    # Another rule's value of the same name does not leak into CK302.
    assert lines(RuleOptions().with_value("CK301", "threshold", 10.0)) == [21]
    assert RuleOptions().get(THRESHOLD) == 90.0


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[rules.CK302]\nthreshold = "high"\n', 2, "rules.CK302.threshold must be a number 0-100"),
        ("[rules.CK302]\nthreshold = 120\n", 2, "must be a number 0-100, got 120"),
        ("[rules.CK302]\nthreshold = -1\n", 2, "must be a number 0-100, got -1"),
        ("[rules.CK302]\nthreshold = true\n", 2, "must be a number 0-100, got true"),
        ("[rules.CK302]\nthreshold = nan\n", 2, "must be a number 0-100, got nan"),
        (
            "[rules.CK302]\ntreshold = 80\n",
            2,
            "rules.CK302: unknown option 'treshold' for CK302 (did you mean 'threshold'?)",
        ),
        ("ignore = []\n[rules.CK777]\nx = 1\n", 2, "rules: unknown rule 'CK777'"),
        ("[rules.CK101]\nx = 1\n", 1, "rules.CK101: CK101 has no options"),
        ("rules = 3\n", 1, "rules must be a table of rule tables"),
        ("[rules]\nCK302 = 5\n", 2, "rules.CK302 must be a table"),
        (
            "[rules.CK302]\nthreshold = 70\n[rules.claim-not-in-context]\nthreshold = 60\n",
            3,
            "rules: CK302 is set twice, as 'CK302' and 'claim-not-in-context'",
        ),
        (
            "[dedupe]\nthreshold = 80\n\n[rules.CK301]\nthreshold = 80\n",
            5,
            "rules.CK301.threshold is also set by dedupe.threshold; keep one",
        ),
    ],
)
def test_bad_options_are_one_line_file_line_errors(
    tmp_path: Path, cli, text: str, line: int, message: str
) -> None:
    write(tmp_path / "a.md", paraphrased())
    config = write(tmp_path / "claimkit.toml", text)
    out = cli("lint", "a.md")
    assert out.code == 2 and out.stdout == ""
    assert out.stderr.startswith(f"claimkit: error: {config}:{line}: ")
    assert message in out.stderr and out.stderr.count("\n") == 1


def test_pyproject_errors_point_into_the_tool_table(tmp_path: Path, cli) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.claimkit.rules.CK302]\nthreshold = 101\n',
    )
    out = cli("config", "show")
    assert out.code == 2
    assert out.stderr == (
        f"claimkit: error: {config}:5: rules.CK302.threshold must be a number 0-100, got 101\n"
    )


def test_dedupe_threshold_is_ck301s_threshold_both_ways(tmp_path: Path) -> None:
    from claimkit.rules.ck301_duplicate_claim import THRESHOLD

    target = str(tmp_path / "a.md")
    write(tmp_path / "claimkit.toml", "[dedupe]\nthreshold = 93\n")
    job = Planner(Resolver(), Flags()).job(target)
    assert job.settings.rule_options.get(THRESHOLD) == 93.0
    assert job.settings.dedupe_threshold == 93.0

    write(tmp_path / "claimkit.toml", "[rules.duplicate-claim]\nthreshold = 97\n")
    config = Resolver().for_path(target)
    assert config.dedupe_threshold == 97.0  # what the dedupe command reads
    assert config.origins["dedupe.threshold"] == f"{tmp_path / 'claimkit.toml'}:2"

    # A flag (dedupe --threshold) still wins over either key.
    flags = Flags(settings=Settings(dedupe_threshold=70.0))
    job = Planner(Resolver(), flags).job(target)
    assert job.settings.rule_options.get(THRESHOLD) == 70.0


def near_duplicates() -> str:
    doc = standard(2)
    doc.rows[
        0
    ].sentence = "The canal authority expects three hundred more cargo ships to arrive each month."
    doc.rows[
        1
    ].sentence = (
        "The canal authority expects three hundred more large cargo ships to arrive each month."
    )
    return doc.text()


def test_ck301_threshold_from_a_rule_table_reaches_lint_and_dedupe(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", near_duplicates())
    assert cli("lint", "--select", "CK301", "a.md").code == 1
    write(tmp_path / "claimkit.toml", "[rules.CK301]\nthreshold = 99\n")
    assert cli("lint", "--select", "CK301", "a.md").code == 0
    assert "duplicates claim" not in cli("dedupe", "a.md").stdout
    # The dedupe command's own flag still decides for its run.
    assert "duplicates" in cli("dedupe", "--threshold", "90", "a.md").stdout


def test_config_show_lists_every_option_with_its_origin(tmp_path: Path, cli) -> None:
    config = write(tmp_path / "claimkit.toml", "ignore = []\n\n[rules.CK302]\nthreshold = 85\n")
    text = cli("config", "show").stdout
    assert "rules.CK302.threshold = 85.0" in text and f"# {config}:4" in text
    assert "rules.CK301.threshold = 70.0" in text
    values = json.loads(cli("config", "show", "--format", "json").stdout)["values"]
    assert values["rules.CK302.threshold"] == {"value": 85.0, "from": f"{config}:4"}
    assert values["rules.CK301.threshold"] == {"value": 70.0, "from": "default"}


def test_rule_page_documents_each_option(cli) -> None:
    text = cli("rule", "claim-not-in-context").stdout
    assert "- `threshold` (a number 0-100, default `90`): how much" in text
    assert "[tool.claimkit.rules.CK302]\nthreshold = 90\n" in text


def test_every_option_is_declared_by_its_own_rule() -> None:
    from claimkit.dedupe.similarity import DEFAULT_THRESHOLD

    for rule in RULES:
        names = [option.name for option in rule.options]
        assert len(names) == len(set(names)), rule.code
        for option in rule.options:
            assert option.rule == rule.code
            assert option.parse(option.default) == option.default
            assert option.doc and not option.doc.endswith(".")
    assert BY_CODE["CK301"].options[0].default == DEFAULT_THRESHOLD


def test_option_values_are_hashable_and_serialisable() -> None:
    first = (
        RuleOptions().with_value("CK302", "threshold", 80.0).with_value("CK301", "threshold", 95.0)
    )
    second = (
        RuleOptions().with_value("CK301", "threshold", 95.0).with_value("CK302", "threshold", 80.0)
    )
    assert first == second and hash(first) == hash(second)
    assert json.loads(json.dumps(first.as_dict())) == {
        "CK301": {"threshold": 95.0},
        "CK302": {"threshold": 80.0},
    }
    assert first.with_value("CK302", "threshold", 70.0).as_dict()["CK302"] == {"threshold": 70.0}


def test_option_types_are_enforced() -> None:
    count = Option("CK999", "count", int, 3, "how many", minimum=1)
    assert count.parse(5) == 5 and count.kind() == "an integer >= 1"
    with pytest.raises(OptionError, match=r"count must be an integer >= 1, got 2\.5"):
        count.parse(2.5)
    with pytest.raises(OptionError, match="got 0"):
        count.parse(0)
    strict = Option("CK999", "strict", bool, False, "be strict")
    with pytest.raises(OptionError, match="strict must be true or false, got 1"):
        strict.parse(1)
    mode = Option("CK999", "mode", str, "fast", "how", choices=("fast", "slow"))
    assert mode.parse("slow") == "slow"
    with pytest.raises(OptionError, match="mode must be one of fast, slow"):
        mode.parse("medium")
    with pytest.raises(OptionError, match="got an array"):
        mode.parse(["fast"])
