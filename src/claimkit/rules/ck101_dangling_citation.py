"""CK101 dangling-citation."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.document.claims:
        return  # no claims table at all: CK002 says so once, not once per citation
    graph = ctx.graph
    for citation in ctx.document.citations:
        if graph.is_claim_target(citation.target) and not graph.resolves(citation.target):
            yield Finding(
                citation.span,
                f"citation of claim {citation.target}, which has no row in the Claims table",
            )


RULE = Rule(
    code="CK101",
    name="dangling-citation",
    severity=Severity.ERROR,
    summary="A citation points at a claim ID that has no row in the Claims table.",
    rationale=(
        "A citation is a promise that the sentence rests on a quoted source. When its target "
        "row is missing (deleted, renumbered, or never generated) the promise is broken and the "
        'link goes nowhere. Each dangling `<a href="#ID">` is reported where it stands.'
    ),
    check=check,
    bad='Prices rose <font color=#FF3399>[<a href="#12">12</a>]</font>. (no row 12)',
    good='Prices rose <font color=#FF3399>[<a href="#2">2</a>]</font>. (row 2 exists)',
)
