"""CK201 invalid-source-url."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.domain import url_problem
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.rows:
        source = claim.source
        assert source is not None
        if source.url is None:
            yield Finding(claim.row, f"claim {claim.id} has no source link")
            continue
        problem = url_problem(source.url.value)
        if problem is not None:
            yield Finding(source.url.span or claim.row, problem)


RULE = Rule(
    code="CK201",
    name="invalid-source-url",
    severity=Severity.ERROR,
    summary="A claim's source link is missing, not an absolute http(s) URL, or unparsable.",
    rationale=(
        "The source link is how a reader checks the quote. A URL without a scheme "
        "(`www.example.com/x`) or a protocol-relative one (`//example.com/x`) becomes a link "
        "relative to the explainer's own site, and `javascript:` or `file:` links are unsafe. "
        "A row with an invalid URL is not looked up in the ratings database."
    ),
    check=check,
    bad='<a href="www.example.com/story" target="_blank">Example News</a>',
    good='<a href="https://www.example.com/story" target="_blank">Example News</a>',
)
