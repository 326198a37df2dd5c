"""CK303 empty-claim."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.rows:
        if not claim.sentence.value:
            yield Finding(claim.row, f"claim {claim.id} has an empty sentence")
        elif not claim.context.value:
            yield Finding(claim.row, f"claim {claim.id} has an empty context")


RULE = Rule(
    code="CK303",
    name="empty-claim",
    severity=Severity.ERROR,
    summary="A claim row has an empty sentence or an empty context.",
    rationale=(
        "A claim without its sentence supports nothing, and one without context cannot be "
        "checked against its source. Both are usually a scraping failure upstream."
    ),
    check=check,
    bad='|<font id="2">[2]</font> |<div>...</div>|The ministry said prices rose.|',
    good='|<font id="2">[2]</font> Prices rose.|<div>...</div>|The ministry said prices rose.|',
)
