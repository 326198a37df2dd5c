"""The configuration's JSON schema: current in docs/, and it agrees with the loader."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from claimkit.config import ConfigError
from claimkit.config.load import load
from claimkit.config.schema import render, schema

ROOT = Path(__file__).resolve().parent.parent
CHECKED_IN = ROOT / "docs" / "config.schema.json"

VALID = [
    'select = ["CK1", "uncited-claim"]',
    'select = "ck10"',
    'extend-select = ["CK401"]\nignore = ["ALL"]',
    'fail-on = "Error"',
    '[severity]\nCK102 = "error"\nunrated-source = "warning"',
    '[per-file-ignores]\n"drafts/*" = ["CK102"]\n"!published/*.md" = "CK2"',
    "[dedupe]\nthreshold = 92",
    "[rules.CK302]\nthreshold = 85",
    "[rules.claim-not-in-context]\nthreshold = 85.5",
    'max-file-size = "4MiB"',
    "max-file-size = 1000",
    'include = "*.md"\nexclude = ["drafts", "archive/**"]',
    "",
    "[verify]\nexclude = ['example\\.com']\ninclude = 'keep'\naccept = ['200..=299', 403]",
    "[verify]\ntimeout = 3\nconnect-timeout = 1.5\nretries = 0\nexclude-private = true",
]
INVALID = [
    "selct = []",
    'select = ["CK999"]',
    'select = ["CK7"]',
    "select = [1]",
    'fail-on = "fatal"',
    '[severity]\nCK777 = "info"',
    '[severity]\nCK102 = "loud"',
    "[dedupe]\nthreshold = 170",
    "[dedupe]\ntreshold = 90",
    '[rules.CK302]\nthreshold = "high"',
    "[rules.CK302]\nthreshold = 500",
    "[rules.CK302]\nbogus = 1",
    "[rules.CK101]\nx = 1",
    "[rules.CK999]",
    'max-file-size = "lots"',
    "max-file-size = 0",
    "max-file-size = true",
    'exclude = [""]',
    'per-file-ignores = ["x"]',
    '[per-file-ignores]\n"" = ["CK1"]',
    '[verify]\naccept = ["abc"]',
    "[verify]\nretries = -1",
    "[verify]\ntimeuot = 3",
    "[verify]\ntimeout = 0",
    '[verify]\nexclude-private = "yes"',
    "verify = 3",
]


def test_checked_in_schema_is_current() -> None:
    assert CHECKED_IN.read_text(encoding="utf-8") == render(), (
        "regenerate: claimkit config schema -o docs/config.schema.json"
    )


def test_config_schema_command_prints_it(cli) -> None:
    result = cli("config", "schema")
    assert result.code == 0 and json.loads(result.stdout) == schema()


def _loader_accepts(tmp_path: Path, text: str) -> bool:
    path = tmp_path / "claimkit.toml"
    path.write_text(text + "\n", encoding="utf-8")
    try:
        load(str(path))
    except ConfigError:
        return False
    return True


def _schema_accepts(text: str) -> bool:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft7Validator(schema())
    return validator.is_valid(tomllib.loads(text))


def test_schema_is_itself_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft7Validator.check_schema(schema())


@pytest.mark.parametrize("text", VALID)
def test_valid_configs_pass_both(tmp_path: Path, text: str) -> None:
    assert _loader_accepts(tmp_path, text)
    assert _schema_accepts(text)


@pytest.mark.parametrize("text", INVALID)
def test_invalid_configs_fail_both(tmp_path: Path, text: str) -> None:
    assert not _loader_accepts(tmp_path, text)
    assert not _schema_accepts(text)
