"""``--format csv``: one row per report and unit, counts and shares in columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from claimkit.report.model import REPORT_LABELS, Report

HEADER = [
    "scope",
    "path",
    "unit",
    *REPORT_LABELS,
    "total",
    "left",
    "center",
    "right",
    "mean_lean",
    "coverage",
    "blindspot",
]


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def render(documents: Sequence[Report], corpus: Report | None, units: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    scoped = [("document", r) for r in documents] + ([("corpus", corpus)] if corpus else [])
    for scope, report in scoped:
        for unit in units:
            s = report.units[unit]
            writer.writerow(
                [
                    scope,
                    report.path or "",
                    unit,
                    *(s.counts[x] for x in REPORT_LABELS),
                    s.total,
                    *(_number(s.sides[k]) for k in ("left", "center", "right")),
                    _number(s.mean_lean),
                    _number(s.coverage),
                    s.blindspot or "",
                ]
            )
    return out.getvalue()
