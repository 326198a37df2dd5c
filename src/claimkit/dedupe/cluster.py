"""Group verified duplicate pairs into clusters, each kept by its earliest member.

Exact duplicates (the same normalised text) form an equivalence relation and are
grouped by their key. Near duplicates are not transitive: A ~ B and B ~ C does not make
A ~ C, and chaining them (transitive closure, union-find) drifts one small edit at a
time into a different claim. So a distinct sentence joins the cluster of the earliest
earlier *kept* sentence it matches directly, or starts its own: every member of a
cluster was verified against the member that is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from claimkit.dedupe.similarity import Match


def star_clusters(
    count: int,
    pairs: Iterable[tuple[int, int]],
    verify: Callable[[int, int], Match | None],
    every_pair: bool = False,
) -> tuple[list[int], list[Match | None]]:
    """For distinct sentences ``0..count-1`` in order, each one's kept sentence and match.

    ``pairs`` are the candidate pairs, ``verify(earlier, later)`` their match or None. A
    kept sentence is its own root with match None. A pair is verified only when it can
    still decide something: its later sentence has no root yet and its earlier one is
    kept. Where a template repeats across a corpus, most sentences join the first root
    they are checked against, and the pairs they would have made with the rest of the
    cluster are never judged. ``every_pair`` verifies every pair all the same (for a
    caller that collects what ``verify`` rejects); the clusters are the same.
    """
    earlier_of: dict[int, set[int]] = {}
    for a, b in pairs:
        first, second = (a, b) if a < b else (b, a)
        earlier_of.setdefault(second, set()).add(first)
    root = list(range(count))
    matched: list[Match | None] = [None] * count
    # In order, so that every earlier sentence's root is final when a later one is judged.
    for item in sorted(earlier_of):
        for candidate in sorted(earlier_of[item]):
            decides = root[item] == item and root[candidate] == candidate
            if not decides and not every_pair:
                if root[item] != item:
                    break
                continue
            match = verify(candidate, item)
            if match is not None and decides:
                root[item] = candidate
                matched[item] = match
    return root, matched
