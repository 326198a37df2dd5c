"""Importers (AllSides CSV/JSON, MBFC JSON) and the ratings commands. All rows are our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app
from claimkit.ratings.importers import allsides_csv, convert, detect, site_of
from claimkit.ratings.load import load_file

runner = CliRunner()
P = "allsides_media_bias_ratings/publication/"
CSV = (
    f"{P}source_name,{P}source_type,{P}media_bias_rating,{P}source_url,{P}allsides_url\n"
    "Harbour Ledger,News Media,Lean Right,https://www.harbourledger.example/,https://as.example/hl\n"
    "Harbour Ledger (Opinion),News Media,Right,https://harbourledger.example/opinion.html,\n"
    "Valley Wire ,Podcast,Mixed,https://valleywire.example/index.html,https://as.example/vw\n"
    "No Address,News Media,Center,,https://as.example/na\n"
    "Placeholder,News Media,Center,https://example.com,\n"
    "Playlist,Podcast,Center,https://video.example/playlist?list=abc,\n"
    "Odd Rating,News Media,Centrist,https://odd.example/,\n"
)
MBFC = {
    "version": 5,
    "date": "2026-01-15T10:00:00.000Z",
    "sources": [
        {"domain": "coastpost.example", "name": "Coast Post", "url": "https://mb.example/cp",
         "bias": "left-center", "reporting": "high", "questionable": []},
        {"domain": "coastpost.example/sport", "name": "Coast Post Sport", "url": "",
         "bias": "right-center", "reporting": "mostly-factual", "questionable": []},
        {"domain": "rumours.example", "name": "Rumours", "url": "", "bias": "fake-news",
         "reporting": "very-low", "questionable": ["propaganda"]},
        {"domain": "labnotes.example", "name": "Lab Notes", "url": "", "bias": "pro-science",
         "reporting": "very-high", "questionable": []},
    ],
}  # fmt: skip


def test_site_of_policy() -> None:
    assert site_of("https://www.cnn.com/opinions/") == ("cnn.com", "/opinions")
    assert site_of("http://www.foxnews.com/opinion.html") == ("foxnews.com", "/opinion")
    assert site_of("http://latino.foxnews.com/index.html") == ("latino.foxnews.com", "")
    assert site_of("https://klin.example/#/questions") == ("klin.example", "")
    assert isinstance(site_of(""), str)
    assert isinstance(site_of("https://example.com"), str)
    assert isinstance(site_of("https://qchron..com/"), str)


def test_allsides_csv_keeps_every_usable_outlet() -> None:
    result = allsides_csv(CSV, as_of="2025")
    assert [(e.name, e.domains, e.paths, e.bias) for e in result.entries] == [
        ("Harbour Ledger", ("harbourledger.example",), (), "Lean Right"),
        ("Harbour Ledger (Opinion)", ("harbourledger.example",), ("/opinion",), "Right"),
        ("Valley Wire", ("valleywire.example",), (), "Mixed"),
    ]
    assert [name for name, _ in result.skipped] == [
        "No Address", "Placeholder", "Playlist", "Odd Rating",
    ]  # fmt: skip
    assert result.entries[0].rated_by == "AllSides" and result.entries[0].as_of == "2025"


@pytest.mark.parametrize(
    "shape",
    [
        lambda rows: {"allsides_media_bias_ratings": [{"publication": r} for r in rows]},
        lambda rows: {"allsides_media_bias_ratings": {"publication": rows}},
        lambda rows: rows,
    ],
)
def test_allsides_json_shapes(shape: object) -> None:
    rows = [
        {"source_name": "Harbour Ledger", "source_type": "News Media",
         "media_bias_rating": "Lean Right", "source_url": "https://harbourledger.example/",
         "allsides_url": "https://as.example/hl"},
    ]  # fmt: skip
    text = json.dumps(shape(rows))  # type: ignore[operator]
    assert detect(text) == "allsides-json"
    (only,) = convert(text).entries
    assert (only.name, only.bias, only.rating_url) == (
        "Harbour Ledger",
        "Lean Right",
        "https://as.example/hl",
    )


def test_mbfc_json_keeps_factual_grade_and_skips_categories_without_lean() -> None:
    text = json.dumps(MBFC)
    assert detect(text) == "mbfc-json"
    result = convert(text)
    assert [(e.name, e.domains, e.paths, e.bias, e.factual, e.as_of) for e in result.entries] == [
        ("Coast Post", ("coastpost.example",), (), "Lean Left", "High", "2026-01-15"),
        ("Coast Post Sport", ("coastpost.example",), ("/sport",), "Lean Right", "Mostly Factual",
         "2026-01-15"),
    ]  # fmt: skip
    assert {e.rated_by for e in result.entries} == {"Media Bias/Fact Check"}
    assert [name for name, _ in result.skipped] == ["Rumours", "Lab Notes"]


def test_import_command_writes_a_file_that_layers(tmp_path: Path) -> None:
    export = tmp_path / "mbfc.json"
    export.write_text(json.dumps(MBFC), encoding="utf-8")
    out = tmp_path / "mine.yaml"
    result = runner.invoke(app, ["ratings", "import", str(export), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "imported 2 entries, skipped 2" in result.stderr
    assert [e.name for e in load_file(str(out))] == ["Coast Post", "Coast Post Sport"]
    looked = runner.invoke(
        app, ["ratings", "lookup", "--ratings", str(out), "https://coastpost.example/sport/x"]
    )
    assert looked.exit_code == 0
    assert "Lean Right" in looked.stdout and "factual reporting Mostly Factual" in looked.stdout


def test_import_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nothing": []}', encoding="utf-8")
    result = runner.invoke(app, ["ratings", "import", str(bad), "--from", "mbfc-json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("claimkit: error: ") and result.stderr.count("\n") == 1
    missing = runner.invoke(app, ["ratings", "import", str(tmp_path / "none.csv")])
    assert missing.exit_code == 2 and "does not exist" in missing.stderr


def test_lookup_explains_the_match_and_reports_ambiguity() -> None:
    result = runner.invoke(app, ["ratings", "lookup", "https://www.cnn.com/opinions/x"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "https://www.cnn.com/opinions/x: Left",
        "  matched: longest path prefix cnn.com/opinions",
    ]
    ap = runner.invoke(app, ["ratings", "lookup", "--format", "json", "apnews.com/article/x"])
    data = json.loads(ap.stdout)
    assert data["ambiguous"] is True and data["labels"] == ["Left", "Lean Left"]
    unrated = runner.invoke(app, ["ratings", "lookup", "https://www.intellinews.com/x"])
    assert unrated.exit_code == 1 and "unrated" in unrated.stdout
    assert "intellinews.com" in unrated.stdout


def test_list_filters_by_label() -> None:
    result = runner.invoke(app, ["ratings", "list", "--bias", "mixed", "--format", "json"])
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    assert entries and {e["bias"] for e in entries} == {"Mixed"}
    assert runner.invoke(app, ["ratings", "list", "--bias", "Centrist"]).exit_code == 2


def test_about_credits_allsides_and_its_terms() -> None:
    result = runner.invoke(app, ["ratings", "--about"])
    assert result.exit_code == 0
    assert "AllSides" in result.stdout and "non-commercial" in result.stdout
    assert "1843 entries" in result.stdout and "MBFC" in result.stdout


def test_bad_ratings_file_is_exit_2_everywhere(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - name: X\n    domains: [x.example]\n    bias: Loud\n")
    doc = tmp_path / "doc.md"
    doc.write_text("# T\n\n## Claims\n| a | b | c |\n|---|---|---|\n")
    for args in (
        ["lint", "--ratings", str(bad), str(doc)],
        ["bias-report", "--ratings", str(bad), str(doc)],
        ["ratings", "lookup", "--ratings", str(bad), "x.example"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert result.stderr == f'claimkit: error: {bad}:4: bias "Loud" is not one of ' + (
            "Left, Lean Left, Center, Lean Right, Right, Mixed\n"
        )
