"""CK302 claim-not-in-context."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Option, Rule
from claimkit.settings import DEFAULT_CONTEXT_THRESHOLD
from claimkit.text.align import alignment_score

THRESHOLD = Option(
    "CK302",
    "threshold",
    float,
    DEFAULT_CONTEXT_THRESHOLD,
    "how much of the sentence must align with its context: 100 demands it verbatim (after "
    "normalisation), lower values tolerate more extraction damage",
    minimum=0,
    maximum=100,
)


def check(ctx: Context) -> Iterator[Finding]:
    threshold = ctx.option(THRESHOLD)
    for claim in ctx.rows:
        if not claim.sentence.value or not claim.context.value:
            continue  # CK303
        score = alignment_score(claim.sentence.value, claim.context.value)
        if score < threshold:
            yield Finding(
                claim.context.span or claim.row,
                f"claim {claim.id}'s sentence does not occur in its context "
                f"(best match {score:.0f}%, needs {threshold:.0f}%)",
            )


RULE = Rule(
    code="CK302",
    name="claim-not-in-context",
    severity=Severity.WARNING,
    summary="A claim's sentence does not occur in its own context excerpt.",
    rationale=(
        "The context is the passage the sentence was quoted from; when the sentence is not in "
        "it, either the pipeline paraphrased the source (and the quote marks lie) or it pasted "
        "the wrong excerpt. Both sides are normalised as for duplicate detection, with spaces "
        "then removed so that text-extraction damage (`Irans`, `andmore`) still matches, and "
        "compared fuzzily: the best-aligned stretch of the context must reach the threshold "
        "(default 90%)."
    ),
    check=check,
    bad="|... Prices fell 4% in May.|...|Prices rose sharply in June, the ministry said.|",
    good="|... Prices rose sharply in June.|...|Prices rose sharply in June, the ministry said.|",
    options=(THRESHOLD,),
)
