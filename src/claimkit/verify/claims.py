"""The claims to check and the URLs to fetch, read from parsed documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claimkit.model import Document


@dataclass(frozen=True, slots=True)
class ClaimRef:
    path: str
    id: str | None
    line: int
    url: str | None  # None when the row has no usable source link (CK201)
    sentence: str
    context: str


def _usable(url: str) -> bool:
    from claimkit.domain import url_problem

    return url_problem(url) is None


def claim_refs(documents: Iterable[Document]) -> list[ClaimRef]:
    """Every well-formed claim row, in document and table order."""
    refs: list[ClaimRef] = []
    for document in documents:
        for claim in document.claims:
            if claim.malformed or claim.source is None:
                continue
            url = claim.source.url.value.strip() if claim.source.url is not None else ""
            refs.append(
                ClaimRef(
                    path=document.path,
                    id=claim.id,
                    line=claim.row.line,
                    url=url if url and _usable(url) else None,
                    sentence=claim.sentence.value,
                    context=claim.context.value,
                )
            )
    return refs


def unique_urls(refs: Iterable[ClaimRef]) -> list[str]:
    """Each source URL once (fragments ignored), in first-seen order."""
    from claimkit.verify.model import page_key

    seen: dict[str, None] = {}
    for ref in refs:
        if ref.url is not None:
            seen.setdefault(page_key(ref.url), None)
    return list(seen)
