"""The citation graph of one document, built once and shared by the rules that need it."""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.model import Citation, Claim, Document


@dataclass(frozen=True, slots=True)
class CitationGraph:
    first_row: dict[str, Claim]  # each ID's first row; a citation of a repeated ID resolves here
    repeated_rows: tuple[Claim, ...]  # rows whose ID an earlier row already has
    citations_of: dict[str, tuple[Citation, ...]]

    def is_claim_target(self, target: str) -> bool:
        """Whether a ``#target`` is meant as a claim ID (numeric, or the ID of some row)."""
        return target in self.first_row or target.isdigit()

    def resolves(self, target: str) -> bool:
        return target in self.first_row


def build_graph(document: Document) -> CitationGraph:
    first_row: dict[str, Claim] = {}
    repeated: list[Claim] = []
    for claim in document.claims:
        if claim.id is None:
            continue
        if claim.id in first_row:
            repeated.append(claim)
        else:
            first_row[claim.id] = claim
    citations_of: dict[str, list[Citation]] = {}
    for citation in document.citations:
        citations_of.setdefault(citation.target, []).append(citation)
    return CitationGraph(
        first_row=first_row,
        repeated_rows=tuple(repeated),
        citations_of={k: tuple(v) for k, v in citations_of.items()},
    )
