"""CK902 invalid-suppression: made by the suppression pass (claimkit.suppress), not a check."""

from claimkit.diagnostics import Severity
from claimkit.rules.base import Rule

RULE = Rule(
    code="CK902",
    name="invalid-suppression",
    severity=Severity.WARNING,
    summary="A claimkit comment names an unknown directive or an unknown rule.",
    rationale=(
        "A misspelt directive (claimkit-disabel) or rule (CK1O2) suppresses nothing, silently. "
        "A directive whose rules are all unknown suppresses nothing rather than everything. "
        "Off by default like CK901; --report-unused-suppressions turns both on."
    ),
    check=None,
    bad="<!-- claimkit-disable-next-line CK1O2 -->",
    good="<!-- claimkit-disable-next-line CK102 -->",
    enabled_by_default=False,
)
