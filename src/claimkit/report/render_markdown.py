"""``--format markdown``: a table per report, ready for a pull-request comment."""

from __future__ import annotations

import html
from collections.abc import Sequence

from claimkit.report.model import REPORT_LABELS, Report
from claimkit.report.text import percent, shorten, summary_rows


def _md(text: str) -> str:
    # Markdown renders inline HTML: escape it, and the pipes that would split a cell.
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _report(report: Report, units: Sequence[str], heading: str) -> list[str]:
    lines = [f"## {heading}", ""]
    lines.append("| label | " + " | ".join(units) + " |")
    lines.append("|---|" + "---:|" * len(units))
    for label in REPORT_LABELS:
        cells = []
        for unit in units:
            s = report.units[unit]
            share = s.counts[label] / s.total if s.total else 0.0
            cells.append(f"{s.counts[label]} ({percent(share)})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    summaries = [summary_rows(report.units[unit]) for unit in units]
    for index, (name, _) in enumerate(summaries[0]):
        figures = " | ".join(rows[index][1] for rows in summaries)
        lines.append(f"| **{name}** | {figures} |")
    lines.append("")
    if report.outlets:
        factual = any(o.factual for o in report.outlets)
        lines.append(
            "| source | rating |"
            + (" factual reporting |" if factual else "")
            + " claims | citations |"
        )
        lines.append("|---|---|" + ("---|" if factual else "") + "---:|---:|")
        for o in report.outlets:
            grade = f" {_md(o.factual or '')} |" if factual else ""
            lines.append(f"| {_md(o.name)} | {o.label} |{grade} {o.claims} | {o.citations} |")
        lines.append("")
    if report.unrated_domains:
        lines.append("Unrated domains: " + ", ".join(_md(d) for d in report.unrated_domains))
        lines.append("")
    if report.disagreements:
        lines.append("Inline labels that differ from the database:")
        lines.append("")
        for d in report.disagreements:
            where = f"{_md(d.path)}:{d.line}" if report.path is None else f"line {d.line}"
            lines.append(
                f"- claim {_md(d.claim)} ({where}, {_md(d.outlet)}): inline {_md(d.inline)}, "
                f"database {_md(' or '.join(d.database))}: “{_md(shorten(d.sentence))}”"
            )
        lines.append("")
    return lines


def render(documents: Sequence[Report], corpus: Report | None, units: Sequence[str]) -> str:
    lines = ["# Source balance", ""]
    for report in documents:
        lines += _report(report, units, _md(report.path or ""))
    if corpus is not None:
        lines += _report(corpus, units, f"Corpus ({corpus.documents} documents)")
    return "\n".join(lines).rstrip("\n") + "\n"
