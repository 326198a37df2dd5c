"""CK104 non-sequential-claim-ids."""

from collections.abc import Iterator

from claimkit.diagnostics import Fix, Severity
from claimkit.fix.renumber import dangling_targets, renumber_edits, sequential_mapping
from claimkit.rules.base import Context, Finding, FixAvailability, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.graph.repeated_rows:
        return
    claims = [claim for claim in ctx.document.claims if claim.id is not None]
    if any(not claim.id.isdigit() for claim in claims if claim.id is not None):
        return
    for position, claim in enumerate(claims, start=1):
        if claim.id != str(position):
            yield Finding(
                claim.id_span or claim.row,
                f"claim ID {claim.id} is out of order: row {position} should be claim {position}",
                _renumber(ctx),
            )
            return


def _renumber(ctx: Context) -> Fix | None:
    # A dangling citation of "2" would silently start citing whichever row became 2, so
    # the numbering goes around the IDs dangling citations name (and may then stay short
    # of 1..N: no fix is better than a citation that changes its claim).
    mapping = sequential_mapping(ctx.document.claims, dangling_targets(ctx.document))
    edits = tuple(renumber_edits(ctx.document, mapping))
    if not edits:
        return None
    return Fix("Renumber the claims 1..N in table order", edits)


RULE = Rule(
    code="CK104",
    name="non-sequential-claim-ids",
    severity=Severity.WARNING,
    summary="Claim IDs are not 1..N in row order.",
    rationale=(
        "Readers find claim 7 by counting down the table; gaps and jumps (1, 2, 5, 3) make them "
        "miss it, and they are the usual sign of rows deleted or merged by hand without "
        "renumbering. Reported once, at the first row k whose ID is not k; not reported when "
        "IDs repeat (CK103) or are not numbers."
    ),
    check=check,
    bad="Rows with IDs 1, 2, 4, 3.",
    good="Rows with IDs 1, 2, 3, 4, and every citation renumbered with them.",
    fix=FixAvailability.SOMETIMES,
    fix_note=(
        "Renumber the rows 1..N in table order and rewrite every citation with them. The "
        "numbering skips every ID a dangling citation (CK101) names, so that citation stays "
        "dangling instead of silently citing another claim; fix the dangling citation first "
        "to get a plain 1..N."
    ),
)
