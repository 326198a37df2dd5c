"""Give claims new IDs and rewrite every reference to them: one mechanism for every fixer."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from claimkit.diagnostics import Edit
from claimkit.model import Citation, Claim, Document


def sequential_mapping(
    claims: Iterable[Claim], reserved: Collection[str] = frozenset()
) -> dict[str, str]:
    """Old ID -> ``1..N`` in row order, for rows with an ID (the first row of a repeat wins).

    ``reserved`` IDs are never handed out: a dangling citation of ``2`` would otherwise
    start citing whichever row became 2, so the numbering goes around it. A row whose ID
    was read without its place in the text (a malformed anchor) cannot be rewritten: it
    keeps its ID, and the numbering goes around that one too.
    """
    claims = list(claims)
    mapping: dict[str, str] = {
        claim.id: claim.id for claim in claims if claim.id is not None and claim.id_span is None
    }
    taken = set(reserved) | set(mapping)
    number = 1
    for claim in claims:
        if claim.id is not None and claim.id not in mapping:
            while str(number) in taken:
                number += 1
            mapping[claim.id] = str(number)
            number += 1
    return mapping


def dangling_targets(document: Document) -> frozenset[str]:
    """Citation targets that no row carries: they must stay dangling through any fix."""
    ids = {claim.id for claim in document.claims if claim.id is not None}
    return frozenset(c.target for c in document.citations if c.target not in ids)


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


def remove_row_edit(document: Document, claim: Claim) -> Edit:
    """Delete a table row with its line ending (the row span itself stops before it)."""
    text = document.text
    start = text.rfind("\n", 0, claim.row.start) + 1
    if text[start : claim.row.start].strip():
        start = claim.row.start  # something else shares the line: keep it
    end = claim.row.end
    if text.startswith("\r\n", end):
        return Edit(start, end + 2, "")
    if text.startswith(("\n", "\r"), end):
        return Edit(start, end + 1, "")
    # The last line of a file without a final newline: take the break before it instead.
    before = start - 2 if text[max(0, start - 2) : start] == "\r\n" else start - 1
    return Edit(max(0, before), end, "")


_SEPARATOR = frozenset(" \t,;")


def retarget_edits(
    document: Document, redirect: Mapping[str, str], mapping: Mapping[str, str]
) -> list[Edit]:
    """Point citations through ``redirect`` (dropped ID -> kept ID), then ``mapping``.

    Inside one ``[...]`` group a citation whose final target an earlier member already
    cites is removed together with the separator before it, so ``[1, 2, 7]`` with 2 and 7
    redirected to 1 becomes ``[1]`` and the group keeps its own spacing and punctuation.
    A separator that is more than commas and spaces is left alone, and so is the citation.
    Groups written side by side, one per citation (``[1][2]``, the later pipeline layout),
    are one run: a group whose every target the group before it already cites, once
    redirected, goes with the markup between them, so ``[1][2]`` becomes ``[1]``.
    """
    text = document.text
    removed: set[int] = set()
    for group in document.citation_groups:
        # final target -> whether its first citation in the group was redirected
        seen: dict[str, bool] = {}
        for position, member in enumerate(group.citations):
            citation = document.citations[member]
            redirected = citation.target in redirect
            target = redirect.get(citation.target, citation.target)
            if target not in seen:
                seen[target] = redirected
                continue
            if not (redirected or seen[target]) or position == 0:
                continue  # a repeat the user wrote: not ours to touch
            previous = document.citations[group.citations[position - 1]]
            between = text[previous.span.end : citation.span.start]
            if set(between) <= _SEPARATOR:
                removed.add(member)
    gone = _repeated_groups(document, redirect)
    edits: list[Edit] = [Edit(start, end, "") for start, end in gone.values()]
    for index, citation in enumerate(document.citations):
        if citation.group in gone:
            continue
        if index in removed:
            group = document.citation_groups[citation.group]
            position = group.citations.index(index)
            previous = document.citations[group.citations[position - 1]]
            edits.append(Edit(previous.span.end, citation.span.end, ""))
            continue
        target = redirect.get(citation.target, citation.target)
        final = mapping.get(target, target)
        if final != citation.target:
            edits += citation_edits(document, citation, final)
    return edits


def groups_adjacent(document: Document, end: int, start: int) -> bool:
    """Whether only markup and separators stand between two citation groups."""
    # Imported here: CK104 imports this module at every start, and a warm (cached) lint must
    # not load the parser package.
    from claimkit.parse.html import separators_only

    return separators_only(document.text[end:start])


def _repeated_groups(document: Document, redirect: Mapping[str, str]) -> dict[int, tuple[int, int]]:
    """Group index -> the span to delete, for side-by-side groups a merge made repeats."""
    gone: dict[int, tuple[int, int]] = {}
    kept: set[str] | None = None  # final targets of the last group that stays
    previous_end = -1
    for index, group in enumerate(document.citation_groups):
        targets = [document.citations[m].target for m in group.citations]
        finals = {redirect.get(t, t) for t in targets}
        redirected = any(t in redirect for t in targets)
        if (
            kept is not None
            and redirected
            and finals <= kept
            and groups_adjacent(document, previous_end, group.span.start)
        ):
            gone[index] = (previous_end, group.span.end)
        else:
            kept = finals
        previous_end = group.span.end
    return gone
