"""CK004 malformed-claim-row."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.document.claims:
        if claim.problem is not None:
            yield Finding(claim.row, claim.problem)


RULE = Rule(
    code="CK004",
    name="malformed-claim-row",
    severity=Severity.ERROR,
    summary="A Claims table row does not have three cells, or has no `id` anchor.",
    rationale=(
        "A row with the wrong number of cells renders with its columns shifted (a raw `|` in a "
        "sentence is the usual cause: escape it as `\\|`), and a row without its "
        '`<font id="N">` anchor cannot be the target of any citation. Such a row is not '
        "checked further, but an ID that can still be read from it counts as defined, so "
        "citations of it are not reported as dangling."
    ),
    check=check,
    bad='|<font id="3">[3]</font> Sales rose 3|4 percent.|<div>...</div>|...|',
    good='|<font id="3">[3]</font> Sales rose 3\\|4 percent.|<div>...</div>|...|',
)
