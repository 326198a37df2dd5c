"""``claimkit rules`` and ``claimkit rule CODE``: the catalogue and each rule's documentation."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from claimkit.cli.common import fail


class RulesFormat(StrEnum):
    text = "text"
    json = "json"


def rules(
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """List every rule: code, name, severity, whether it can be fixed."""
    from claimkit.rule_docs import as_json, fix_word
    from claimkit.rules import RULES

    if output_format is RulesFormat.json:
        import json

        sys.stdout.write(json.dumps([as_json(r) for r in RULES], indent=2) + "\n")
        return
    name_width = max(len(rule.name) for rule in RULES)
    sys.stdout.write(f"{'code':<7} {'name':<{name_width}} {'severity':<8} {'fix':<9} default\n")
    for rule in RULES:
        fix = fix_word(rule) if rule.fixable else "-"
        default = "on" if rule.enabled_by_default else "off"
        severity = rule.severity.label
        sys.stdout.write(
            f"{rule.code:<7} {rule.name:<{name_width}} {severity:<8} {fix:<9} {default}\n"
        )


def rule(
    code: Annotated[
        str, typer.Argument(metavar="CODE", help="A rule code (CK101) or name (dangling-citation).")
    ],
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = RulesFormat.text,
) -> None:
    """Show one rule's documentation, with an example and its fix."""
    from claimkit import rules as registry
    from claimkit.rule_docs import as_json, options_json, page

    try:
        found = registry.get(code)
    except KeyError:
        fail(f"unknown rule {code!r}{registry.did_you_mean(code)} (see claimkit rules)")
    if output_format is RulesFormat.json:
        import json

        data = as_json(found) | {
            "rationale": found.rationale,
            "bad": found.bad,
            "good": found.good,
            "fix_note": found.fix_note,
            "options": options_json(found),
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    sys.stdout.write(page(found))
