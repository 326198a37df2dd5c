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
    pairs: Iterable[tuple[int, int]],
    verify: Callable[[int, int], Match | None],
    every_pair: bool = False,
) -> dict[int, tuple[int, Match]]:
    """Each later sentence that joins a cluster: its kept sentence and match.

    ``pairs`` are the candidate pairs of distinct sentences (numbered in order),
    ``verify(earlier, later)`` their match or None; a sentence not in the answer is kept.
    A pair is verified only when it can still decide something: its later sentence has
    joined no cluster yet and its earlier one is kept. Where a template repeats across a
    corpus, most sentences join the first kept sentence they are checked against, and the
    pairs they would have made with the rest of the cluster are never judged.
    ``every_pair`` verifies every pair all the same (for a caller that collects what
    ``verify`` rejects); the clusters are the same.
    """
    earlier_of: dict[int, set[int]] = {}
    for a, b in pairs:
        first, second = (a, b) if a < b else (b, a)
        earlier_of.setdefault(second, set()).add(first)
    joined: dict[int, tuple[int, Match]] = {}
    # In order, so that every earlier sentence's root is final when a later one is judged.
    for item in sorted(earlier_of):
        for candidate in sorted(earlier_of[item]):
            decides = item not in joined and candidate not in joined
            if not decides and not every_pair:
                if item in joined:
                    break
                continue
            match = verify(candidate, item)
            if match is not None and decides:
                joined[item] = (candidate, match)
    return joined


def components(pairs: Iterable[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The pairs grouped by the connected parts of the graph they make. A sentence's
    clustering reads only pairs of its own part, so each part can be clustered on its own
    (and on its own process) with the same result."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while (up := parent.get(x, x)) != x:
            parent[x] = parent.get(up, up)  # halve the path
            x = up
        return x

    listed = list(pairs)
    for a, b in listed:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[tuple[int, int]]] = {}
    for a, b in listed:
        groups.setdefault(find(a), []).append((a, b))
    return list(groups.values())
