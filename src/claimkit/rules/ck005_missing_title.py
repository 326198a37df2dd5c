"""CK005 missing-title."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    title = ctx.document.title
    if title is None:
        yield Finding(None, 'explainer has no title (a "# question" heading before the summary)')
    elif not title.value:
        yield Finding(title.span, "explainer title is empty")


RULE = Rule(
    code="CK005",
    name="missing-title",
    severity=Severity.WARNING,
    summary="The explainer has no `# ` title heading before its summary, or the title is empty.",
    rationale=(
        "The title states the question the explainer answers; listings, search results and "
        "the bias report name documents by it. Reported at line 1."
    ),
    check=check,
    bad="## Summary\n<DetailSlider>...",
    good="# How might the new tariffs change grain prices?\n\n## Summary\n<DetailSlider>...",
)
