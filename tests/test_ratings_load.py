"""Ratings files: schema validation with path:line errors, safe loading, the shipped file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.ratings.load import (
    CACHE_SUFFIX,
    RatingsError,
    cache_image,
    load_file,
    parse_text,
    shipped_path,
)
from conftest import ROOT

GOOD = """\
---
schema: 1
entries:
  - name: "Harbour Ledger"
    domains: ["harbourledger.example"]
    bias: "Lean Right"
    type: "News Media"
    rated_by: "Our desk"
    as_of: "2024-05"
  - name: "Harbour Ledger (Opinion)"
    domains: [harbourledger.example]
    paths: [/opinion/]
    bias: Right
"""


def _error(text: str, tmp_path: Path) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RatingsError) as info:
        load_file(str(path))
    return str(info.value).replace(str(path), "mine.yaml")


def test_good_file_loads_and_normalises(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    first, second = load_file(str(path))
    assert (first.name, first.domains, first.paths, first.bias) == (
        "Harbour Ledger",
        ("harbourledger.example",),
        (),
        "Lean Right",
    )
    assert second.paths == ("/opinion",)
    assert second.source_type == "" and second.as_of == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace('bias: "Lean Right"', "bias: Leftish"), 'mine.yaml:6: bias "Leftish"'),
        (
            GOOD.replace("    paths: [/opinion/]\n", "    colour: red\n"),
            'mine.yaml:12: unknown key "colour"',
        ),
        (GOOD.replace('["harbourledger.example"]', '["https://x.example/"]'), "mine.yaml:5: "),
        (GOOD.replace("[/opinion/]", "[opinion]"), "mine.yaml:12: path prefix"),
        (GOOD.replace('as_of: "2024-05"', 'as_of: "May 2024"'), "mine.yaml:9: as_of"),
        (
            GOOD.replace("    domains: [harbourledger.example]\n", ""),
            'mine.yaml:10: entry has no "domains"',
        ),
        (GOOD.replace("entries:", "entries: {"), "mine.yaml:"),
        ("- just a list\n", "mine.yaml:1: a ratings file is a mapping"),
        (GOOD.replace("schema: 1", "schema: 2"), "mine.yaml:2: unsupported schema version"),
    ],
)
def test_schema_errors_name_the_line(text: str, expected: str, tmp_path: Path) -> None:
    assert _error(text, tmp_path).startswith(expected)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    # A python/object tag would run code under an unsafe loader; the safe one refuses it.
    text = GOOD.replace('"Our desk"', "!!python/object/apply:os.system ['echo pwned']")
    message = _error(text, tmp_path)
    assert message.startswith("mine.yaml:8: invalid YAML")


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(RatingsError, match="does not exist"):
        load_file(str(tmp_path / "nope.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(RatingsError, match="not UTF-8"):
        load_file(str(bad))


def test_shipped_database_is_the_repository_file_and_complete() -> None:
    # The same function the installed tool uses; in a checkout it resolves to data/.
    path = Path(shipped_path())
    assert path.name == "bias_ratings.yaml" and path.is_file()
    entries = load_file(str(path))
    # Every AllSides row with a usable address: 1,886 rows, 41 without one, two unusable.
    assert len(entries) == 1843
    assert {e.rated_by for e in entries} == {"AllSides"}
    cnn = {e.name: (e.paths, e.bias) for e in entries if "cnn.com" in e.domains}
    assert cnn["CNN Digital"] == ((), "Lean Left")
    assert cnn["CNN (Opinion)"] == (("/opinions",), "Left")
    assert cnn["CNN Fact Check"] == (("/specials/politics/fact-check-politics",), "Left")


def test_shipped_cache_matches_the_yaml() -> None:
    """The JSON image must be what the YAML says; regenerate with scripts/build_ratings.py."""
    path = Path(shipped_path())
    data = path.read_bytes()
    from_yaml = parse_text(data.decode("utf-8"), str(path))
    cache = Path(str(path) + CACHE_SUFFIX).read_text(encoding="utf-8")
    assert cache == cache_image(data, from_yaml)
    assert load_file(str(path)) == from_yaml


def test_stale_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(GOOD, encoding="utf-8")
    image = json.loads(cache_image(GOOD.encode(), parse_text(GOOD, "x")))
    image["entries"][0]["bias"] = "Left"  # a cache that lies, with the right hash
    Path(str(path) + CACHE_SUFFIX).write_text(json.dumps(image), encoding="utf-8")
    assert load_file(str(path))[0].bias == "Left"  # trusted while the hash matches...
    path.write_text(GOOD + "\n", encoding="utf-8")
    assert load_file(str(path))[0].bias == "Lean Right"  # ...and ignored once the YAML changes


def test_shipped_file_is_not_in_the_package_source_tree() -> None:
    # The database lives at the top of the repository, as the design fixes.
    assert (ROOT / "data" / "bias_ratings.yaml").is_file()
    assert not (ROOT / "src" / "claimkit" / "data").exists()
