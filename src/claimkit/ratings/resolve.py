"""What the database says about one claim row: shared by CK202, CK203 and the bias report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimkit.domain import BIAS_LABELS, url_problem
from claimkit.model import Claim
from claimkit.ratings.lookup import Database, Match, registered_domain, split_source

if TYPE_CHECKING:
    from claimkit.context import Context


@dataclass(frozen=True, slots=True)
class RowRating:
    claim: Claim
    url: str | None  # None when the row has no valid source URL (CK201's business)
    host: str  # the URL's host without www., "" without a valid URL
    inline: str | None  # the BiasChart label when it is a known one (N/A included)
    match: Match | None

    @property
    def domain(self) -> str:
        """The registered domain (public suffix list, loaded on first use); "" without URL."""
        return registered_domain(self.host) if self.host else ""

    @property
    def rated(self) -> bool:
        return self.match is not None

    @property
    def disagrees(self) -> bool:
        """The inline label is known and none of the database's (tied) labels."""
        return (
            self.match is not None
            and self.inline is not None
            and (self.inline not in self.match.labels)
        )


def rate_row(claim: Claim, db: Database) -> RowRating:
    source = claim.source
    label = source.bias_label.value if source and source.bias_label else None
    inline = label if label in BIAS_LABELS else None
    url = source.url.value if source and source.url else None
    if url is None or url_problem(url) is not None:
        return RowRating(claim, None, "", inline, None)
    host, path = split_source(url)
    return RowRating(claim, url, host, inline, db.lookup_parts(host, path))


def rated_rows(ctx: Context) -> tuple[RowRating, ...]:
    """Every well-formed row's rating, computed once per document for CK202 and CK203."""

    def compute() -> tuple[RowRating, ...]:
        from claimkit.ratings.access import database

        db = database(ctx.settings)
        return tuple(rate_row(claim, db) for claim in ctx.rows)

    return ctx.memo("ratings.rows", compute)
