"""CK205 missing-source-date."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.rows:
        source = claim.source
        assert source is not None
        if not source.date_raw.value:
            yield Finding(source.date_raw.span or claim.row, f"claim {claim.id} has no source date")
        elif source.date is None:
            yield Finding(
                source.date_raw.span or claim.row,
                f'source date "{source.date_raw.value}" cannot be read (use '
                '"Nov 2nd, 2022", "November 2, 2022" or "2022-11-02")',
            )


RULE = Rule(
    code="CK205",
    name="missing-source-date",
    severity=Severity.WARNING,
    summary="A claim's source has no date, or a date in no accepted form.",
    rationale=(
        "News ages: a reader needs to know whether a quote predates the events it is used to "
        "explain. Accepted forms are `Nov 2nd, 2022`, `November 2, 2022` and `2022-11-02`."
    ),
    check=check,
    bad="<div>*(News Media)*</div><div></div>",
    good="<div>*(News Media)*</div><div>Nov 2nd, 2022</div>",
)
