"""``lint --fix``: apply fixes, re-lint, repeat until nothing changes (ruff's loop, with guards)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from claimkit.diagnostics import Applicability, Diagnostic, Edit, Fix
from claimkit.model import Document

# A fix that keeps producing new fixes (two rules undoing each other) must not loop forever.
MAX_ITERATIONS = 20


@dataclass(frozen=True, slots=True)
class Outcome:
    text: str  # the fixed text (the original when nothing could be applied)
    # Problems fixed by rule code: fixable findings of the applied kinds that are gone.
    fixed_codes: dict[str, int]
    remaining: tuple[Diagnostic, ...]  # what the last lint still found
    unsafe_held: int  # UNSAFE fixes among the remaining findings, not applied
    converged: bool
    reverted: bool  # the fixes made the document worse, so the original was kept
    guarded: int = 0  # fixes held back because a citation would have changed its claim

    @property
    def fixed(self) -> int:
        """Problems fixed: the run's total and --show-fixes both count ``fixed_codes``."""
        return sum(self.fixed_codes.values())


def choose(diagnostics: Iterable[Diagnostic], allowed: set[Applicability]) -> list[Fix]:
    """The applicable fixes whose edits do not overlap any fix chosen before them."""
    taken: list[tuple[int, int]] = []
    chosen: list[Fix] = []
    for diagnostic in diagnostics:
        fix = diagnostic.fix
        if fix is None or fix.applicability not in allowed or not fix.edits:
            continue
        ranges = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(r, t) for r in ranges for t in taken):
            continue  # the next round re-lints and offers it again if still needed
        taken += ranges
        chosen.append(fix)
    return chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a == b:
        return True
    return (a[0] < b[1] and b[0] < a[1]) or (a[0] == a[1] == b[0]) or (b[0] == b[1] == a[0])


Lint = Callable[[Document], list[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Structure:
    """What a fix must never change: fixes relabel and renumber, they do not restructure."""

    explainer: bool
    rows: int
    citations: int
    levels: int
    malformed_rows: int
    malformed_citations: int
    repeated_ids: int  # rows whose ID an earlier row has (CK103)

    def worse_than(self, before: Structure, merged: int = 0) -> bool:
        """Whether a fix broke the structure; ``merged`` rows were removed on purpose, and
        their citations may have gone from groups that already cite the kept row."""
        if merged:
            same = (
                self.explainer == before.explainer
                and self.levels == before.levels
                and self.rows == before.rows - merged
                and self.citations <= before.citations
            )
        else:
            same = (self.explainer, self.rows, self.citations, self.levels) == (
                before.explainer,
                before.rows,
                before.citations,
                before.levels,
            )
        return (
            not same
            or self.malformed_rows > before.malformed_rows
            or self.malformed_citations > before.malformed_citations
            or self.repeated_ids > before.repeated_ids
        )


def structure(document: Document) -> Structure:
    ids = [claim.id for claim in document.claims if claim.id is not None]
    return Structure(
        explainer=document.is_explainer,
        rows=len(document.claims),
        citations=len(document.citations),
        levels=len(document.slider.levels) if document.slider is not None else -1,
        malformed_rows=sum(1 for claim in document.claims if claim.malformed),
        malformed_citations=len(document.malformed_citations),
        repeated_ids=len(ids) - len(set(ids)),
    )


def fix_text(
    document: Document,
    lint: Lint,
    allowed: set[Applicability],
    max_iterations: int = MAX_ITERATIONS,
) -> Outcome:
    """Fix ``document`` to a fixpoint; ``lint`` lints a parsed document with the run's rules."""
    from claimkit.fix.guard import merge_expectation, same_meanings

    original = document
    baseline = structure(original)
    current = original
    diagnostics = lint(current)
    guarded = 0
    converged = True
    applied = False
    initial = diagnostics
    merged: dict[str, str] = {}  # removed row's sentence -> the sentence that stays
    removed = 0  # rows merged away on purpose (two rows may share one sentence)

    def keeps_meaning(candidate: Document, merges: dict[str, str]) -> bool:
        expect = merge_expectation(merges) if merges else None
        return same_meanings(original, candidate, expect)

    for _ in range(max_iterations):
        fixes = choose(diagnostics, allowed)
        if not fixes:
            break
        candidate = _apply(current, fixes)
        if candidate is None:
            break
        merges = _merged(merged, fixes)
        removing = removed + sum(len(fix.merges) for fix in fixes)
        if structure(candidate).worse_than(baseline, removing):
            found = lint(original)
            return Outcome(original.text, {}, tuple(found), _held(found, allowed), True, True)
        if not keeps_meaning(candidate, merges):
            # Keep the fixes of this pass that pass the guard on their own terms; the
            # others are held back, and the next pass offers them again only to refuse.
            kept = _guarded(current, fixes, merged, keeps_meaning)
            guarded = max(guarded, len(fixes) - len(kept))
            candidate = _apply(current, kept) if kept else None
            if candidate is None:
                break
            fixes = kept
            merges = _merged(merged, fixes)
            removing = removed + sum(len(fix.merges) for fix in fixes)
        current = candidate
        merged, removed = merges, removing
        applied = True
        diagnostics = lint(current)
    else:
        converged = not choose(diagnostics, allowed)
    held = _held(diagnostics, allowed)
    fixed = fixed_by_rule(initial, diagnostics, allowed) if applied else {}
    return Outcome(current.text, fixed, tuple(diagnostics), held, converged, False, guarded)


def fixed_by_rule(
    before: Iterable[Diagnostic],
    after: Iterable[Diagnostic],
    allowed: Collection[Applicability],
) -> dict[str, int]:
    """Problems fixed, by rule code (sorted): fixable findings of the ``allowed`` kinds that
    are gone; a label on a row that a merge removed is gone with it."""
    fixable = Counter(
        d.code
        for d in before
        if d.offers_fix and d.fix is not None and d.fix.applicability in allowed
    )
    fixable.subtract(Counter(d.code for d in after))
    return {code: count for code, count in sorted(fixable.items()) if count > 0}


def _merged(before: dict[str, str], fixes: list[Fix]) -> dict[str, str]:
    """The merges so far plus those of ``fixes``; a row merged into one that is merged in
    turn reads as the row that finally stays."""
    merged = dict(before)
    for fix in fixes:
        for removed, kept in fix.merges:
            final = merged.get(kept, kept)
            merged = {old: (final if new == removed else new) for old, new in merged.items()}
            merged[removed] = final
    return merged


def _apply(current: Document, fixes: list[Fix]) -> Document | None:
    """The document with ``fixes`` applied, or None when they change nothing."""
    from claimkit.fix.edits import OverlappingEdits, apply_edits
    from claimkit.parse import parse_text

    edits: list[Edit] = [edit for fix in fixes for edit in fix.edits]
    try:
        text = apply_edits(current.text, edits)
    except OverlappingEdits:  # edits within one fix that overlap: a rule's bug, not ours
        return None
    if text == current.text:
        return None
    return parse_text(text, current.path, bom=current.bom)


def _guarded(
    current: Document,
    fixes: list[Fix],
    merged: dict[str, str],
    keeps_meaning: Callable[[Document, dict[str, str]], bool],
) -> list[Fix]:
    """The fixes, in order, that together keep every citation's meaning."""
    kept: list[Fix] = []
    for fix in fixes:
        candidate = _apply(current, [*kept, fix])
        if candidate is not None and keeps_meaning(candidate, _merged(merged, [*kept, fix])):
            kept.append(fix)
    return kept


def _held(diagnostics: Iterable[Diagnostic], allowed: set[Applicability]) -> int:
    """Unsafe fixes left unapplied because --unsafe-fixes was not given."""
    if Applicability.UNSAFE in allowed:
        return 0
    return sum(
        1 for d in diagnostics if d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    )
