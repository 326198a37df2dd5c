"""``--format json``: ``{"documents": [REPORT, ...], "corpus": REPORT or null}``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimkit.report.model import Report, UnitStats


def unit_json(stats: UnitStats) -> dict[str, Any]:
    return {
        "counts": dict(stats.counts),
        "sides": dict(stats.sides),
        "mean_lean": stats.mean_lean,
        "coverage": stats.coverage,
        "blindspot": stats.blindspot,
        "total": stats.total,
        "rated": stats.rated,
    }


def report_json(report: Report, units: Sequence[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if report.path is not None:
        data["path"] = report.path
    else:
        data["documents"] = report.documents
    for unit in units:
        data[unit] = unit_json(report.units[unit])
    data["unrated_domains"] = list(report.unrated_domains)
    data["disagreements"] = [
        {
            "path": d.path,
            "claim": d.claim,
            "line": d.line,
            "domain": d.domain,
            "outlet": d.outlet,
            "inline": d.inline,
            "database": list(d.database),
        }
        for d in report.disagreements
    ]
    data["sources"] = [
        {
            "outlet": o.name,
            "domain": o.domain,
            "label": o.label,
            "claims": o.claims,
            "citations": o.citations,
            "rated_by": o.rated_by or None,
            "factual": o.factual,
        }
        for o in report.outlets
    ]
    return data


def render(documents: Sequence[Report], corpus: Report | None, units: Sequence[str]) -> str:
    data = {
        "documents": [report_json(r, units) for r in documents],
        "corpus": report_json(corpus, units) if corpus is not None else None,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
