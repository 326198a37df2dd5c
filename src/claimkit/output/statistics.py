"""``--statistics``: how many findings each rule has, most first, as ruff prints them."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from claimkit.diagnostics import Applicability, Diagnostic


def rows(diagnostics: Sequence[Diagnostic]) -> list[dict[str, object]]:
    counts = Counter(d.code for d in diagnostics)
    names = {d.code: d.name for d in diagnostics}
    fixable = {
        d.code
        for d in diagnostics
        if d.offers_fix and d.fix is not None and d.fix.applicability is Applicability.SAFE
    }
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"code": code, "name": names[code], "count": count, "fixable": code in fixable}
        for code, count in ordered
    ]


def render(diagnostics: Sequence[Diagnostic], output_format: str) -> str:
    table = rows(diagnostics)
    if output_format == "json":
        return json.dumps(table, indent=2) + "\n"
    if output_format == "json-lines":
        return "".join(json.dumps(row) + "\n" for row in table)
    width = max((len(str(row["count"])) for row in table), default=1)
    return "".join(
        f"{row['count']:>{width}}\t{row['code']}\t{'[*] ' if row['fixable'] else ''}{row['name']}\n"
        for row in table
    )
