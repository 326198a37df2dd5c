"""Group verified duplicate pairs into clusters, each kept by its earliest member.

Exact duplicates (the same normalised text) form an equivalence relation and are
grouped by their key. Near duplicates are not transitive: A ~ B and B ~ C does not make
A ~ C, and chaining them (transitive closure, union-find) drifts one small edit at a
time into a different claim. So a distinct sentence joins the cluster of the earliest
earlier *kept* sentence it matches directly, or starts its own: every member of a
cluster was verified against the member that is kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.dedupe.similarity import Match


def star_clusters(
    count: int, edges: Iterable[tuple[int, int, Match]]
) -> tuple[list[int], list[Match | None]]:
    """For distinct sentences ``0..count-1`` in order, each one's kept sentence and match.

    ``edges`` are verified pairs ``(earlier, later, match)``. A kept sentence is its own
    root with match None.
    """
    earlier_of: dict[int, list[tuple[int, Match]]] = {}
    for a, b, match in edges:
        first, second = (a, b) if a < b else (b, a)
        earlier_of.setdefault(second, []).append((first, match))
    root = list(range(count))
    matched: list[Match | None] = [None] * count
    for item in sorted(earlier_of):
        for candidate, match in sorted(earlier_of[item], key=lambda pair: pair[0]):
            if root[candidate] == candidate:
                root[item] = candidate
                matched[item] = match
                break
    return root, matched
