"""The JSON contract of spec section 3: one array of diagnostic objects (or one per line).

Each object also carries ``url``, the rule's documentation page, and ``fix``: null, or the
fix's title, applicability and edits (each with its start and end line, column and offset),
so a tool can apply a fix without running claimkit again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from claimkit.diagnostics import Diagnostic
from claimkit.output.source import Sources, edit_json


def rule_url(code: str) -> str:
    from claimkit.rule_docs import DOCS_BASE_URL

    return f"{DOCS_BASE_URL}{code}.md"


def as_json(d: Diagnostic, sources: Sources | None = None) -> dict[str, object]:
    data = d.as_json()
    data["url"] = rule_url(d.code)
    fix = d.fix
    if fix is None or not fix.edits:
        data["fix"] = None
    else:
        data["fix"] = {
            "title": fix.title,
            "applicability": fix.applicability.value,
            "edits": [edit_json(edit, d.path, sources) for edit in fix.edits],
        }
    return data


def render(diagnostics: Iterable[Diagnostic], sources: Sources | None = None) -> str:
    items = [as_json(d, sources) for d in diagnostics]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def render_lines(diagnostics: Iterable[Diagnostic], sources: Sources | None = None) -> str:
    """``json-lines``: one compact object per line, for streams and ``jq -c``."""
    return "".join(json.dumps(as_json(d, sources), ensure_ascii=False) + "\n" for d in diagnostics)
