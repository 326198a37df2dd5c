"""A JSON schema for claimkit's configuration table, for editors (taplo, Even Better TOML)
and CI checks. Generated from the same tables the loader checks against (keys, rules, rule
options), so that what the schema accepts is what ``config/load.py`` accepts; a test holds
the two to that. The one thing a schema cannot know: whether a ``ratings`` file exists.
"""

from __future__ import annotations

import re
from typing import Any

SCHEMA_ID = "https://github.com/claimkit/claimkit/blob/main/docs/config.schema.json"


def _ci(word: str) -> str:
    """A regex for ``word`` in any letter case (JSON schema patterns have no flags)."""
    return "".join(
        f"[{char.lower()}{char.upper()}]" if char.isalpha() else re.escape(char) for char in word
    )


def _one_of_words(words: list[str]) -> str:
    return r"^\s*(?:" + "|".join(_ci(word) for word in words) + r")\s*$"


def _selector() -> dict[str, Any]:
    from claimkit.rules import RULES

    # The loader takes a code, any prefix of one (CK1, CK10), a name or ALL, in any case.
    prefixes = sorted({rule.code[:n] for rule in RULES for n in range(1, len(rule.code) + 1)})
    names = [rule.name for rule in RULES]
    canonical = ["ALL", *[rule.code for rule in RULES], *names]
    return {
        "anyOf": [
            {"enum": canonical},
            {"type": "string", "pattern": _one_of_words(["ALL", *prefixes, *names])},
        ]
    }


def _list_of(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [item, {"type": "array", "items": item}],
    }


def _level() -> dict[str, Any]:
    levels = ["error", "warning", "info"]
    return {
        "anyOf": [{"enum": levels}, {"type": "string", "pattern": _one_of_words(levels)}],
    }


def _glob() -> dict[str, Any]:
    # Empty (or only "!") is the one glob the loader refuses; every other string compiles.
    return {"type": "string", "pattern": r"^(?!!?\s*$)"}


def _rule_tables() -> dict[str, Any]:
    from claimkit.rules import RULES

    tables: dict[str, Any] = {}
    for rule in RULES:
        properties: dict[str, Any] = {}
        for option in rule.options:
            described = option.as_json()
            entry: dict[str, Any] = {
                "type": described["type"],
                "default": described["default"],
                "description": described["description"],
            }
            if option.minimum is not None:
                entry["minimum"] = option.minimum
            if option.maximum is not None:
                entry["maximum"] = option.maximum
            if option.choices:
                entry["enum"] = list(option.choices)
            properties[option.name] = entry
        table: dict[str, Any] = {
            "type": "object",
            "description": f"{rule.code} {rule.name}: {rule.summary}",
            "properties": properties,
            "additionalProperties": False,
        }
        tables[_one_of_words([rule.code, rule.name])] = table
    return tables


def _verify() -> dict[str, Any]:
    from claimkit.config.load import KEYS, VERIFY_KEYS

    one = r"\s*[0-9]{3}\s*(?:(?:\.\.=|\.\.|-)\s*[0-9]{3}\s*)?"
    code = {
        "anyOf": [
            {"type": "integer", "minimum": 100, "maximum": 599},
            {"type": "string", "pattern": f"^{one}(?:,{one})*$"},
        ]
    }
    regexes = {"type": "string", "format": "regex"}
    seconds = {"type": "number", "exclusiveMinimum": 0}
    return {
        "description": KEYS["verify"],
        "type": "object",
        "properties": {
            "exclude": _list_of(regexes, VERIFY_KEYS["exclude"]),
            "include": _list_of(regexes, VERIFY_KEYS["include"]),
            "accept": _list_of(code, VERIFY_KEYS["accept"]),
            "timeout": {**seconds, "description": VERIFY_KEYS["timeout"]},
            "connect-timeout": {**seconds, "description": VERIFY_KEYS["connect-timeout"]},
            "retries": {"type": "integer", "minimum": 0, "description": VERIFY_KEYS["retries"]},
            "exclude-private": {"type": "boolean", "description": VERIFY_KEYS["exclude-private"]},
        },
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    from claimkit.config.load import KEYS

    selectors = _list_of(_selector(), "")
    properties: dict[str, Any] = {
        "select": {**selectors, "description": KEYS["select"]},
        "ignore": {**selectors, "description": KEYS["ignore"]},
        "extend-select": {**selectors, "description": KEYS["extend-select"]},
        "per-file-ignores": {
            "description": KEYS["per-file-ignores"],
            "type": "object",
            "propertyNames": _glob(),
            "additionalProperties": _list_of(_selector(), "rules to skip in these files"),
        },
        "severity": {
            "description": KEYS["severity"],
            "type": "object",
            "patternProperties": {pattern: _level() for pattern in _rule_tables()},
            "additionalProperties": False,
        },
        "include": _list_of(_glob(), KEYS["include"]),
        "exclude": _list_of(_glob(), KEYS["exclude"]),
        "fail-on": {**_level(), "description": KEYS["fail-on"]},
        "ratings": _list_of({"type": "string"}, KEYS["ratings"]),
        "dedupe": {
            "description": KEYS["dedupe"],
            "type": "object",
            "properties": {"threshold": {"type": "number", "minimum": 0, "maximum": 100}},
            "additionalProperties": False,
        },
        "rules": {
            "description": KEYS["rules"],
            "type": "object",
            "patternProperties": _rule_tables(),
            "additionalProperties": False,
        },
        "cache-dir": {"type": "string", "description": KEYS["cache-dir"]},
        "max-file-size": {
            "description": KEYS["max-file-size"],
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {
                    "type": "string",
                    "pattern": r"^\s*[0-9]{1,12}\s*(?:[KMGkmg][iI]?[bB]?|[bB])?\s*$",
                },
            ],
        },
    }
    properties["verify"] = _verify()
    missing = set(KEYS) - set(properties)
    assert not missing, f"schema lacks {sorted(missing)}"  # a new key must get a schema
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "claimkit configuration",
        "description": (
            "The keys of claimkit.toml, .claimkit.toml, or [tool.claimkit] in pyproject.toml."
        ),
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


def render() -> str:
    import json

    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
