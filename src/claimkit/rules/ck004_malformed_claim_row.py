"""CK004 malformed-claim-row."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.document.claims:
        if claim.problem is not None:
            yield Finding(claim.row, claim.problem)
        elif claim.source is not None:
            for text in claim.source.unplaced:
                yield Finding(
                    text.span or claim.row,
                    "source cell holds more than one chart, source link, type and date: "
                    f'"{_short(text.value)}" is none of them',
                )


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."


RULE = Rule(
    code="CK004",
    name="malformed-claim-row",
    severity=Severity.ERROR,
    summary=(
        "A Claims table row does not have three cells, has no `id` anchor, or has text in its "
        "source cell that is none of its parts."
    ),
    rationale=(
        "A row with the wrong number of cells renders with its columns shifted (a raw `|` in a "
        "sentence is the usual cause: escape it as `\\|`), and a row without its "
        '`<font id="N">` anchor cannot be the target of any citation. Such a row is not '
        "checked further, but an ID that can still be read from it counts as defined, so "
        "citations of it are not reported as dangling. Text in the source cell that is "
        "neither the outlet link, the `*(type)*` nor the date (a second date, a stray note) "
        "is reported where it stands rather than silently dropped; the row is still checked."
    ),
    check=check,
    bad='|<font id="3">[3]</font> Sales rose 3|4 percent.|<div>...</div>|...|',
    good='|<font id="3">[3]</font> Sales rose 3\\|4 percent.|<div>...</div>|...|',
)
