"""Give claims new IDs and rewrite every reference to them: one mechanism for every fixer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimkit.diagnostics import Edit
from claimkit.model import Citation, Claim, Document


def sequential_mapping(claims: Iterable[Claim]) -> dict[str, str]:
    """Old ID -> ``1..N`` in row order, for rows with an ID (the first row of a repeat wins)."""
    mapping: dict[str, str] = {}
    for claim in claims:
        if claim.id is not None and claim.id not in mapping:
            mapping[claim.id] = str(len(mapping) + 1)
    return mapping


def claim_edits(claim: Claim, new_id: str) -> list[Edit]:
    """Rewrite one row's anchor: the ``id`` value and, when it shows the ID, its visible label."""
    edits = []
    if claim.id_span is not None:
        edits.append(Edit(claim.id_span.start, claim.id_span.end, new_id))
    if claim.anchor_label is not None:
        edits.append(Edit(claim.anchor_label.start, claim.anchor_label.end, new_id))
    return edits


def citation_edits(document: Document, citation: Citation, new_id: str) -> list[Edit]:
    """Point one citation at ``new_id``; its label follows when it showed the old target."""
    edits = [Edit(citation.target_span.start, citation.target_span.end, new_id)]
    if citation.label == citation.target:
        span = citation.label_span
        raw = document.text[span.start : span.end]
        at = raw.find(citation.target)
        if at != -1:
            start = span.start + at
            edits.append(Edit(start, start + len(citation.target), new_id))
    return edits


def renumber_edits(document: Document, mapping: Mapping[str, str]) -> list[Edit]:
    """Edits that apply ``mapping`` to every row anchor and every citation of the document."""
    edits: list[Edit] = []
    for claim in document.claims:
        if claim.id is not None and mapping.get(claim.id, claim.id) != claim.id:
            edits += claim_edits(claim, mapping[claim.id])
    for citation in document.citations:
        new = mapping.get(citation.target)
        if new is not None and new != citation.target:
            edits += citation_edits(document, citation, new)
    return edits
