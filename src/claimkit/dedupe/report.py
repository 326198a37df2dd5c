"""What a dedupe run found and did, as plain data: the renderers only format it."""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from typing import cast

from claimkit.context import Context
from claimkit.dedupe.detect import ClaimDuplicate, find_duplicates
from claimkit.dedupe.plan import Plan, dedupe_rows, row_keys
from claimkit.dedupe.similarity import Kind, Match
from claimkit.model import Claim


@dataclass(frozen=True, slots=True)
class Member:
    path: str
    line: int
    id: str | None
    sentence: str
    # The sentence's dedupe_key when it was worked out where the row was read (a worker),
    # so that the corpus search need not normalise every row again in one process.
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Later:
    member: Member
    match: Match


@dataclass(frozen=True, slots=True)
class Cluster:
    kept: Member
    duplicates: tuple[Later, ...]

    @property
    def score(self) -> float:
        return min(d.match.score for d in self.duplicates)

    @property
    def kind(self) -> Kind:
        near = any(d.match.kind is Kind.NEAR for d in self.duplicates)
        return Kind.NEAR if near else Kind.EXACT


@dataclass(frozen=True, slots=True)
class Removed:
    member: Member
    url: str | None
    kept_id: str | None


@dataclass(slots=True)
class FileReport:
    path: str
    clusters: list[Cluster]
    removed: list[Removed] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    held_back: int = 0  # near duplicates not applied without --unsafe-fixes
    uncited: int = 0  # duplicates left because no summary cites them
    refused: str | None = None  # why the fix was held back (it would change a citation)
    changed: bool = False
    diff: str = ""

    @property
    def duplicates(self) -> int:
        return sum(len(c.duplicates) for c in self.clusters)


def member(path: str, claim: Claim, key: str | None = None) -> Member:
    return Member(path, claim.row.line, claim.id, claim.sentence.value, key)


def row_members(path: str, ctx: Context, leave_out: Set[int] = frozenset()) -> list[Member]:
    """The document's rows a corpus search compares (``dedupe_rows``) as members, with their
    keys, except the claims whose ``id()`` is in ``leave_out`` (rows a fix removes)."""
    return [
        member(path, claim, key)
        for claim, key in zip(dedupe_rows(ctx), row_keys(ctx), strict=True)
        if id(claim) not in leave_out
    ]


def clusters_of(path: str, duplicates: Sequence[ClaimDuplicate]) -> list[Cluster]:
    grouped: dict[int, tuple[Claim, list[Later]]] = {}
    for duplicate in duplicates:
        entry = grouped.setdefault(id(duplicate.kept), (duplicate.kept, []))
        entry[1].append(Later(member(path, duplicate.claim), duplicate.match))
    ordered = sorted(grouped.values(), key=lambda entry: entry[0].position)
    return [Cluster(member(path, kept), tuple(later)) for kept, later in ordered]


def file_report(plan: Plan, applied: bool) -> FileReport:
    path = plan.document.path
    report = FileReport(path, clusters_of(path, plan.duplicates))
    report.held_back = len(plan.held_back)
    report.uncited = len(plan.uncited)
    report.refused = plan.refused
    if applied:
        for duplicate in plan.removed:
            source = duplicate.claim.source
            url = source.url.value if source is not None and source.url is not None else None
            report.removed.append(Removed(member(path, duplicate.claim), url, duplicate.kept.id))
        report.mapping = dict(plan.mapping)
        report.changed = plan.changed
    return report


def cross_file(members: Sequence[Member], threshold: float | None) -> list[Cluster]:
    """Clusters of the same claim in more than one file (corpus mode)."""
    keys = [m.key for m in members]
    known = None if None in keys else cast("list[str]", keys)
    found = find_duplicates([m.sentence for m in members], threshold, keys=known)
    grouped: dict[int, list[Later]] = {}
    for duplicate in found:
        grouped.setdefault(duplicate.kept, []).append(
            Later(members[duplicate.index], duplicate.match)
        )
    clusters: list[Cluster] = []
    for kept, later in sorted(grouped.items()):
        paths = {members[kept].path} | {d.member.path for d in later}
        if len(paths) > 1:
            clusters.append(Cluster(members[kept], tuple(later)))
    return clusters
