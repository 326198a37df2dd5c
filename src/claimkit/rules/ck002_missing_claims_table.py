"""CK002 missing-claims-table."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    table = ctx.document.table
    if table is None:
        yield Finding(None, 'explainer has no "## Claims" table')
    elif table.problem is not None:
        yield Finding(table.problem.span, table.problem.value)
    elif not table.rows:
        yield Finding(None, 'the "## Claims" section has no table rows')


RULE = Rule(
    code="CK002",
    name="missing-claims-table",
    severity=Severity.ERROR,
    summary=(
        "The explainer has a summary slider but no `## Claims` table, an empty one, or one "
        "GitHub would not render (no delimiter row, or one whose cell count differs from the "
        "header's)."
    ),
    rationale=(
        "Every sentence of an explainer is cited to a numbered claim, and the claims live in the "
        "table under `## Claims`. Without it every citation dangles and no reader can check a "
        "single statement."
    ),
    check=check,
    bad="# Q\n\n## Summary\n<DetailSlider>...</DetailSlider>\n",
    good="# Q\n\n## Summary\n<DetailSlider>...</DetailSlider>\n\n## Claims\n"
    "| Claim Sentence | Source | Context |\n|---|---|---|\n"
    '|<font id="1">[1]</font> ...|...|...|\n',
)
