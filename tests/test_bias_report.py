"""claimkit bias-report: the numbers, the JSON contract, the formats and the CI gates."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builder import Row, standard
from claimkit.cli import app
from conftest import SEED, needs_seed

runner = CliRunner()
LABELS = ["Left", "Lean Left", "Center", "Lean Right", "Right", "Mixed", "Unrated"]


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["bias-report", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _counts(**given: int) -> dict[str, int]:
    return {label: given.get(label.replace(" ", "_"), 0) for label in LABELS}


def _second_doc(tmp_path: Path) -> Path:
    """Three rows, each cited once in each of the three levels (3 citations a row)."""
    doc = standard(3)
    doc.rows[0].url = "https://www.cnn.com/europe/live-news/canal-11-02-22/h_1"  # CNN Digital
    doc.rows[0].bias = "Lean Left"
    doc.rows[1].url = "https://www.foxnews.com/politics/canal-story"  # Fox News Digital
    doc.rows[1].bias = "Right"
    doc.rows[2].url = "https://harbourledger.co.uk/canal"  # not in the database
    doc.rows[2].bias = "N/A"
    path = tmp_path / "canal.md"
    path.write_text(doc.text(), encoding="utf-8")
    return path


@needs_seed
def test_seed_numbers() -> None:
    (report,) = _json(str(SEED))["documents"]
    # Database ratings, path-aware: rows 1, 2, 7 CNN Digital (Lean Left), 3 CNBC (Center),
    # 4 NBC News Digital (Lean Left), 6 UnHerd and 10 Defense News (Center); 5 intellinews,
    # 8 thebulletin, 9 ips-journal unrated.
    # Outlets (8 unique): Lean Left CNN, NBC = 2; Center CNBC, UnHerd, Defense News = 3;
    # Unrated 3. Rated 5: left 2/5, center 3/5; mean (-1-1)/5 = -0.4; coverage 5/8.
    outlets = report["outlets"]
    assert outlets["counts"] == _counts(Lean_Left=2, Center=3, Unrated=3)
    assert outlets["sides"] == pytest.approx({"left": 0.4, "center": 0.6, "right": 0.0})
    assert outlets["mean_lean"] == pytest.approx(-0.4)
    assert outlets["coverage"] == pytest.approx(5 / 8)
    assert outlets["blindspot"] == "right"
    # Claims (10 rows): Lean Left 1, 2, 4, 7 = 4; Center 3, 6, 10 = 3; Unrated 5, 8, 9 = 3.
    # Mean -4/7; coverage 7/10.
    claims = report["claims"]
    assert claims["counts"] == _counts(Lean_Left=4, Center=3, Unrated=3)
    assert claims["sides"] == pytest.approx({"left": 4 / 7, "center": 3 / 7, "right": 0.0})
    assert claims["mean_lean"] == pytest.approx(-4 / 7)
    assert claims["coverage"] == pytest.approx(0.7)
    # Citations per claim over the three levels: less-detailed [1,2] [3]; summary [1,2] [3]
    # [1] [4,5]; more-detailed [1,2,7] [1,2] [1,2,7] [3] [9]. So 1:6, 2:5, 3:3, 4:1, 5:1,
    # 7:2, 9:1, and 6, 8, 10 uncited (19 in all). Lean Left 6+5+1+2 = 14; Center 3;
    # Unrated 1+1 = 2. Mean -14/17; coverage 17/19.
    cited = report["citations"]
    assert cited["counts"] == _counts(Lean_Left=14, Center=3, Unrated=2)
    assert cited["mean_lean"] == pytest.approx(-14 / 17)
    assert cited["coverage"] == pytest.approx(17 / 19)
    assert cited["blindspot"] == "right"
    assert report["unrated_domains"] == ["intellinews.com", "thebulletin.org", "ips-journal.eu"]
    assert [
        (d["claim"], d["line"], d["inline"], d["database"]) for d in report["disagreements"]
    ] == [
        ("1", 19, "Left", ["Lean Left"]),
        ("2", 20, "Left", ["Lean Left"]),
        ("7", 25, "Left", ["Lean Left"]),
    ]


@needs_seed
def test_json_contract_keys() -> None:
    data = _json(str(SEED))
    assert set(data) == {"documents", "corpus"} and data["corpus"] is None
    (report,) = data["documents"]
    assert {"path", "unrated_domains", "disagreements", "outlets", "claims", "citations"} <= set(
        report
    )
    for unit in ("outlets", "claims", "citations"):
        stats = report[unit]
        assert {"counts", "sides", "mean_lean", "coverage", "blindspot"} <= set(stats)
        assert list(stats["counts"]) == LABELS
        assert all(isinstance(v, int) for v in stats["counts"].values())
        assert set(stats["sides"]) == {"left", "center", "right"}


@needs_seed
def test_corpus_aggregate(tmp_path: Path) -> None:
    second = _second_doc(tmp_path)
    data = _json(str(SEED), str(second))
    assert [d["path"] for d in data["documents"]] == [str(SEED), str(second)]
    corpus = data["corpus"]
    assert "path" not in corpus and corpus["documents"] == 2
    # Outlets: the seed's 8 plus Fox News Digital and harbourledger.co.uk (CNN Digital is
    # already counted): Lean Left 2, Center 3, Right 1, Unrated 4. Mean (-2+2)/6 = 0.
    assert corpus["outlets"]["counts"] == _counts(Lean_Left=2, Center=3, Right=1, Unrated=4)
    assert corpus["outlets"]["mean_lean"] == pytest.approx(0.0)
    assert corpus["outlets"]["blindspot"] is None
    # Claims add up: seed 4/3/0/3 plus 1 Lean Left, 1 Right, 1 Unrated. Mean (-5+2)/9.
    assert corpus["claims"]["counts"] == _counts(Lean_Left=5, Center=3, Right=1, Unrated=4)
    assert corpus["claims"]["mean_lean"] == pytest.approx(-1 / 3)
    assert corpus["claims"]["coverage"] == pytest.approx(9 / 13)
    # Citations: seed 14/3/0/2 plus 3 per row of the second document. Mean (-17+6)/23.
    assert corpus["citations"]["counts"] == _counts(Lean_Left=17, Center=3, Right=3, Unrated=5)
    assert corpus["citations"]["mean_lean"] == pytest.approx(-11 / 23)
    assert corpus["unrated_domains"] == [
        "intellinews.com", "thebulletin.org", "ips-journal.eu", "harbourledger.co.uk",
    ]  # fmt: skip
    assert len(corpus["disagreements"]) == 3


def test_directory_gives_a_corpus_even_for_one_file(tmp_path: Path) -> None:
    _second_doc(tmp_path)
    (tmp_path / "README.md").write_text("# Not an explainer\n", encoding="utf-8")
    data = _json(str(tmp_path))
    assert len(data["documents"]) == 1 and data["corpus"]["documents"] == 1


def test_by_selects_units_and_prefer_inline(tmp_path: Path) -> None:
    path = _second_doc(tmp_path)
    data = _json("--by", "claims", str(path))
    (report,) = data["documents"]
    assert "claims" in report and "outlets" not in report and "citations" not in report
    doc = standard(2)
    doc.rows[0].url = "https://www.cnn.com/europe/x"
    doc.rows[0].bias = "Left"  # database: Lean Left
    doc.rows[1].url = "https://harbourledger.co.uk/x"
    doc.rows[1].bias = "Center"  # database: unrated
    path.write_text(doc.text(), encoding="utf-8")
    database = _json("--by", "claims", str(path))["documents"][0]["claims"]["counts"]
    inline = _json("--by", "claims", "--prefer", "inline", str(path))["documents"][0]
    assert database == _counts(Lean_Left=1, Unrated=1)
    assert inline["claims"]["counts"] == _counts(Left=1, Center=1)
    assert len(inline["disagreements"]) == 1  # listed whichever rating is used
    bad = runner.invoke(app, ["bias-report", "--by", "paragraphs", str(path)])
    assert bad.exit_code == 2 and "unknown unit" in bad.stderr


@needs_seed
@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ([], 0),
        (["--fail-on-blindspot"], 1),
        (["--max-lean", "0.5"], 1),  # claims -0.57, citations -0.82
        (["--max-lean", "0.9"], 0),
        (["--max-lean", "0.5", "--by", "outlets"], 0),  # outlets -0.40
        (["--max-lean", "3"], 2),
    ],
)
def test_gates(flags: list[str], code: int) -> None:
    result = runner.invoke(app, ["bias-report", "--format", "json", *flags, str(SEED)])
    assert result.exit_code == code, result.output
    if code == 1:
        assert "claimkit: " in result.stderr


def test_gate_passes_on_a_balanced_document(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["bias-report", "--fail-on-blindspot", "-q", str(_second_doc(tmp_path))]
    )
    assert result.exit_code == 0


@needs_seed
def test_csv_and_markdown(tmp_path: Path) -> None:
    second = _second_doc(tmp_path)
    result = runner.invoke(app, ["bias-report", "--format", "csv", str(SEED), str(second)])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["scope"], r["unit"]) for r in rows] == [
        (scope, unit)
        for scope in ("document", "document", "corpus")
        for unit in ("outlets", "claims", "citations")
    ]
    assert rows[1]["Lean Left"] == "4" and rows[1]["blindspot"] == "right"
    assert float(rows[1]["mean_lean"]) == pytest.approx(-4 / 7, abs=1e-4)
    md = runner.invoke(app, ["bias-report", "--format", "markdown", str(SEED)]).stdout
    assert "| Lean Left | 2 (25%) | 4 (40%) | 14 (74%) |" in md
    assert "intellinews.com" in md


def _hostile(tmp_path: Path) -> tuple[Path, Path]:
    doc = standard(2)
    doc.rows[0] = Row(
        "1",
        'Officials said <script>alert("x")</script> & more \\| pipes.',
        url="https://www.cnn.com/europe/x",
        bias="Left",
    )
    path = tmp_path / "hostile.md"
    path.write_text(doc.text(), encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        'entries:\n  - {name: "<img src=x onerror=alert(1)>", domains: [cnbc.com], bias: Center}\n',
        encoding="utf-8",
    )
    return path, mine


def test_html_escapes_every_text_and_is_self_contained(tmp_path: Path) -> None:
    path, mine = _hostile(tmp_path)
    out = tmp_path / "report.html"
    args = ["bias-report", "--format", "html", "--ratings", str(mine), "-o", str(out), str(path)]
    assert runner.invoke(app, args).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    # No external assets: no src attributes, no stylesheet links, no url() in the CSS.
    assert not re.search(r"<[^>]*\bsrc\s*=|<link\b|url\(|@import", page, re.IGNORECASE)
    assert page.count("<svg") == 3 and "<rect" in page


def test_markdown_escapes_html_and_pipes(tmp_path: Path) -> None:
    path, mine = _hostile(tmp_path)
    result = runner.invoke(
        app, ["bias-report", "--format", "markdown", "--ratings", str(mine), str(path)]
    )
    assert "&lt;script&gt;" in result.stdout and "<script" not in result.stdout
    assert "more \\| pipes" in result.stdout


def test_table_output_plain_when_piped(tmp_path: Path) -> None:
    result = runner.invoke(app, ["bias-report", str(_second_doc(tmp_path))])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "Lean Left" in result.stdout and "blindspot" in result.stdout
    assert "unrated: harbourledger.co.uk" in result.stdout


def test_usage_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["bias-report", str(tmp_path / "nope.md")])
    assert missing.exit_code == 2 and missing.stderr.startswith("claimkit: error: path does")
    fmt = runner.invoke(app, ["bias-report", "--format", "pdf", str(tmp_path)])
    assert fmt.exit_code == 2


def test_configured_ratings_apply_and_flags_layer_over_them(tmp_path: Path) -> None:
    path = _second_doc(tmp_path)
    (tmp_path / "ours.yaml").write_text(
        "entries:\n  - {name: Harbour Ledger, domains: [harbourledger.co.uk], bias: Center}\n",
        encoding="utf-8",
    )
    (tmp_path / ".claimkit.toml").write_text('ratings = ["ours.yaml"]\n', encoding="utf-8")
    claims = _json("--by", "claims", str(path))["documents"][0]["claims"]["counts"]
    assert claims == _counts(Lean_Left=1, Center=1, Right=1)
    isolated = _json("--by", "claims", "--isolated", str(path))["documents"][0]
    assert isolated["claims"]["counts"] == _counts(Lean_Left=1, Right=1, Unrated=1)
    (tmp_path / "late.yaml").write_text(
        "entries:\n  - {name: Harbour Ledger, domains: [harbourledger.co.uk], bias: Left}\n",
        encoding="utf-8",
    )
    late = _json("--by", "claims", "--ratings", str(tmp_path / "late.yaml"), str(path))
    assert late["documents"][0]["claims"]["counts"] == _counts(Left=1, Lean_Left=1, Right=1)


def test_factual_grade_of_an_imported_rating_shows_in_reports(tmp_path: Path) -> None:
    path = _second_doc(tmp_path)
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "entries:\n  - {name: Harbour Ledger, domains: [harbourledger.co.uk], bias: Center,\n"
        "      rated_by: Our desk, factual: Mostly Factual}\n",
        encoding="utf-8",
    )
    data = _json("--ratings", str(mine), str(path))
    (ledger,) = [s for s in data["documents"][0]["sources"] if s["outlet"] == "Harbour Ledger"]
    assert ledger["factual"] == "Mostly Factual" and ledger["rated_by"] == "Our desk"
    for fmt in ("markdown", "html"):
        shown = runner.invoke(
            app, ["bias-report", "--format", fmt, "--ratings", str(mine), str(path)]
        )
        assert "Mostly Factual" in shown.stdout, fmt


def test_standard_input(tmp_path: Path) -> None:
    text = _second_doc(tmp_path).read_text(encoding="utf-8")
    result = runner.invoke(
        app,
        ["bias-report", "--format", "json", "--stdin-filename", "in.md", "-"],
        input=text,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["corpus"] is None and data["documents"][0]["path"] == "in.md"
    assert data["documents"][0]["claims"]["counts"] == _counts(Lean_Left=1, Right=1, Unrated=1)


def test_piped_table_is_not_hard_wrapped(tmp_path: Path) -> None:
    # A path far past 80 (or 100) columns, on every line that names it: a file or a pipe
    # has no width, so each line stays whole for grep and diff.
    deep = tmp_path / ("a-rather-long-directory-name-" * 4) / ("and-another-one-" * 4)
    deep.mkdir(parents=True)
    explainer = deep / "panama-canal-drought.md"
    explainer.write_bytes(Path("examples/panama-canal-drought.md").read_bytes())
    result = runner.invoke(app, ["bias-report", str(explainer)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == str(explainer)
    differs = [line for line in lines if line.startswith("differs: ")]
    assert differs and all(f"{explainer}:" in line for line in differs)
    assert all(
        line.startswith(("differs", "unrated", "blindspot", " ", "─", "━", "corpus"))
        or line == ""
        or line.startswith(str(tmp_path))
        for line in lines
    )
