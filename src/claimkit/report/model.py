"""The report model every renderer reads; nothing here computes."""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.domain import REPORT_LABELS

__all__ = ["REPORT_LABELS", "UNITS", "UNIT_TITLES"]

UNITS: tuple[str, ...] = ("outlets", "claims", "citations")
UNIT_TITLES = {
    "outlets": "unique outlets",
    "claims": "claim rows",
    "citations": "citations (weighted by how often summaries cite each claim)",
}


@dataclass(frozen=True, slots=True)
class UnitStats:
    counts: dict[str, int]  # every REPORT_LABELS key
    total: int
    rated: int  # everything but Unrated; Mixed is rated, on no side
    sides: dict[str, float]  # left / center / right: shares of the rated
    mean_lean: float | None  # -2..+2 over the five scale labels
    coverage: float  # rated share of the total (0.0 when there is nothing)
    blindspot: str | None  # the side with no sources while the other has some


@dataclass(frozen=True, slots=True)
class OutletLine:
    key: str  # what makes two rows the same outlet: the entry's name, else the domain
    name: str
    domain: str
    label: str  # one of REPORT_LABELS
    claims: int
    citations: int
    factual: str | None = None
    rated_by: str = ""


@dataclass(frozen=True, slots=True)
class Disagreement:
    path: str
    claim: str
    line: int
    domain: str
    outlet: str
    inline: str
    database: tuple[str, ...]
    sentence: str


@dataclass(frozen=True, slots=True)
class Report:
    path: str | None  # None for the corpus
    documents: int
    units: dict[str, UnitStats]
    outlets: tuple[OutletLine, ...]
    unrated_domains: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]
