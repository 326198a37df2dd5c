"""CK105 citation-label-mismatch."""

from collections.abc import Iterator

from claimkit.diagnostics import Edit, Fix, Severity
from claimkit.rules.base import Context, Finding, FixAvailability, Rule


def check(ctx: Context) -> Iterator[Finding]:
    graph = ctx.graph
    for citation in ctx.document.citations:
        # Only a citation that reaches a claim can show the wrong label: a dangling one is
        # CK101's and a target that is no claim ID is CK106's.
        if citation.label != citation.target and graph.resolves(citation.target):
            span = citation.label_span
            yield Finding(
                citation.span,
                f'citation shows "{citation.label}" but links to claim {citation.target}',
                Fix(
                    f"Show the label {citation.target}",
                    (Edit(span.start, span.end, citation.target),),
                ),
            )


RULE = Rule(
    code="CK105",
    name="citation-label-mismatch",
    severity=Severity.ERROR,
    summary="A citation's visible label differs from the claim it links to.",
    rationale=(
        "A reader who sees [4] and scrolls to claim 4 reads a different source from the one the "
        "link opens. Which of the two was meant cannot be known, but the link is what the "
        "pipeline wrote, so the fix makes the label match the link."
    ),
    check=check,
    bad='<a href="#3">4</a>',
    good='<a href="#3">3</a>',
    fix=FixAvailability.ALWAYS,
    fix_note="Relabel the citation with its target ID (safe: the link itself is unchanged).",
)
