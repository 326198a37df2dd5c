"""CK501 dead-source-link (``lint --online`` only)."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    if not ctx.settings.online:
        return  # plain lint never looks at the network
    from claimkit.rules.online_pages import fetched_rows
    from claimkit.verify.model import LinkStatus, mask_credentials

    for claim, link in fetched_rows(ctx):
        if not link.status.dead or link.status is LinkStatus.INVALID:
            continue  # alive, or never fetched (CK201's invalid URLs)
        assert claim.source is not None and claim.source.url is not None
        detail = link.error or link.status.value
        yield Finding(
            claim.source.url.span or claim.row,
            f"claim {claim.id}'s source link is {link.status.value} ({detail}): "
            f"{mask_credentials(link.url)}",
        )


RULE = Rule(
    code="CK501",
    name="dead-source-link",
    severity=Severity.ERROR,
    summary="A claim's source link is broken, times out, cannot be reached, or is refused.",
    rationale=(
        "Runs only with `lint --online`, which fetches every source once (with the same "
        "machinery, limits and cache as `claimkit verify`). A reader who follows a dead link "
        "cannot check the claim: the page was moved or deleted (HTTP 4xx), the server fails "
        "(5xx after retries), it never answers (timeout), the host does not resolve or "
        "accept connections (unreachable), or the address is one claimkit refuses to "
        "contact (link-local or cloud-metadata addresses). Redirects, PDFs and oversized "
        "pages are alive and not reported."
    ),
    check=check,
    bad='<a href="https://www.example.com/deleted-story" target="_blank">Example</a>',
    good='<a href="https://www.example.com/current-story" target="_blank">Example</a>',
)
