"""CK202 unrated-source."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    from claimkit.ratings.resolve import rated_rows

    for rating in rated_rows(ctx):
        claim = rating.claim
        if rating.url is None or rating.rated:
            continue  # no valid URL is CK201's alone
        assert claim.source is not None and claim.source.url is not None
        yield Finding(
            claim.source.url.span or claim.row,
            # The host, not the registered domain: naming the latter would load the public
            # suffix list (and requests with tldextract) on every pre-commit run.
            f"source domain {rating.host} is not in the ratings database",
        )


RULE = Rule(
    code="CK202",
    name="unrated-source",
    severity=Severity.INFO,
    summary="A claim's source domain is not in the ratings database.",
    rationale=(
        "The bias report can only place rated sources on the scale; an unrated source lowers "
        "its coverage. Rate the outlet in your own ratings file (`--ratings FILE`) when you "
        "know it, or accept the gap. A row with an invalid URL (CK201) is not looked up."
    ),
    check=check,
    bad='<a href="https://www.unknown-weekly.example/story" target="_blank">Unknown Weekly</a>',
    good='<a href="https://www.cnbc.com/2022/11/11/story.html" target="_blank">CNBC</a>',
)
