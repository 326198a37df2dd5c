"""Rule documentation from the registry: ``claimkit rule``, docs/rules/*.md and the README table."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from claimkit.rule_options import Option
from claimkit.rules.base import FixAvailability, Rule

# The published rule pages; SARIF's helpUri points here.
DOCS_BASE_URL = "https://github.com/claimkit/claimkit/blob/main/docs/rules/"
TABLE_START = "<!-- rules-table:start -->"
TABLE_END = "<!-- rules-table:end -->"

_FIX_WORDS = {
    FixAvailability.ALWAYS: "always",
    FixAvailability.SOMETIMES: "sometimes",
    FixAvailability.NONE: "no",
}


def rule_url(rule: Rule) -> str:
    return f"{DOCS_BASE_URL}{rule.code}.md"


def fix_word(rule: Rule) -> str:
    return _FIX_WORDS[rule.fix]


def as_json(rule: Rule) -> dict[str, object]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.label,
        "fixable": rule.fixable,
        "fix_availability": rule.fix.value,
        "enabled_by_default": rule.enabled_by_default,
        "summary": rule.summary,
        "url": rule_url(rule),
    }


def default_text(option: Option[Any]) -> str:
    """An option's default as TOML spells it."""
    value = option.default
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    return f"{value:g}"


def options_json(rule: Rule) -> dict[str, dict[str, Any]]:
    return {option.name: option.as_json() for option in rule.options}


def _example(text: str) -> list[str]:
    fence = "````" if "```" in text else "```"
    return [f"{fence}markdown", text, fence]


def page(rule: Rule) -> str:
    """One rule's documentation, in markdown: what ``claimkit rule`` prints."""
    default = "yes" if rule.enabled_by_default else "no (select it to run it)"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"- Severity: {rule.severity.label}",
        f"- Fixable: {fix_word(rule)}",
        f"- Enabled by default: {default}",
        "",
        "## What it finds",
        "",
        rule.summary,
        "",
        "## Why it matters",
        "",
        rule.rationale,
    ]
    if rule.bad:
        lines += ["", "## Example", "", *_example(rule.bad)]
    if rule.good:
        lines += ["", "Use instead:", "", *_example(rule.good)]
    if rule.fixable or rule.fix_note:
        lines += ["", "## Fix", "", rule.fix_note or "A fix is available."]
    if rule.options:
        lines += [
            "",
            "## Options",
            "",
            f"Set in `[tool.claimkit.rules.{rule.code}]` of `pyproject.toml`, or "
            f"`[rules.{rule.code}]` of `claimkit.toml` (the table may be named `{rule.name}` "
            "instead):",
            "",
        ]
        lines += [
            f"- `{option.name}` ({option.kind()}, default `{default_text(option)}`): {option.doc}."
            for option in rule.options
        ]
        first = rule.options[0]
        lines += [
            "",
            "```toml",
            f"[tool.claimkit.rules.{rule.code}]",
            f"{first.name} = {default_text(first)}",
            "```",
        ]
    lines += ["", "## Turning it off", ""]
    if rule.check is not None:
        # Findings the engine or the suppression pass make cannot be suppressed in the file.
        lines += [
            "In the explainer, on the line before the finding (for a finding at line 1, about the",
            f"whole document, use `<!-- claimkit-disable-file {rule.code} -->`):",
            "",
            "```markdown",
            f"<!-- claimkit-disable-next-line {rule.code} -->",
            "```",
            "",
            "or, for a whole project, ",
        ]
    else:
        lines += ["For a whole project, "]
    lines[-1] += f'`ignore = ["{rule.code}"]` under `[tool.claimkit]`.'
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rules: Iterable[Rule], link_prefix: str = "docs/rules/") -> str:
    """The markdown rule table for the README."""
    lines = [
        "| Code | Name | Severity | Fix | What it finds |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        severity = (
            rule.severity.label if rule.enabled_by_default else f"{rule.severity.label} (off)"
        )
        lines.append(
            f"| [{rule.code}]({link_prefix}{rule.code}.md) | {rule.name} | {severity} "
            f"| {fix_word(rule) if rule.fixable else ''} | {_cell(rule.summary)} |"
        )
    return "\n".join(lines) + "\n"


def with_table(readme: str, rendered_table: str) -> str:
    """``readme`` with the text between the table markers replaced; ValueError without them."""
    start = readme.find(TABLE_START)
    end = readme.find(TABLE_END)
    if start == -1 or end == -1 or end < start:
        raise ValueError(f"the README has no {TABLE_START} ... {TABLE_END} markers")
    head = readme[: start + len(TABLE_START)]
    return f"{head}\n{rendered_table}{readme[end:]}"


def pages(rules: Iterable[Rule]) -> Mapping[str, str]:
    """File name -> content for docs/rules/."""
    return {f"{rule.code}.md": page(rule) for rule in rules}
