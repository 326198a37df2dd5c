"""CK204 unknown-bias-label."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.domain import BIAS_LABELS
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.rows:
        assert claim.source is not None
        label = claim.source.bias_label
        if label is None:
            yield Finding(claim.row, f'claim {claim.id} has no <BiasChart bias="..."> label')
        elif label.value not in BIAS_LABELS:
            yield Finding(
                label.span or claim.row,
                f'unknown bias label "{label.value}" (expected one of '
                + ", ".join(BIAS_LABELS)
                + ")",
            )


RULE = Rule(
    code="CK204",
    name="unknown-bias-label",
    severity=Severity.ERROR,
    summary="A BiasChart label is not one of Left, Lean Left, Center, Lean Right, Right, "
    "Mixed, N/A.",
    rationale=(
        "The BiasChart component draws only the known labels, and the bias report cannot "
        "place anything else on the scale. Labels are case-sensitive, as the component is."
    ),
    check=check,
    bad='<BiasChart bias="Centre-Left" />',
    good='<BiasChart bias="Lean Left" />',
)
