"""CK401 one-sided-sources."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    # The bias report's own computation, so the rule and the report never disagree; from the
    # ratings CK202/CK203 looked up and the citation graph, as this document has them.
    from claimkit.ratings.access import database
    from claimkit.ratings.resolve import rated_rows
    from claimkit.report.compute import document_report

    report = document_report(
        ctx.document, database(ctx.settings), ratings=rated_rows(ctx), graph=ctx.graph
    )
    stats = report.units["outlets"]
    if stats.blindspot is None:
        return
    missing = stats.blindspot
    present = "left" if missing == "right" else "right"
    labels = ("Left", "Lean Left") if present == "left" else ("Lean Right", "Right")
    count = sum(stats.counts[label] for label in labels)
    yield Finding(
        None,
        f"one-sided sources: {count} {present}-leaning outlet(s) and no {missing}-leaning "
        f"one (blindspot: {missing}; see claimkit bias-report)",
    )


RULE = Rule(
    code="CK401",
    name="one-sided-sources",
    severity=Severity.WARNING,
    summary="The document's rated outlets lean to one side and none to the other.",
    rationale=(
        "An explainer that quotes only one side's outlets has a blindspot the reader cannot "
        "see. The verdict is the bias report's blindspot over unique outlets, with the "
        "ratings database's labels. Off by default: balance is an editorial choice; turn it "
        "on with `--extend-select CK401`."
    ),
    check=check,
    bad="Sources: CNN Digital (Lean Left), NBC News Digital (Lean Left), CNBC (Center).",
    good="Sources: CNN Digital (Lean Left), CNBC (Center), Wall Street Journal (Opinion) "
    "(Lean Right).",
    enabled_by_default=False,
)
