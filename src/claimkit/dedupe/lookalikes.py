"""Row pairs that look like duplicates but that a guard keeps apart: ``dedupe -v``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.dedupe.detect import LookAlike, find_duplicates
from claimkit.model import Claim


@dataclass(frozen=True, slots=True)
class ClaimLookAlike:
    claim: Claim  # the later row
    other: Claim
    reason: str  # the guard that keeps them apart
    score: float


def claim_look_alikes(
    claims: Sequence[Claim], threshold: float | None = None
) -> list[ClaimLookAlike]:
    """Row pairs that look like duplicates but that a guard keeps apart, in table order."""
    rejected: list[LookAlike] = []
    find_duplicates([claim.sentence.value for claim in claims], threshold, rejected)
    rejected.sort(key=lambda found: (found[0], found[1]))
    return [ClaimLookAlike(claims[later], claims[other], why, score)
            for later, other, why, score in rejected]  # fmt: skip
