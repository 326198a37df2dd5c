"""From parsed documents and the ratings database to Reports: pure functions, no I/O.

Which rating a row gets: the database's (``prefer="database"``); an unrated domain or an
invalid URL counts as Unrated. With ``prefer="inline"`` the BiasChart label wins when it is
a label of the scale or Mixed, and the database fills in for N/A or unknown labels. When the
database is ambiguous for an address, the inline label is taken if it is one of the tied
ratings, else the first tied entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from claimkit.domain import SCALE
from claimkit.graph import CitationGraph, build_graph
from claimkit.model import Document
from claimkit.ratings.lookup import Database
from claimkit.ratings.resolve import RowRating, rate_row
from claimkit.report.model import (
    REPORT_LABELS,
    UNITS,
    Disagreement,
    OutletLine,
    Report,
    UnitStats,
)

PREFER = ("database", "inline")
_LEFT = ("Left", "Lean Left")
_RIGHT = ("Lean Right", "Right")
_INLINE_USABLE = ("Left", "Lean Left", "Center", "Lean Right", "Right", "Mixed")


def unit_stats(counts: dict[str, int]) -> UnitStats:
    full = {label: counts.get(label, 0) for label in REPORT_LABELS}
    total = sum(full.values())
    rated = total - full["Unrated"]
    left = sum(full[x] for x in _LEFT)
    right = sum(full[x] for x in _RIGHT)
    center = full["Center"]
    on_scale = left + right + center

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    mean = sum(SCALE[x] * full[x] for x in SCALE) / on_scale if on_scale else None
    blindspot = "right" if left and not right else "left" if right and not left else None
    return UnitStats(
        counts=full,
        total=total,
        rated=rated,
        sides={
            "left": share(left, rated),
            "center": share(center, rated),
            "right": share(right, rated),
        },
        mean_lean=mean,
        coverage=share(rated, total),
        blindspot=blindspot,
    )


def _label(rating: RowRating, prefer: str) -> str:
    match = rating.match
    inline = rating.inline
    if prefer == "inline" and inline is not None and inline in _INLINE_USABLE:
        return inline
    if match is None:
        return "Unrated"
    if match.ambiguous and inline is not None and inline in match.labels:
        return inline
    return match.entry.bias


def _outlet(rating: RowRating) -> tuple[str, str, str, str | None, str]:
    """(key, name, domain, factual, rated_by) identifying the row's outlet."""
    if rating.match is not None:
        entry = rating.match.entry
        host = rating.match.matched_host + rating.match.matched_path
        return entry.name, entry.name, host, entry.factual, entry.rated_by
    source = rating.claim.source
    if rating.domain:
        return rating.domain, rating.domain, rating.domain, None, ""
    name = source.outlet.value if source is not None and source.outlet.value else "(no source)"
    return f"(invalid) {name}", name, "", None, ""


def citation_counts(document: Document, graph: CitationGraph | None = None) -> dict[int, int]:
    """Citations per row, keyed by ``id()`` of the claim (a repeated ID's go to its first row);
    ``graph``: the document's citation graph when the caller has built it."""
    if graph is None:
        graph = build_graph(document)
    counts: dict[int, int] = {}
    for target, citations in graph.citations_of.items():
        row = graph.first_row.get(target)
        if row is not None:
            counts[id(row)] = counts.get(id(row), 0) + len(citations)
    return counts


def document_report(
    document: Document,
    db: Database,
    prefer: str = "database",
    ratings: Sequence[RowRating] | None = None,
    graph: CitationGraph | None = None,
) -> Report:
    """The report of one document. A caller with a rule context passes what it computed
    already: ``ratings``, the well-formed rows' ratings in row order
    (``ratings.resolve.rated_rows``), and ``graph``, the citation graph."""
    weights = citation_counts(document, graph)
    claims: dict[str, int] = {}
    cited: dict[str, int] = {}
    outlets: dict[str, OutletLine] = {}
    unrated: dict[str, None] = {}
    disagreements: list[Disagreement] = []
    if ratings is None:
        ratings = [rate_row(claim, db) for claim in document.claims if not claim.malformed]
    for rating in ratings:
        claim = rating.claim
        label = _label(rating, prefer)
        weight = weights.get(id(claim), 0)
        claims[label] = claims.get(label, 0) + 1
        cited[label] = cited.get(label, 0) + weight
        key, name, domain, factual, rated_by = _outlet(rating)
        seen = outlets.get(key)
        outlets[key] = OutletLine(
            key,
            name,
            domain,
            seen.label if seen else label,
            (seen.claims if seen else 0) + 1,
            (seen.citations if seen else 0) + weight,
            factual,
            rated_by,
        )
        if rating.url is not None and rating.match is None:
            unrated[rating.domain] = None
        if rating.disagrees:
            assert rating.match is not None
            disagreements.append(
                Disagreement(
                    path=document.path,
                    claim=claim.id or "?",
                    line=claim.row.line,
                    domain=rating.match.matched_host,
                    outlet=rating.match.entry.name,
                    inline=rating.inline or "",
                    database=rating.match.labels,
                    sentence=claim.sentence.value,
                )
            )
    by_outlet: dict[str, int] = {}
    for line in outlets.values():
        by_outlet[line.label] = by_outlet.get(line.label, 0) + 1
    return Report(
        path=document.path,
        documents=1,
        units={
            "outlets": unit_stats(by_outlet),
            "claims": unit_stats(claims),
            "citations": unit_stats(cited),
        },
        outlets=tuple(outlets.values()),
        unrated_domains=tuple(unrated),
        disagreements=tuple(disagreements),
    )


def corpus_report(reports: Sequence[Report]) -> Report:
    """Claims and citations add up; an outlet cited by several documents counts once."""
    outlets: dict[str, OutletLine] = {}
    for report in reports:
        for line in report.outlets:
            seen = outlets.get(line.key)
            outlets[line.key] = (
                line
                if seen is None
                else OutletLine(
                    seen.key,
                    seen.name,
                    seen.domain,
                    seen.label,
                    seen.claims + line.claims,
                    seen.citations + line.citations,
                    seen.factual,
                    seen.rated_by,
                )
            )
    units: dict[str, UnitStats] = {}
    for unit in UNITS[1:]:
        units[unit] = unit_stats(_sum(r.units[unit].counts for r in reports))
    by_outlet: dict[str, int] = {}
    for line in outlets.values():
        by_outlet[line.label] = by_outlet.get(line.label, 0) + 1
    units = {"outlets": unit_stats(by_outlet), **units}
    return Report(
        path=None,
        documents=len(reports),
        units=units,
        outlets=tuple(outlets.values()),
        unrated_domains=tuple(dict.fromkeys(d for r in reports for d in r.unrated_domains)),
        disagreements=tuple(d for r in reports for d in r.disagreements),
    )


def _sum(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for one in counts:
        for label, count in one.items():
            total[label] = total.get(label, 0) + count
    return total
