"""The lint result cache: a warm run says exactly what a cold run says, for any key change."""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import claimkit.version
from builder import standard
from claimkit.cli import app
from claimkit.engine import FileResult
from claimkit.output.render import FORMATS
from claimkit.run import cache
from conftest import Run, write

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate_corpus import explainer, generate


def lint(cwd: Path, *args: str) -> Run:
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["lint", "--format", "json", *args])
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def shards(directory: Path) -> list[Path]:
    return sorted((directory / f"lint-{cache.FORMAT}").glob("*/*.json"))


def poison(directory: Path) -> None:
    """Rewrite every cached finding's message: a run that shows it read the cache."""
    for shard in shards(directory):
        image = json.loads(shard.read_text(encoding="utf-8"))
        for entry in image["entries"].values():
            for item in entry[2]:
                item[5] = "POISON"
        shard.write_text(json.dumps(image), encoding="utf-8")


def _doc(seed: int) -> str:
    doc = standard(4)
    doc.rows[2].date = ""  # CK205
    doc.rows[1].url = f"https://www.cnbc.com/2022/11/0{seed % 9 + 1}/story.html"
    return doc.text()


@contextmanager
def project(seed: int) -> Iterator[tuple[Path, Path]]:
    with tempfile.TemporaryDirectory() as raw:
        root = Path(raw)
        write(root / "docs" / "a.md", _doc(seed))
        write(root / "docs" / "b.md", _doc(seed + 1).replace("[3]", "[9]", 1))
        write(root / "mine.yaml", "entries:\n  - {name: Mine, domains: [cnbc.com], bias: Center}\n")
        write(root / "claimkit.toml", 'ratings = ["mine.yaml"]\n')
        yield root, root / "cache"


CHANGES = st.one_of(
    st.tuples(st.just("bytes"), st.sampled_from(["[1]", "[2]", "Nov 2nd, 2022", "cnbc.com"])),
    st.tuples(st.just("ignore"), st.sampled_from(["CK205", "CK101", "CK1", "CK203"])),
    st.tuples(st.just("select"), st.sampled_from(["CK1", "CK2", "CK102,CK205"])),
    st.tuples(st.just("severity"), st.sampled_from(["CK102", "CK205", "CK101"])),
    st.tuples(st.just("option"), st.integers(min_value=0, max_value=100).map(str)),
    st.tuples(st.just("ratings"), st.sampled_from(["Left", "Lean Right", "Mixed"])),
    st.tuples(st.just("version"), st.sampled_from(["0.0.1", "9.9.9"])),
)


def _apply(root: Path, change: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    kind, value = change
    config = root / "claimkit.toml"
    if kind == "bytes":
        path = root / "docs" / "a.md"
        path.write_text(path.read_text(encoding="utf-8").replace(value, "", 1), encoding="utf-8")
    elif kind == "ignore":
        config.write_text(config.read_text() + f'ignore = ["{value}"]\n')
    elif kind == "select":
        codes = ", ".join(f'"{code}"' for code in value.split(","))
        config.write_text(config.read_text() + f"select = [{codes}]\n")
    elif kind == "severity":
        config.write_text(config.read_text() + f'[severity]\n{value} = "info"\n')
    elif kind == "option":
        config.write_text(config.read_text() + f"[rules.CK302]\nthreshold = {value}\n")
    elif kind == "ratings":
        mine = root / "mine.yaml"
        mine.write_text(f"entries:\n  - {{name: Mine, domains: [cnbc.com], bias: {value}}}\n")
    else:
        monkeypatch.setattr(claimkit.version, "__version__", value)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(min_value=0, max_value=50), change=CHANGES)
def test_any_key_change_answers_as_a_cold_run(seed: int, change: tuple[str, str]) -> None:
    with project(seed) as (root, directory), pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(cache.ENV_DIR, str(directory))
        cold = lint(root, "--no-cache", "docs")
        assert lint(root, "docs").stdout == cold.stdout  # filled, and the same
        poison(directory)
        # Nothing changed: the (poisoned) entries are what the run shows.
        assert "POISON" in lint(root, "docs").stdout
        _apply(root, change, monkeypatch)
        expected = lint(root, "--no-cache", "docs")
        warm = lint(root, "docs")
        changed_file = change[0] == "bytes"
        if changed_file:
            # b.md is unchanged and keeps its (poisoned) entry; a.md must be fresh.
            fresh = [d for d in json.loads(warm.stdout) if d["path"].endswith("a.md")]
            cold_a = [d for d in json.loads(expected.stdout) if d["path"].endswith("a.md")]
            assert fresh == cold_a
        else:
            assert warm.stdout == expected.stdout
            assert warm.code == expected.code
        assert lint(root, "--no-cache", "docs").stdout == expected.stdout


def test_cached_equals_cold_on_a_generated_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(str(corpus), 90, seed=11)  # above the parallel threshold: workers fill it
    (corpus / "notes.md").write_text("# not an explainer\n")
    (corpus / "empty.md").write_text("")
    (corpus / "binary.md").write_bytes(b"\x00\xff\xfe binary")
    cold = lint(tmp_path, "--no-cache", "corpus")
    first = lint(tmp_path, "corpus")
    warm = lint(tmp_path, "corpus")
    assert cold.stdout == first.stdout == warm.stdout
    assert cold.stderr == first.stderr == warm.stderr
    assert len(json.loads(warm.stdout)) > 500
    # One changed file among them: only it is linted again, and it answers as cold.
    changed = sorted(corpus.glob("*.md"))[5]
    changed.write_text(explainer(random.Random(99)), encoding="utf-8")
    assert lint(tmp_path, "corpus").stdout == lint(tmp_path, "--no-cache", "corpus").stdout


def test_findings_take_this_runs_path(tmp_path: Path) -> None:
    text = _doc(1)
    write(tmp_path / "one" / "a.md", text)
    write(tmp_path / "two" / "copy.md", text)
    first = json.loads(lint(tmp_path, "one").stdout)
    second = json.loads(lint(tmp_path, "two").stdout)
    assert first and {d["path"] for d in second} == {os.path.join("two", "copy.md")}
    assert [{**d, "path": ""} for d in first] == [{**d, "path": ""} for d in second]
    inside = json.loads(lint(tmp_path / "two", "copy.md").stdout)
    assert {d["path"] for d in inside} == {"copy.md"}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"magic": "claimkit-lint-cache", "format": 1, "key": "other", "entries": {}}',
        b"[1, 2, 3]",
    ],
)
def test_a_corrupt_or_foreign_shard_is_ignored(tmp_path: Path, damage: bytes) -> None:
    write(tmp_path / "a.md", _doc(2))
    directory = Path(os.environ[cache.ENV_DIR])
    cold = lint(tmp_path, "--no-cache", "a.md")
    lint(tmp_path, "a.md")
    (shard,) = shards(directory)
    shard.write_bytes(damage or shard.read_bytes()[:40])  # truncated, garbage, foreign
    assert lint(tmp_path, "a.md").stdout == cold.stdout
    assert lint(tmp_path, "a.md").stdout == cold.stdout  # and rewritten whole


def test_a_malformed_entry_is_linted_again(tmp_path: Path) -> None:
    write(tmp_path / "a.md", _doc(3))
    directory = Path(os.environ[cache.ENV_DIR])
    cold = lint(tmp_path, "--no-cache", "a.md")
    lint(tmp_path, "a.md")
    (shard,) = shards(directory)
    image = json.loads(shard.read_text())
    for entry in image["entries"].values():
        entry[2][0][4] = "catastrophic"  # no such severity
    shard.write_text(json.dumps(image))
    assert lint(tmp_path, "a.md").stdout == cold.stdout


def test_concurrent_writers_merge_and_never_corrupt(tmp_path: Path) -> None:
    one = cache.Shard(str(tmp_path), "k")
    two = cache.Shard(str(tmp_path), "k")
    one.put("aa", FileResult("x.md", (), "empty file"))
    two.put("bb", FileResult("y.md", (), None))
    one.put("bb1", FileResult("w.md", (), None))
    two.put("aa2", FileResult("v.md", (), None))
    bucket = tmp_path / f"lint-{cache.FORMAT}" / "k"
    bucket.mkdir(parents=True)
    (bucket / ".aa.json.99.1.tmp").write_text("half a write")  # a dead writer's
    assert one.get("aa0", "x.md") is None and two.get("bb0", "x.md") is None  # both loaded
    one.save()
    two.save()  # after one wrote the buckets two had read: merged, not overwritten
    again = cache.Shard(str(tmp_path), "k")
    assert again.get("aa", "z.md") == FileResult("z.md", (), "empty file")
    assert again.get("bb", "z.md") == FileResult("z.md", (), None)
    assert again.get("bb1", "z.md") == again.get("aa2", "z.md") == FileResult("z.md", (), None)
    # The key inside each bucket is checked: a bucket copied under another key is foreign.
    other = tmp_path / f"lint-{cache.FORMAT}" / "other"
    other.mkdir()
    (other / "aa.json").write_bytes((bucket / "aa.json").read_bytes())
    assert cache.Shard(str(tmp_path), "other").get("aa", "z.md") is None


def test_fix_then_lint_sees_the_new_bytes(tmp_path: Path) -> None:
    doc = standard(3)
    doc.rows[1].bias = "Left"  # CK203, fixable: the database rates CNBC Center
    path = write(tmp_path / "a.md", doc.text())
    assert any(d["code"] == "CK203" for d in json.loads(lint(tmp_path, "a.md").stdout))
    assert lint(tmp_path, "--fix", "a.md").code == 0
    after = lint(tmp_path, "a.md")
    assert after.stdout == lint(tmp_path, "--no-cache", "a.md").stdout
    assert not any(d["code"] == "CK203" for d in json.loads(after.stdout))
    assert "Left" not in path.read_text(encoding="utf-8")


def test_online_and_no_cache_runs_write_nothing(tmp_path: Path) -> None:
    from claimkit.cli.lint_run import Options, _cache_dir
    from claimkit.config import Resolver
    from claimkit.plan import Flags, Planner

    planner = Planner(Resolver(), Flags())
    assert _cache_dir(planner, Options(paths=[], flags=Flags(), online=True)) is None
    assert _cache_dir(planner, Options(paths=[], flags=Flags(), no_cache=True)) is None
    write(tmp_path / "a.md", _doc(4))
    lint(tmp_path, "--no-cache", "a.md")
    assert not Path(os.environ[cache.ENV_DIR]).joinpath(f"lint-{cache.FORMAT}").exists()


def test_where_the_cache_lives_and_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "a.md", _doc(5))
    monkeypatch.delenv(cache.ENV_DIR)
    write(tmp_path / "claimkit.toml", 'cache-dir = "build/ck"\n')
    lint(tmp_path, "a.md")
    assert shards(tmp_path / "build" / "ck")
    assert (tmp_path / "build" / "ck" / ".gitignore").read_text().endswith("*\n")
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "from-env"))
    lint(tmp_path, "a.md")
    assert shards(tmp_path / "from-env")
    lint(tmp_path, "--cache-dir", "flagged", "a.md")
    assert shards(tmp_path / "flagged")
    previous = os.getcwd()
    os.chdir(tmp_path)
    try:
        done = CliRunner().invoke(app, ["clean", "--cache-dir", "flagged"])
        assert done.exit_code == 0 and "removed" in done.stderr
        assert not (tmp_path / "flagged").exists()
        monkeypatch.delenv(cache.ENV_DIR)
        assert CliRunner().invoke(app, ["clean"]).exit_code == 0
        assert not (tmp_path / "build" / "ck").exists()
        again = CliRunner().invoke(app, ["clean"])
        assert again.exit_code == 0 and "no cache" in again.stderr
    finally:
        os.chdir(previous)


def test_a_bad_cache_dir_setting_is_a_config_error(tmp_path: Path) -> None:
    write(tmp_path / "a.md", _doc(6))
    write(tmp_path / "claimkit.toml", "cache-dir = 3\n")
    done = lint(tmp_path, "a.md")
    assert done.code == 2 and "claimkit.toml:1: cache-dir must be a path" in done.stderr


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    write(tmp_path / "a.md", _doc(7))
    blocker = write(tmp_path / "blocker", "a file where the cache directory would be")
    cold = lint(tmp_path, "--no-cache", "a.md")
    done = lint(tmp_path, "--cache-dir", str(blocker / "cache"), "a.md")
    assert (done.code, done.stdout) == (cold.code, cold.stdout)


def test_the_key_reads_the_shipped_ratings_the_loader_reads() -> None:
    from claimkit.ratings.load import shipped_path

    assert cache.shipped_ratings() == shipped_path()
    assert os.path.isfile(cache.shipped_ratings())


def _lint_as(cwd: Path, output_format: str, *args: str) -> Run:
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, ["lint", "--format", output_format, *args])
    finally:
        os.chdir(previous)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_answers_from_the_cache_as_cold(tmp_path: Path, output_format: str) -> None:
    # The text formats read the cached fixes without their edits, the others with them:
    # either way the report, the fix titles and the "N fixable" hints are those of a cold run.
    corpus = tmp_path / "corpus"
    generate(str(corpus), 12, seed=5)
    cold = _lint_as(tmp_path, output_format, "--no-cache", "corpus")
    _lint_as(tmp_path, output_format, "corpus")  # fill
    for filled_by in ("json", "text"):  # a cache filled for one format serves every other
        _lint_as(tmp_path, filled_by, "corpus")
        warm = _lint_as(tmp_path, output_format, "corpus")
        assert (warm.code, warm.stdout, warm.stderr) == (cold.code, cold.stdout, cold.stderr)
    assert "fixable with --fix" in _lint_as(tmp_path, "text", "corpus").stderr


def test_damaged_edits_are_never_printed(tmp_path: Path) -> None:
    generate(str(tmp_path / "corpus"), 6, seed=5)
    directory = Path(os.environ[cache.ENV_DIR])
    cold = lint(tmp_path, "--no-cache", "corpus")
    assert any(d["fix"] for d in json.loads(cold.stdout))
    lint(tmp_path, "corpus")
    for shard in shards(directory):
        image = json.loads(shard.read_text())
        for entry in image["entries"].values():
            for item in entry[2]:
                if item[9] is not None:
                    item[9][3] = item[9][3].replace("]", "", 1)  # the edits' JSON cut short
        shard.write_text(json.dumps(image))
    assert lint(tmp_path, "corpus").stdout == cold.stdout


def test_results_cross_a_pipe_whole(tmp_path: Path) -> None:
    # Workers send FileResults through pickle, rebuilt through the constructors.
    import pickle

    from claimkit.engine import LintJob, lint_file
    from claimkit.rules import RULES

    generate(str(tmp_path), 12, seed=8)
    fixes = 0
    for path in sorted(tmp_path.glob("*.md")):
        result = lint_file(str(path), path.name, LintJob(RULES))
        back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == result
        assert [d.fix for d in back.diagnostics] == [d.fix for d in result.diagnostics]
        fixes += sum(1 for d in back.diagnostics if d.fix is not None and d.fix.edits)
    assert fixes
