"""CK502 quote-not-in-source (``lint --online`` only)."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.settings.online:
        return  # plain lint never looks at the network
    from claimkit.rules.online_pages import fetched_rows
    from claimkit.verify.match import PARTLY_THRESHOLD, match
    from claimkit.verify.model import MatchKind

    for claim, link in fetched_rows(ctx):
        if not claim.sentence.value or link.text is None:
            continue  # CK303's, or nothing to read (dead: CK501; a PDF, too large)
        result = match(claim.sentence.value, link.text)
        if result.kind is MatchKind.NOT_FOUND:
            yield Finding(
                claim.sentence.span or claim.row,
                f"claim {claim.id}'s sentence does not occur in its source page "
                f"(best match {result.score:.0f}%, partly found from {PARTLY_THRESHOLD:.0f}%)",
            )


RULE = Rule(
    code="CK502",
    name="quote-not-in-source",
    severity=Severity.WARNING,
    summary="A claim's sentence does not occur in the main text of its source page.",
    rationale=(
        "Runs only with `lint --online`. The source page's main text (navigation, comment "
        "forms and other page chrome removed) is normalised as for duplicate detection and "
        "searched fuzzily for the claim sentence, tolerating text-extraction damage "
        "(`Irans`, `andmore`). A sentence scoring below the partly-found threshold (70) is "
        "reported: the pipeline may have pasted the sentence under the wrong URL, or the "
        "page changed. `claimkit verify` shows every score, including partly-found ones."
    ),
    check=check,
    bad="|... The strike ended on Friday.|...https://example.com/weather-report...|...|",
    good="|... The strike ended on Friday.|...https://example.com/strike-ends...|...|",
)
