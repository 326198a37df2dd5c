"""SARIF 2.1.0: one run, the rule catalogue as the driver's rules, one result per diagnostic."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from claimkit.diagnostics import Diagnostic, Edit, Severity
from claimkit.output.source import Sources
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


def _deleted_region(edit: Edit, path: str, sources: Sources | None) -> dict[str, int]:
    region = {"charOffset": edit.start, "charLength": edit.end - edit.start}
    start = sources.position(path, edit.start) if sources is not None else None
    end = sources.position(path, edit.end) if sources is not None else None
    if start is not None and end is not None:
        region.update(startLine=start[0], startColumn=start[1], endLine=end[0], endColumn=end[1])
    return region


def _fixes(diagnostic: Diagnostic, sources: Sources | None) -> list[dict[str, Any]]:
    fix = diagnostic.fix
    if fix is None or not fix.edits:
        return []
    replacements = [
        {
            "deletedRegion": _deleted_region(edit, diagnostic.path, sources),
            "insertedContent": {"text": edit.content},
        }
        for edit in fix.edits
    ]
    return [
        {
            "description": {"text": fix.title},
            "artifactChanges": [
                {"artifactLocation": {"uri": _uri(diagnostic.path)}, "replacements": replacements}
            ],
            "properties": {"applicability": fix.applicability.value},
        }
    ]


def fingerprint(diagnostic: Diagnostic, sources: Sources | None) -> str:
    """Stable while lines move: the rule, the file, the message and the flagged line's text
    (not its number), so code scanning keeps tracking a finding across unrelated edits."""
    import hashlib

    line = sources.line(diagnostic.path, diagnostic.line) if sources is not None else None
    parts = (diagnostic.code, diagnostic.path, diagnostic.message, (line or "").strip())
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]


def _result(
    diagnostic: Diagnostic, index: dict[str, int], sources: Sources | None = None
) -> dict[str, Any]:
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
    result["partialFingerprints"] = {"claimkitFingerprint/v1": fingerprint(diagnostic, sources)}
    fixes = _fixes(diagnostic, sources)
    if fixes:
        result["fixes"] = fixes
    return result


def _invocation() -> dict[str, Any]:
    import os
    from pathlib import Path

    # No command line or time: the same run must give the same bytes on stdout and in -o.
    return {
        "executionSuccessful": True,
        "workingDirectory": {"uri": Path(os.getcwd()).as_uri() + "/"},
    }


def render(
    diagnostics: Iterable[Diagnostic],
    rules: Sequence[Rule],
    version: str,
    sources: Sources | None = None,
) -> str:
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
                "invocations": [_invocation()],
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index, sources) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
