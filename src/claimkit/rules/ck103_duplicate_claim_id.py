"""CK103 duplicate-claim-id."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    graph = ctx.graph
    for claim in graph.repeated_rows:
        assert claim.id is not None
        first = graph.first_row[claim.id]
        yield Finding(
            claim.id_span or claim.row,
            f"claim ID {claim.id} is already used by the row on line {first.row.line}",
        )


RULE = Rule(
    code="CK103",
    name="duplicate-claim-id",
    severity=Severity.ERROR,
    summary="Two claim rows carry the same ID.",
    rationale=(
        "A citation of a repeated ID can only reach the first row, so the later row is "
        "unreachable and readers land on the wrong source. Every row after the first with the "
        "same ID is reported."
    ),
    check=check,
    bad='|<font id="4">[4]</font> ...|\n|<font id="4">[4]</font> ...|',
    good='|<font id="4">[4]</font> ...|\n|<font id="5">[5]</font> ...|',
)
