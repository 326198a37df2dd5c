"""SARIF 2.1.0: one run, the rule catalogue as the driver's rules, one result per diagnostic."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from claimkit.diagnostics import Diagnostic, Severity
from claimkit.rules.base import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """A URI for a path as shown (SARIF wants URIs, not file names): relative stays relative."""
    import os
    from pathlib import Path

    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/._-~")


def _rule(rule: Rule) -> dict[str, Any]:
    from claimkit.rule_docs import rule_url

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "helpUri": rule_url(rule),
        "defaultConfiguration": {
            "level": _LEVEL[rule.severity],
            "enabled": rule.enabled_by_default,
        },
        "properties": {"fixable": rule.fixable},
    }


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": diagnostic.line, "startColumn": diagnostic.column}
    if diagnostic.end_line is not None and diagnostic.end_column is not None:
        region["endLine"] = diagnostic.end_line
        region["endColumn"] = diagnostic.end_column
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(diagnostic.path)},
                    "region": region,
                }
            }
        ],
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


def render(diagnostics: Iterable[Diagnostic], rules: Sequence[Rule], version: str) -> str:
    index = {rule.code: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimkit",
                        "version": version,
                        "informationUri": "https://github.com/claimkit/claimkit",
                        "rules": [_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
