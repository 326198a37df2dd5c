"""CK102 uncited-claim."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if ctx.document.slider is None:
        return  # no summary at all: CK003 says so once, not once per row
    cited = ctx.graph.citations_of
    for claim in ctx.citable_rows:
        if claim.id is not None and claim.id not in cited:
            yield Finding(claim.row, f"claim {claim.id} is not cited by any summary level")


RULE = Rule(
    code="CK102",
    name="uncited-claim",
    severity=Severity.WARNING,
    summary="A claim row is not cited from any summary level.",
    rationale=(
        "A claim nobody cites adds weight to the source list without supporting any sentence: "
        "it skews the bias balance and hides what the explainer really rests on. Either cite "
        "it where it belongs or remove it by hand (claimkit never deletes a claim on its own)."
    ),
    check=check,
    bad="Rows 1-3 exist; the summaries cite only [1] and [2].",
    good="The summaries cite [1], [2] and [3].",
)
