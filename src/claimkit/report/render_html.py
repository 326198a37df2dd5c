"""``--format html``: one self-contained page (inline CSS and SVG, no scripts, no assets).

The chart and the graded blindspot come from ``report.chart``, which the audit site shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from claimkit.report.chart import GRADE_CSS, blindspot_grade, grade_html, lean_chart
from claimkit.report.model import REPORT_LABELS, UNIT_TITLES, Report
from claimkit.report.text import COLORS, lean, lean_words, percent, shorten, sides

_CSS = (
    """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;
max-width:60em;padding:0 1em;color:#222;background:#fff}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ddd}
h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .7em;text-align:right;
border-bottom:1px solid #eee}th:first-child,td:first-child{text-align:left}
.legend span{display:inline-block;margin-right:1em}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin-right:.3em}
.verdict{font-weight:600}
"""
    + GRADE_CSS
)


def _unit(report: Report, unit: str) -> str:
    s = report.units[unit]
    rows = "".join(
        f'<tr><td><span class=sw style="background:{COLORS[x]}"></span>{escape(x)}</td>'
        f"<td>{s.counts[x]}</td><td>{percent(s.counts[x] / s.total if s.total else 0)}</td></tr>"
        for x in REPORT_LABELS
    )
    return (
        f"<h3>{escape(UNIT_TITLES[unit])}</h3>"
        + lean_chart(s, f"{UNIT_TITLES[unit]}: count per label, left and right of centre")
        + f"<p>Left / center / right: {sides(s)} of the rated · mean lean {lean(s.mean_lean)} "
        f"({escape(lean_words(s.mean_lean))}) · rated coverage {percent(s.coverage)} · "
        f"one-sidedness: {grade_html(blindspot_grade(s))}</p>"
        f"<details><summary>counts</summary><table><tr><th>label</th><th>count</th>"
        f"<th>share</th></tr>{rows}</table></details>"
    )


def _section(report: Report, units: Sequence[str], heading: str) -> str:
    body = [f"<section><h2>{escape(heading)}</h2>"]
    body += [_unit(report, unit) for unit in units]
    if report.outlets:
        body.append(
            "<h3>Sources</h3><table><tr><th>outlet</th><th>domain</th><th>rating</th>"
            "<th>factual reporting</th><th>claims</th><th>citations</th></tr>"
        )
        body += [
            f"<tr><td>{escape(o.name)}</td><td>{escape(o.domain)}</td><td>{escape(o.label)}</td>"
            f"<td>{escape(o.factual or '')}</td><td>{o.claims}</td><td>{o.citations}</td></tr>"
            for o in report.outlets
        ]
        body.append("</table>")
    if report.unrated_domains:
        body.append(
            "<h3>Unrated domains</h3><p>"
            + ", ".join(f"<code>{escape(d)}</code>" for d in report.unrated_domains)
            + "</p>"
        )
    if report.disagreements:
        body.append("<h3>Inline labels that differ from the database</h3><ul>")
        for d in report.disagreements:
            body.append(
                f"<li>claim {escape(d.claim)} ({escape(d.path)}:{d.line}, {escape(d.outlet)}): "
                f"inline <b>{escape(d.inline)}</b>, database "
                f"<b>{escape(' or '.join(d.database))}</b>: "
                f"<q>{escape(shorten(d.sentence))}</q></li>"
            )
        body.append("</ul>")
    body.append("</section>")
    return "".join(body)


def render(documents: Sequence[Report], corpus: Report | None, units: Sequence[str]) -> str:
    legend = "".join(
        f'<span><span class=sw style="background:{COLORS[x]}"></span>{escape(x)}</span>'
        for x in REPORT_LABELS
    )
    sections = [_section(r, units, r.path or "") for r in documents]
    if corpus is not None:
        sections.insert(0, _section(corpus, units, f"Corpus: {corpus.documents} documents"))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Source balance: claimkit bias report</title>"
        f"<style>{_CSS}</style></head><body><h1>Source balance</h1>"
        f"<p class=legend>{legend}</p>"
        + "".join(sections)
        + "<footer><p>Ratings: the claimkit ratings database (AllSides media bias ratings, "
        "non-commercial use with attribution) and any files layered over it.</p></footer>"
        "</body></html>\n"
    )
