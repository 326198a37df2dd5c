"""CK104 non-sequential-claim-ids."""

from collections.abc import Iterator

from claimkit.diagnostics import Applicability, Fix, Severity
from claimkit.fix.renumber import renumber_edits, sequential_mapping
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


def _renumber(ctx: Context) -> Fix:
    mapping = sequential_mapping(ctx.document.claims)
    edits = tuple(renumber_edits(ctx.document, mapping))
    # A dangling citation of "2" would silently start pointing at whichever row becomes 2.
    dangling = {c.target for c in ctx.document.citations if c.target not in mapping}
    if dangling & set(mapping.values()):
        return Fix(
            "Renumber the claims 1..N (a dangling citation would then point at a claim)",
            edits,
            Applicability.UNSAFE,
        )
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
    fix=FixAvailability.ALWAYS,
    fix_note=(
        "Renumber the rows 1..N in table order and rewrite every citation with them. Safe, "
        "except when a dangling citation (CK101) names an ID that a row would take: then the "
        "fix is unsafe (--unsafe-fixes), because that citation would silently resolve."
    ),
)
