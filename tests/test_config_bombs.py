"""Configuration and data bombs are file:line errors (exit 2), never internal errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder import standard
from claimkit.ratings.load import CACHE_SUFFIX, cache_image, load_file, parse_text
from conftest import write
from test_ratings_load import GOOD


@pytest.mark.parametrize(
    ("toml", "line", "message"),
    [
        ('select = ["CK1"]\nx = ' + "[" * 900 + "]" * 900 + "\n", 2, "nested more than 100 deep"),
        (
            "select = []\n\nx = {" + " y = {" * 900 + "}" * 901 + "\n",
            3,
            "nested more than 100 deep",
        ),
        ("fail-on = 'error'\nx = " + "7" * 5000 + "\n", 2, "number with 5000 digits"),
    ],
)
def test_toml_bombs(tmp_path: Path, cli, toml: str, line: int, message: str) -> None:
    write(tmp_path / "a.md", standard().text())
    (tmp_path / "claimkit.toml").write_text(toml)
    result = cli("lint", "a.md")
    assert result.code == 2
    assert result.stderr.startswith(f"claimkit: error: {tmp_path / 'claimkit.toml'}:{line}: ")
    assert message in result.stderr and "internal error" not in result.stderr


def test_yaml_integer_bomb(tmp_path: Path, cli) -> None:
    write(tmp_path / "a.md", standard().text())
    ratings = tmp_path / "mine.yaml"
    ratings.write_text(GOOD + "  - name: X\n    domains: [x.example]\n    bias: " + "9" * 5000)
    result = cli("lint", "--ratings", "mine.yaml", "a.md")
    assert result.code == 2
    assert "mine.yaml:16: invalid YAML: number with 5000 digits" in result.stderr


def _image(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    path.write_text(GOOD, encoding="utf-8")
    image = json.loads(cache_image(GOOD.encode(), parse_text(GOOD, "x")))
    change(image["entries"][0])
    Path(str(path) + CACHE_SUFFIX).write_text(json.dumps(image), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    [
        lambda entry: entry.pop("domains"),
        lambda entry: entry.update(bias="Far Left"),
        lambda entry: entry.update(domains="harbourledger.example"),
        lambda entry: entry.update(name=None),
        lambda entry: entry.update(extra=1),
    ],
    ids=["missing-key", "unknown-bias", "domains-not-a-list", "name-null", "unknown-key"],
)
def test_an_invalid_image_is_rebuilt_from_the_yaml(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yaml"
    _image(path, change)
    entries = load_file(str(path))
    assert entries == parse_text(GOOD, str(path))
    # ...and the image now says what the YAML says.
    rebuilt = Path(str(path) + CACHE_SUFFIX).read_text(encoding="utf-8")
    assert rebuilt == cache_image(GOOD.encode(), entries)


def test_exclude_glob_bomb_is_quick(tmp_path: Path, cli) -> None:
    write(tmp_path / "docs" / ("a" * 200 + ".md"), standard().text())
    (tmp_path / "claimkit.toml").write_text('exclude = ["*a*a*a*a*a*a*a*a*c"]\n')
    assert cli("lint", "docs").code == 0


def test_long_lines_do_not_slow_the_key_search(tmp_path: Path, cli) -> None:
    # A lazy group before \s* in the table-header pattern took minutes on such a line.
    write(tmp_path / "a.md", standard().text())
    (tmp_path / "claimkit.toml").write_text(
        "exclude = [\n  [" + " " * 100_000 + '"a"],\n]\n' + "[" + " . a" * 20_000 + "\n"
    )
    result = cli("lint", "a.md")
    assert result.code == 2 and "claimkit.toml:" in result.stderr


@pytest.mark.parametrize("flag", ["--config", "--ratings"])
def test_config_and_ratings_from_a_device_or_fifo_are_refused(
    tmp_path: Path, cli, flag: str
) -> None:
    import os

    write(tmp_path / "a.md", standard().text())
    os.mkfifo(tmp_path / "pipe")
    for source in ("/dev/zero", str(tmp_path / "pipe")):
        result = cli("lint", flag, source, "a.md")
        assert result.code == 2 and "not a regular file" in result.stderr
