"""CK901 unused-suppression: made by the suppression pass (claimkit.suppress), not a check."""

from claimkit.diagnostics import Severity
from claimkit.rules.base import Rule

RULE = Rule(
    code="CK901",
    name="unused-suppression",
    severity=Severity.WARNING,
    summary="A claimkit-disable comment suppresses nothing.",
    rationale=(
        "A suppression outlives the finding it was written for: the row gets fixed, the claim "
        "moves, and the comment stays, ready to hide the next real problem in its range. Like "
        "ruff's RUF100 it is off by default; turn it on with --report-unused-suppressions (or "
        "select CK901). In a comment that lists several rules only the unused ones are "
        "reported, each where it is written. Rules that did not run on the file are not judged."
    ),
    check=None,
    bad="<!-- claimkit-disable-next-line CK102,CK205 -->\n(a row that is cited, with a date)",
    good="(the same row, without the comment)",
    enabled_by_default=False,
)
