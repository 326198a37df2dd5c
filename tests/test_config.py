"""Configuration files: discovery, validation with file:line, and every key's effect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import Row, standard
from claimkit.config import ConfigError, Resolver
from claimkit.config.tomlpos import key_line
from claimkit.plan import Flags, Planner
from conftest import write


def uncited_explainer() -> str:
    """CK102 on row 3 (nothing cites it), nothing else."""
    doc = standard(3)
    body = 'Traffic will grow <font color=#FF3399>[<a href="#1">1</a>, <a href="#2">2</a>]</font>.'
    doc.levels = {name: body for name in doc.levels}
    return doc.text()


def codes(stdout: str) -> list[str]:
    return [item["code"] for item in json.loads(stdout)]


def test_nearest_config_wins(tmp_path: Path, cli) -> None:
    write(tmp_path / "pyproject.toml", '[tool.claimkit]\nignore = ["CK102"]\n')
    write(tmp_path / "sub" / "claimkit.toml", "ignore = []\n")
    write(tmp_path / "top.md", uncited_explainer())
    write(tmp_path / "sub" / "deep" / "inner.md", uncited_explainer())
    result = cli("lint", "--format", "json", ".")
    found = json.loads(result.stdout)
    assert {(d["path"].replace("\\", "/"), d["code"]) for d in found} == {
        ("./sub/deep/inner.md", "CK102")
    }


def test_pyproject_without_table_is_not_a_config(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", 'ignore = ["CK102"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "a.md", uncited_explainer())
    assert cli("lint", "--format", "json", "sub/a.md").stdout.strip() == "[]"


def test_dot_claimkit_toml_wins_in_its_directory(tmp_path: Path) -> None:
    write(tmp_path / ".claimkit.toml", 'ignore = ["CK1"]\n')
    write(tmp_path / "claimkit.toml", 'ignore = ["CK2"]\n')
    config = Resolver().for_path(str(tmp_path / "x.md"))
    assert config.path == str(tmp_path / ".claimkit.toml")
    assert config.ignore == ("CK1",)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[tool.claimkit]\nselect = ["CK1"]\nignroe = ["CK102"]\n', 3, "did you mean 'ignore'"),
        ('[project]\nname = "x"\n\n[tool.claimkit]\nfail-on = "fatal"\n', 5, "unknown severity"),
        ('[tool.claimkit]\nselect = ["CK999"]\n', 2, "unknown rule selector 'CK999'"),
        ('[tool.claimkit]\nselect = "CK1"\n\n[tool.claimkit.severity]\nCK105 = "loud"\n', 5, ""),
        ('[tool.claimkit]\nseverity = { CK105 = "error", CK777 = "info" }\n', 2, "CK777"),
        ("[tool.claimkit]\n\n[tool.claimkit.dedupe]\nthreshold = 170\n", 4, "0-100"),
        ("[tool.claimkit]\ndedupe.treshold = 90\n", 2, "dedupe.treshold"),
        ('[tool.claimkit.per-file-ignores]\n"drafts/*" = ["CK102"]\n"x/*" = ["nope"]\n', 3, ""),
        ('[tool.claimkit]\nratings = "missing.yaml"\n', 2, "ratings file not found"),
        ("[tool.claimkit]\nselect = [\n", 2, "invalid TOML"),
    ],
)
def test_bad_config_is_file_line_and_exit_2(
    tmp_path: Path, cli, text: str, line: int, message: str
) -> None:
    write(tmp_path / "pyproject.toml", text)
    write(tmp_path / "a.md", uncited_explainer())
    result = cli("lint", "a.md")
    assert result.code == 2
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"claimkit: error: {tmp_path / 'pyproject.toml'}:{line}: ")
    assert message in first
    assert "Traceback" not in result.stderr


def test_key_line_finds_nested_and_dotted_keys() -> None:
    text = (
        '[tool.other]\nfail-on = "x"\n[tool.claimkit]\nfail-on = "y"\n'
        'dedupe.threshold = 3\n[tool.claimkit.severity]\n"CK101" = "info"\n'
    )
    assert key_line(text, ("tool", "claimkit", "fail-on")) == 4
    assert key_line(text, ("tool", "claimkit", "dedupe", "threshold")) == 5
    assert key_line(text, ("tool", "claimkit", "severity", "CK101")) == 7
    assert key_line(text, ("tool", "claimkit", "severity", "CK999")) == 6


def test_config_flag_and_isolated(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", 'ignore = ["CK102"]\n')
    write(tmp_path / "elsewhere.toml", 'select = ["CK1"]\nseverity = { CK102 = "info" }\n')
    write(tmp_path / "a.md", uncited_explainer())
    assert cli("lint", "a.md").code == 0
    isolated = cli("lint", "--isolated", "a.md")
    assert isolated.code == 1 and "CK102 warning" in isolated.stdout
    explicit = cli("lint", "--config", "elsewhere.toml", "a.md")
    assert explicit.code == 0 and "CK102 info" in explicit.stdout
    missing = cli("lint", "--config", "nope.toml", "a.md")
    assert missing.code == 2 and "nope.toml:1: cannot read configuration" in missing.stderr


def test_per_file_ignores_with_negation(tmp_path: Path, cli) -> None:
    write(
        tmp_path / "claimkit.toml",
        '[per-file-ignores]\n"drafts/**" = ["uncited-claim"]\n"!published/*.md" = ["CK205"]\n',
    )
    row = Row("1", "The canal authority expects 100 more ships a month by 2030.", date="")
    for where in ("drafts/a.md", "published/b.md", "other/c.md"):
        doc = standard(1)
        doc.rows = [row]
        doc.levels = {name: "No citations here." for name in doc.levels}
        write(tmp_path / where, doc.text())
    found = {
        (d["path"].replace("\\", "/"), d["code"])
        for d in json.loads(cli("lint", "--format", "json", ".").stdout)
    }
    assert found == {
        ("./published/b.md", "CK102"),
        ("./published/b.md", "CK205"),
        ("./other/c.md", "CK102"),
    }


def test_severity_override_reaches_every_format(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", '[severity]\nuncited-claim = "error"\n')
    write(tmp_path / "a.md", uncited_explainer())
    assert "CK102 error" in cli("lint", "a.md").stdout
    assert json.loads(cli("lint", "--format", "json", "a.md").stdout)[0]["severity"] == "error"
    sarif = json.loads(cli("lint", "--format", "sarif", "a.md").stdout)
    assert sarif["runs"][0]["results"][0]["level"] == "error"
    assert cli("lint", "--format", "github", "a.md").stdout.startswith("::error ")
    assert 'type="error"' in cli("lint", "--format", "junit", "a.md").stdout


def test_fail_on_from_config_and_flag_wins(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", 'fail-on = "error"\n')
    write(tmp_path / "a.md", uncited_explainer())
    assert cli("lint", "a.md").code == 0
    assert cli("lint", "--fail-on", "warning", "a.md").code == 1


def test_include_and_exclude_when_walking(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", 'exclude = ["drafts", "*.old.md"]\ninclude = ["*.md"]\n')
    for name in ("drafts/a.md", "b.old.md", "c.md", "d.markdown"):
        write(tmp_path / name, uncited_explainer())
    paths = {
        d["path"].replace("\\", "/")
        for d in json.loads(cli("lint", "--format", "json", ".").stdout)
    }
    assert paths == {"./c.md"}
    # Named explicitly, an excluded file is linted, unless --force-exclude (pre-commit's case).
    assert cli("lint", "drafts/a.md").code == 1
    forced = cli("lint", "--force-exclude", "drafts/a.md", "b.old.md")
    assert forced.code == 0 and forced.stdout == ""


def test_ratings_and_dedupe_threshold_reach_settings(tmp_path: Path) -> None:
    write(tmp_path / "data" / "extra.yaml", "[]\n")
    write(
        tmp_path / "pyproject.toml",
        '[tool.claimkit]\nratings = ["data/extra.yaml"]\n'
        "\n[tool.claimkit.dedupe]\nthreshold = 91\n",
    )
    planner = Planner(Resolver(), Flags())
    settings = planner.job(str(tmp_path / "a.md")).settings
    assert settings.ratings_files == (str(tmp_path / "data" / "extra.yaml"),)
    assert settings.dedupe_threshold == 91.0


def test_cli_select_replaces_config_selection(tmp_path: Path) -> None:
    write(tmp_path / "claimkit.toml", 'select = ["CK1"]\nignore = ["CK102"]\n')
    target = str(tmp_path / "a.md")
    from_config = {r.code for r in Planner(Resolver(), Flags()).job(target).rules}
    assert "CK102" not in from_config and "CK101" in from_config and "CK205" not in from_config
    flagged = Planner(Resolver(), Flags(select=["CK102", "CK205"])).job(target).rules
    assert [r.code for r in flagged] == ["CK102", "CK205"]


def test_config_show_names_the_origin_of_each_value(tmp_path: Path, cli) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.claimkit]\nignore = ["CK205"]\n'
        '[tool.claimkit.severity]\nCK102 = "info"\n',
    )
    write(tmp_path / "a.md", uncited_explainer())
    result = cli("config", "show", "a.md")
    assert result.code == 0
    config = tmp_path / "pyproject.toml"
    lines = result.stdout.splitlines()
    assert f"# configuration file: {config}" in lines
    ignore = next(line for line in lines if line.startswith("ignore = "))
    assert '["CK205"]' in ignore and ignore.endswith(f"# {config}:5")
    severity = next(line for line in lines if line.startswith("severity = "))
    assert severity.endswith(f"# {config}:6")
    assert next(line for line in lines if line.startswith("exclude = ")).endswith("# default")
    assert "CK205" not in lines[-1] and "CK102" in lines[-1]
    data = json.loads(cli("config", "show", "--format", "json", "a.md").stdout)
    assert data["values"]["ignore"] == {"value": ["CK205"], "from": f"{config}:5"}


def test_config_show_reports_bad_config(tmp_path: Path, cli) -> None:
    write(tmp_path / "claimkit.toml", "colour = 1\n")
    result = cli("config", "show")
    assert result.code == 2 and f"{tmp_path / 'claimkit.toml'}:1: unknown" in result.stderr


def test_resolver_reads_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "claimkit.toml", "ignore = []\n")
    import claimkit.config.resolve as resolve

    calls: list[str] = []
    original = resolve.load
    monkeypatch.setattr(resolve, "load", lambda p: calls.append(p) or original(p))
    resolver = Resolver()
    for name in ("a", "b/c", "b/d/e"):
        resolver.for_path(str(tmp_path / name / "x.md"))
    assert calls == [str(tmp_path / "claimkit.toml")]


def test_config_error_message_format() -> None:
    error = ConfigError("x.toml", 3, "bad")
    assert str(error) == "x.toml:3: bad"


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts", "drafts/a.md", True),
        ("drafts", "x/drafts/a.md", True),
        ("drafts", "drafts-old/a.md", False),
        ("*.old.md", "x/y/a.old.md", True),
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/sub/a.md", False),
        ("docs/**/*.md", "docs/a.md", True),
        ("docs/**/*.md", "docs/sub/deep/a.md", True),
        ("./docs/", "docs/a.md", True),
        ("a?.md", "ab.md", True),
        ("[ab].md", "c.md", False),
        ("[!ab].md", "c.md", True),
    ],
)
def test_glob_semantics(pattern: str, path: str, expected: bool) -> None:
    from claimkit.config.globs import matches

    assert matches(pattern, path) is expected


def test_stdin_uses_the_config_of_its_stdin_filename(tmp_path: Path, cli) -> None:
    write(tmp_path / "docs" / "claimkit.toml", 'ignore = ["CK102"]\nexclude = ["skip.md"]\n')
    text = uncited_explainer()
    named = cli("lint", "--stdin-filename", "docs/a.md", "-", input=text)
    assert named.code == 0
    assert cli("lint", "-", input=text).code == 1
    forced = cli(
        "lint",
        "--isolated",
        "--force-exclude",
        "--stdin-filename",
        "docs/skip.md",
        "-",
        input=text,
    )
    assert forced.code == 1  # --isolated: no exclude to apply
    excluded = cli("lint", "--force-exclude", "--stdin-filename", "docs/skip.md", "-", input=text)
    assert excluded.code == 0 and excluded.stdout == ""


def test_excluded_directories_are_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    write(tmp_path / "claimkit.toml", 'exclude = ["archive"]\n')
    write(tmp_path / "archive" / "deep" / "a.md", "x")
    write(tmp_path / "b.md", "x")
    from claimkit.discovery import discover

    visited: list[str] = []
    real_walk = os.walk

    def walk(top: str, **kwargs):  # type: ignore[no-untyped-def]
        for root, dirs, names in real_walk(top, **kwargs):
            visited.append(root)
            yield root, dirs, names

    monkeypatch.setattr(os, "walk", walk)
    planner = Planner(Resolver(), Flags())
    found = discover([str(tmp_path)], planner.excluded)
    assert [os.path.basename(p) for p, _ in found.files] == ["b.md"]
    assert not any("archive" in root for root in visited)


@pytest.mark.parametrize(
    "text",
    [
        '[tool]\nclaimkit = { select = ["CK1"] }\n',
        'tool.claimkit.select = ["CK1"]\n',
        '[tool.claimkit]\nselect = ["CK1"]\n',
        '[tool]\nclaimkit.select = ["CK1"]\n',
    ],
)
def test_any_toml_spelling_of_the_table_is_read(tmp_path: Path, cli, text: str) -> None:
    # select = CK1 drops CK2xx; CK102 (uncited) stays: the table was read, whatever its form.
    write(tmp_path / "pyproject.toml", text)
    write(tmp_path / "a.md", uncited_explainer())
    result = cli("config", "show", "a.md")
    assert "CK1" in result.stdout and "pyproject.toml" in result.stdout
    assert codes(cli("lint", "--format", "json", "a.md").stdout) == ["CK102"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[project]\nname = "x"\n[tool.claimkit\nselect = ["CK1"]\n', 3),
        ('[tool]\nclaimkit = { select = ["CK1"], selct = [] }\n', 2),
        ('tool.claimkit.fail-on = "fatal"\n', 1),
    ],
)
def test_toml_the_parser_rejects_is_a_file_line_error(
    tmp_path: Path, cli, text: str, line: int
) -> None:
    write(tmp_path / "pyproject.toml", text)
    write(tmp_path / "a.md", uncited_explainer())
    result = cli("lint", "a.md")
    assert result.code == 2
    assert result.stderr.startswith(f"claimkit: error: {tmp_path / 'pyproject.toml'}:{line}: ")


def test_pyproject_naming_claimkit_elsewhere_is_not_a_config(tmp_path: Path, cli) -> None:
    write(tmp_path / "pyproject.toml", '[project]\ndependencies = ["claimkit"]\n')
    write(tmp_path / "a.md", uncited_explainer())
    assert codes(cli("lint", "--format", "json", "a.md").stdout) == ["CK102"]
    assert "built-in defaults" in cli("config", "show", "a.md").stdout
