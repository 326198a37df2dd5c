"""CK203 bias-label-mismatch."""

from collections.abc import Iterator

from claimkit.diagnostics import Edit, Fix, Severity
from claimkit.model import Field
from claimkit.rules.base import Context, Finding, FixAvailability, Rule


def check(ctx: Context) -> Iterator[Finding]:
    from claimkit.ratings.resolve import rated_rows

    for rating in rated_rows(ctx):
        claim = rating.claim
        if not rating.disagrees:
            continue  # unknown labels are CK204's, invalid URLs CK201's
        assert rating.match is not None and claim.source is not None
        label = claim.source.bias_label
        assert label is not None
        match = rating.match
        fix = None
        if match.ambiguous:
            rated = " or ".join(f'"{x}"' for x in match.labels)
            message = (
                f'bias label "{rating.inline}" differs from the database: {match.entry.name} '
                f"is rated {rated} (ambiguous)"
            )
        else:
            wanted = match.entry.bias
            message = (
                f'bias label "{rating.inline}" differs from the database: '
                f'{match.entry.name} ({match.matched_host}{match.matched_path}) is rated "{wanted}"'
            )
            if label.span is not None:
                fix = Fix(
                    f'Set the label to "{wanted}"',
                    (Edit(label.span.start, label.span.end, _attribute_value(ctx, label, wanted)),),
                )
        yield Finding(label.span or claim.row, message, fix)


def _attribute_value(ctx: Context, label: Field, wanted: str) -> str:
    """The new label as the attribute needs it: ``bias=Left`` takes "Lean Left" in quotes."""
    assert label.span is not None
    before = ctx.document.text[label.span.start - 1 : label.span.start]
    if " " in wanted and before not in ('"', "'"):
        return f'"{wanted}"'
    return wanted


RULE = Rule(
    code="CK203",
    name="bias-label-mismatch",
    severity=Severity.WARNING,
    summary="A BiasChart label differs from the ratings database's rating of the source.",
    rationale=(
        "Readers trust the chart next to a quote. Pipelines that key ratings by bare domain "
        "get it wrong where one site holds several rated outlets (CNN's news pages are Lean "
        "Left, its opinion pages Left). The database look-up is path-aware; an inline `N/A` "
        "on a rated source is a mismatch too. When the database itself is ambiguous (two "
        "ratings for one address), a label equal to either is accepted."
    ),
    check=check,
    bad='<BiasChart bias="Left" /> ... <a href="https://www.cnn.com/europe/live-news/x">',
    good='<BiasChart bias="Lean Left" /> ... <a href="https://www.cnn.com/europe/live-news/x">',
    fix=FixAvailability.SOMETIMES,
    fix_note=(
        "Safe: replaces the label with the database's rating. No fix when the database "
        "holds several tied ratings for the address."
    ),
)
