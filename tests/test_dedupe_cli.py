"""``claimkit dedupe`` end to end: exit codes, writes, --diff, --check, JSON, corpus mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import Explainer, Row, cite
from claimkit.cli import app
from dedupe_support import rows, seed_text

SENTENCE = "The port authority expects 120 more container ships a month by 2030, officials said."
OTHER = "Dredging of the northern channel will finish in March, the engineers told reporters."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["dedupe", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.md"
    path.write_bytes(seed_text().encode("utf-8"))
    return path


def test_report_only_exits_1_and_writes_nothing(seed: Path) -> None:
    before = seed.read_bytes()
    code, out, _ = run(str(seed))
    assert code == 1
    assert "exact" in out and "normalised" in out and "identical" in out
    assert seed.read_bytes() == before


def test_check_and_diff_write_nothing(seed: Path) -> None:
    before = seed.read_bytes()
    assert run("--check", str(seed))[0] == 1
    code, out, _ = run("--diff", str(seed))
    assert code == 1
    assert out.startswith(f"--- a/{seed}\n+++ b/{seed}\n")  # the one diff of every fix
    assert '-|<font id="7"' in out
    assert seed.read_bytes() == before


def test_fix_writes_then_check_is_clean(seed: Path) -> None:
    code, out, _ = run("--fix", str(seed))
    assert code == 0
    assert "removed claim 2" in out and "removed claim 7" in out
    assert "https://www.cnn.com/europe/live-news/russia-ukraine-war-news-11-01-22/" in out
    assert len(rows(seed.read_text(encoding="utf-8"))) == 8
    after = seed.read_bytes()
    assert run("--check", str(seed))[0] == 0
    assert run("--fix", str(seed))[0] == 0
    assert seed.read_bytes() == after
    assert run("--diff", str(seed))[1] == ""


def test_json_shape(seed: Path) -> None:
    code, out, _ = run("--fix", "--format", "json", str(seed))
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"files", "cross_file"}
    [entry] = data["files"]
    assert set(entry) >= {"path", "clusters", "removed", "mapping"}
    [cluster] = entry["clusters"]
    assert cluster["kept"] == {"id": "1", "line": 19}
    assert [{k: d[k] for k in ("id", "line", "score", "kind")} for d in cluster["duplicates"]] == [
        {"id": "2", "line": 20, "score": 100.0, "kind": "exact"},
        {"id": "7", "line": 25, "score": 100.0, "kind": "exact"},
    ]
    assert [(r["id"], r["url"].split("/")[-2]) for r in entry["removed"]] == [
        ("2", "russia-ukraine-war-news-11-01-22"),
        ("7", "russia-ukraine-war-news-11-03-22"),
    ]
    assert entry["removed"][0]["sentence"].startswith("The shipment is being closely monitored")
    assert entry["mapping"]["7"] == "1" and entry["mapping"]["10"] == "8"
    assert data["cross_file"] == []


def test_report_json_leaves_removed_and_mapping_empty(seed: Path) -> None:
    data = json.loads(run("--format", "json", str(seed))[1])
    assert data["files"][0]["removed"] == [] and data["files"][0]["mapping"] == {}


def _write(path: Path, *sentences: str) -> None:
    rows_ = [Row(str(i), s) for i, s in enumerate(sentences, 1)]
    levels = {"summary": f"Text {cite(*[r.id for r in rows_])}."}
    path.write_text(Explainer(levels=levels, rows=rows_).text(), encoding="utf-8")


def test_cross_file_clusters_are_reported_never_rewritten(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", OTHER, SENTENCE)
    _write(tmp_path / "b.md", SENTENCE.upper())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, _ = run("--fix", "--format", "json", str(tmp_path))
    assert code == 1  # cross-file duplicates remain: they are for a human
    data = json.loads(out)
    assert data["cross_file"] == [
        {
            "members": [
                {"path": str(tmp_path / "a.md"), "line": 14, "id": "2"},
                {"path": str(tmp_path / "b.md"), "line": 13, "id": "1"},
            ],
            "score": 100.0,
            "kind": "exact",
            "reasons": ["identical after normalisation"],
        }
    ]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_near_duplicate_held_back_without_unsafe_fixes(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    _write(path, SENTENCE, SENTENCE.replace("expects", "still expects"), OTHER)
    before = path.read_bytes()
    code, _, err = run("--fix", str(path))
    assert code == 1 and "1 near duplicate(s) held back" in err
    assert path.read_bytes() == before
    assert run("--fix", "--unsafe-fixes", str(path))[0] == 0
    assert [s for _, _, s in rows(path.read_text(encoding="utf-8"))] == [SENTENCE, OTHER]


def test_clean_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    _write(path, SENTENCE, OTHER)
    code, _, err = run(str(path))
    assert code == 0 and "No duplicate claims" in err


@pytest.mark.parametrize(
    "args",
    [["--threshold", "0"], ["--threshold", "101"], ["missing.md"], ["-"], ["--diff", "--check"]],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    _write(path, SENTENCE)
    extra = [] if "missing.md" in args or "-" in args else [str(path)]
    code, out, err = run(*args, *extra)
    assert code == 2
    assert err.startswith("claimkit: error: ") and err.count("\n") == 1
    assert "Traceback" not in out + err


def test_threshold_option_changes_near_matches(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    _write(path, SENTENCE, SENTENCE.replace("expects", "still expects"))
    assert run(str(path))[0] == 1
    assert run("--threshold", "99.5", str(path))[0] == 0


def test_cross_file_members_after_a_fix_exclude_removed_rows(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", SENTENCE, OTHER, SENTENCE)
    _write(tmp_path / "b.md", SENTENCE)
    report = json.loads(run("--format", "json", str(tmp_path))[1])
    assert [m["line"] for m in report["cross_file"][0]["members"]] == [13, 15, 13]
    fixed = json.loads(run("--fix", "--format", "json", str(tmp_path))[1])
    assert [m["line"] for m in fixed["cross_file"][0]["members"]] == [13, 13]


def test_fix_on_disk_keeps_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    rows_ = [Row("1", SENTENCE), Row("2", OTHER), Row("3", SENTENCE)]
    levels = {"summary": f"A {cite('1', '2', '3')} B {cite('3')}"}
    path.write_bytes(
        Explainer(levels=levels, rows=rows_, newline="\r\n", bom=True).text().encode("utf-8")
    )
    assert run("--fix", str(path))[0] == 0
    expected = Explainer(
        levels={"summary": f"A {cite('1', '2')} B {cite('1')}"},
        rows=rows_[:2],
        newline="\r\n",
        bom=True,
    ).text()
    assert path.read_bytes() == expected.encode("utf-8")


def test_decoys_survive_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    decoys = [
        SENTENCE,
        SENTENCE.replace("120", "1,200"),
        SENTENCE.replace("expects", "does not expect"),
        SENTENCE.replace("port authority", "Rotterdam authority"),
    ]
    _write(path, *decoys)
    before = path.read_bytes()
    assert run("--fix", "--unsafe-fixes", str(path))[0] == 0
    assert path.read_bytes() == before


def test_configuration_threshold_and_excludes(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    _write(path, SENTENCE, SENTENCE.replace("expects", "still expects"))
    (tmp_path / "claimkit.toml").write_text("[dedupe]\nthreshold = 99.5\n")
    assert run(str(path))[0] == 0  # the configured threshold is stricter than 90
    assert run("--isolated", str(path))[0] == 1
    (tmp_path / "claimkit.toml").write_text('exclude = ["x.md"]\n')
    assert run(str(path))[0] == 1  # named explicitly: checked
    assert run("--force-exclude", str(path))[0] == 0  # as pre-commit runs it
    assert run(str(tmp_path))[0] == 0  # found by walking: excluded


def test_check_lists_path_line_col_and_says_would(seed: Path) -> None:
    import re

    code, out, err = run("--check", str(seed))
    assert code == 1
    lines = out.splitlines()
    assert lines and all(re.match(rf"{re.escape(str(seed))}:\d+:1: claim ", ln) for ln in lines)
    assert any(ln.endswith("a fix would remove it") for ln in lines)
    assert "removed" not in out and "removed" not in err
