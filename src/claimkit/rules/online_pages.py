"""Pages fetched by `lint --online` before any rule ran, row by row: what CK501 and CK502 read."""

from __future__ import annotations

from collections.abc import Iterator

from claimkit.context import Context
from claimkit.model import Claim
from claimkit.verify.model import LinkResult, page_key


def fetched_rows(ctx: Context) -> Iterator[tuple[Claim, LinkResult]]:
    """Each well-formed row with its prefetched page."""
    pages = ctx.settings.pages
    for claim in ctx.rows:
        source = claim.source
        if source is None or source.url is None:
            continue
        link = pages.get(page_key(source.url.value))
        if link is not None:
            yield claim, link
