"""The fix for one document: which rows go, where their citations point, the new IDs.

Only duplicates within one file are fixed. A row is removed when it repeats an
earlier row of its cluster exactly after normalisation (safe), or nearly when unsafe
fixes are allowed; a row no summary cites is never removed (it may be there on
purpose, and removing it is not needed to make any citation correct).

The fix then passes the guard every fix passes (``claimkit.fix.guard``): renumbering goes
around IDs that dangling citations name, nothing is merged in a table that repeats an ID,
IDs are kept when a malformed row is present, and a fixed text in which any citation would
cite a different sentence is refused as a whole (``Plan.refused`` says why).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimkit.context import Context
from claimkit.dedupe.detect import ClaimDuplicate, claim_duplicates
from claimkit.dedupe.similarity import Kind
from claimkit.diagnostics import Applicability, Edit, Fix
from claimkit.fix.edits import apply_edits
from claimkit.fix.renumber import (
    claim_edits,
    dangling_targets,
    remove_row_edit,
    retarget_edits,
    sequential_mapping,
)
from claimkit.model import Claim, Document
from claimkit.settings import Settings
from claimkit.text.canonical import dedupe_key


def dedupe_rows(ctx: Context) -> tuple[Claim, ...]:
    """Rows that take part: well formed, with an ID of their own and a sentence."""
    return ctx.memo(
        "dedupe.rows",
        lambda: tuple(claim for claim in ctx.citable_rows if claim.sentence.value.strip()),
    )


def row_keys(ctx: Context) -> tuple[str, ...]:
    """The ``dedupe_key`` of each of ``dedupe_rows``, once per context: the duplicates within
    the document and the rows it offers a corpus search are read from the same keys."""
    return ctx.memo(
        "dedupe.keys",
        lambda: tuple(dedupe_key(claim.sentence.value) for claim in dedupe_rows(ctx)),
    )


def document_duplicates(ctx: Context, threshold: float | None) -> list[ClaimDuplicate]:
    """The document's duplicate rows, found once per context (CK301 and the audit share it)."""
    return ctx.memo(
        f"dedupe.duplicates.{threshold}",
        lambda: claim_duplicates(dedupe_rows(ctx), threshold, row_keys(ctx)),
    )


@dataclass(slots=True)
class Plan:
    document: Document
    duplicates: list[ClaimDuplicate]
    removed: list[ClaimDuplicate] = field(default_factory=list)
    held_back: list[ClaimDuplicate] = field(default_factory=list)  # near: --unsafe-fixes
    uncited: list[ClaimDuplicate] = field(default_factory=list)  # never removed
    mapping: dict[str, str] = field(default_factory=dict)  # old ID -> new ID
    edits: list[Edit] = field(default_factory=list)
    refused: str | None = None  # why no merge was made (the guard held them all back)
    refused_rows: list[ClaimDuplicate] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def new_text(self) -> str:
        return apply_edits(self.document.text, self.edits)


def _resolved(redirect: dict[str, str]) -> dict[str, str]:
    """Each removed ID to the row that stays: an exact repeat of a row that is itself
    merged (near) into an earlier one points at that earlier row."""
    resolved: dict[str, str] = {}
    for old, kept in redirect.items():
        seen = {old}
        while kept in redirect and kept not in seen:
            seen.add(kept)
            kept = redirect[kept]
        resolved[old] = kept
    return resolved


def plan(
    document: Document,
    threshold: float | None = None,
    *,
    unsafe: bool = False,
    renumber: bool = True,
    duplicates: list[ClaimDuplicate] | None = None,
    verify: bool = True,
    ctx: Context | None = None,
) -> Plan:
    """Which rows go and the edits; ``duplicates``: already found (CK301 passes its own).

    ``verify=False`` skips re-reading the fixed text against the guard: CK301 offers its fix
    on every lint, and the fix engine runs the same guard when it applies one. ``ctx``: the
    rule context of ``document`` when there is one, so that its citation graph is shared.
    """
    if ctx is None:
        ctx = Context(document, Settings(dedupe_threshold=threshold))
    if duplicates is None:
        duplicates = claim_duplicates(dedupe_rows(ctx), threshold, row_keys(ctx))
    result = Plan(document, duplicates)
    citations_of = ctx.graph.citations_of
    for duplicate in duplicates:
        if duplicate.match.kind is Kind.NEAR and not unsafe:
            result.held_back.append(duplicate)
        elif duplicate.claim.id is None or not citations_of.get(duplicate.claim.id):
            result.uncited.append(duplicate)
        else:
            result.removed.append(duplicate)
    if not result.removed:
        return result
    if ctx.graph.repeated_rows:
        # Which row a citation of a repeated ID means is unknowable: merging or renumbering
        # would pick one for it.
        return _refuse(result, "the Claims table repeats a claim ID (CK103)")
    if any(claim.malformed for claim in document.claims):
        # A malformed row's ID cannot be rewritten reliably: keep every ID as it is.
        renumber = False
    _merge(result, renumber)
    return _checked(result) if verify else result


def _merge(result: Plan, renumber: bool) -> None:
    document = result.document
    gone = {id(d.claim) for d in result.removed}
    redirect = _resolved(
        {d.claim.id: d.kept.id for d in result.removed if d.claim.id and d.kept.id}
    )
    remaining = [claim for claim in document.claims if id(claim) not in gone]
    if renumber:
        mapping = sequential_mapping(remaining, dangling_targets(document))
    else:
        mapping = {claim.id: claim.id for claim in remaining if claim.id is not None}
    edits = [remove_row_edit(document, d.claim) for d in result.removed]
    for claim in remaining:
        if claim.id is not None and mapping.get(claim.id, claim.id) != claim.id:
            edits += claim_edits(claim, mapping[claim.id])
    edits += retarget_edits(document, redirect, mapping)
    result.edits = edits
    full = dict(mapping)
    for old, kept in redirect.items():
        full[old] = mapping.get(kept, kept)
    order = {claim.id: claim.position for claim in document.claims if claim.id is not None}
    result.mapping = dict(sorted(full.items(), key=lambda pair: order.get(pair[0], 0)))


def _checked(result: Plan) -> Plan:
    """The plan when its text passes the guard every fix passes, else refused."""
    from claimkit.fix.apply import structure
    from claimkit.fix.guard import merge_expectation, same_meanings
    from claimkit.parse import parse_text

    document = result.document
    try:
        new = parse_text(result.new_text(), document.path, bom=document.bom)
    except ValueError:  # overlapping edits
        return _refuse(result, "its edits overlap")
    before, after = structure(document), structure(new)
    if (
        after.rows != before.rows - len(result.removed)
        or after.malformed_rows > before.malformed_rows
        or after.malformed_citations > before.malformed_citations
        or after.repeated_ids > before.repeated_ids
        or after.explainer != before.explainer
    ):
        return _refuse(result, "it would change the document's structure")
    # Each removed sentence now reads as the row that finally stays (an exact repeat of a
    # row merged in turn follows the chain), which is what its citations must come to mean.
    redirect = _resolved(
        {d.claim.id: d.kept.id for d in result.removed if d.claim.id and d.kept.id}
    )
    by_id = {claim.id: claim.sentence.value for claim in document.claims if claim.id}
    sentences = {
        d.claim.sentence.value: by_id[redirect[d.claim.id]]
        for d in result.removed
        if d.claim.id in redirect
    }
    if not same_meanings(document, new, merge_expectation(sentences)):
        return _refuse(result, "a citation would come to cite a different claim")
    return result


def _refuse(result: Plan, reason: str) -> Plan:
    result.refused = reason
    result.refused_rows, result.removed = result.removed, []
    result.edits = []
    result.mapping = {}
    return result


def merge_fixes(
    ctx: Context, duplicates: list[ClaimDuplicate], renumber: bool = True
) -> list[Fix | None]:
    """CK301's fix for each duplicate, in the order given: one atomic group per kind.

    The fix of an exact duplicate merges every exact duplicate of the document (safe); the
    fix of a near one merges every duplicate (unsafe): the rows go, their citations cite the
    rows they repeat, the claims are renumbered. Merging all at once is what ``dedupe
    --fix`` has always done, and the fix engine needs one pass, not one per row. None for a
    row that is not merged: no summary cites it, or the table repeats an ID. The meaning
    guard runs when the engine applies the fix, not on every lint.
    """
    fixes: list[Fix | None] = [None] * len(duplicates)
    near = any(d.match.kind is not Kind.EXACT for d in duplicates)
    for applicability in (Applicability.SAFE, Applicability.UNSAFE):
        unsafe = applicability is Applicability.UNSAFE
        if unsafe and not near:
            break
        result = plan(
            ctx.document,
            duplicates=duplicates,
            unsafe=unsafe,
            renumber=renumber,
            verify=False,
            ctx=ctx,
        )
        if not result.removed:
            continue
        fix = Fix(
            _fix_title(result),
            tuple(result.edits),
            applicability,
            merges=tuple((d.claim.sentence.value, d.kept.sentence.value) for d in result.removed),
        )
        merged = {id(d.claim) for d in result.removed}
        for index, duplicate in enumerate(duplicates):
            exact = duplicate.match.kind is Kind.EXACT
            if id(duplicate.claim) in merged and fixes[index] is None and (unsafe or exact):
                fixes[index] = fix
    return fixes


def _fix_title(result: Plan) -> str:
    rows = ", ".join(f"{d.claim.id} (repeats {d.kept.id})" for d in result.removed)
    return f"Merge duplicate claims {rows} and renumber"
