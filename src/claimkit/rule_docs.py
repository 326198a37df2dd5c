"""Where each rule's documentation lives: one page per rule, named by its code."""

from __future__ import annotations

from claimkit.rules.base import Rule

# The published rule pages; SARIF's helpUri and the README table point here.
DOCS_BASE_URL = "https://github.com/claimkit/claimkit/blob/main/docs/rules/"


def rule_url(rule: Rule) -> str:
    return f"{DOCS_BASE_URL}{rule.code}.md"
