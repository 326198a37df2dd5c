"""The duplicate-detection engine shared by ``claimkit dedupe`` and CK301.

Sentences in, one ``Duplicate`` per sentence that repeats an earlier one out, each
naming the earliest sentence of its cluster (the one kept) and why it matched.
"""

from __future__ import annotations

import itertools
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimkit.dedupe.cluster import components, star_clusters
from claimkit.dedupe.features import ClosedClasses
from claimkit.dedupe.index import EXHAUSTIVE_LIMIT, lsh_pairs
from claimkit.dedupe.similarity import (
    DEFAULT_THRESHOLD,
    MIN_NEAR_WORDS,
    MIN_SHARED_WORDS,
    Candidate,
    Kind,
    Match,
    MatchRule,
    candidate_cutoff,
    could_reach,
    near_check,
    near_match,
    shared_characters_bound,
    shared_words,
)
from claimkit.model import Claim
from claimkit.text.canonical import dedupe_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Duplicate:
    index: int  # the later sentence
    kept: int  # the earliest sentence of its cluster
    match: Match


def _candidates(
    candidates: Sequence[Candidate], threshold: float, matches_only: bool
) -> Iterable[tuple[int, int]]:
    keys = [c.key for c in candidates]
    eligible = [c.length >= MIN_NEAR_WORDS for c in candidates]
    if len(keys) <= EXHAUSTIVE_LIMIT:
        return _scored_pairs(candidates, eligible, candidate_cutoff(threshold))
    # The raw score may sit under the threshold where the judge's reconciled one does not:
    # candidates are kept from the judge's own cut-off, as the exhaustive search keeps them.
    alike = _same_closed_classes(candidates) if matches_only else None
    return _lsh_scored(keys, lsh_pairs(keys, eligible), candidate_cutoff(threshold), alike)


PairFilter = Callable[["npt.NDArray[np.int64]"], "npt.NDArray[np.int64]"]


def _same_closed_classes(candidates: Sequence[Candidate]) -> PairFilter:
    """The pairs whose sentences have the same numbers, negations and hedges.

    The judge blocks every other pair before it reads a word, so a search that only wants
    matches can drop them in bulk. On a templated corpus that is most LSH candidates (the
    same sentence frame with other figures): 290,000 of them went one by one through
    Python to the clustering for 15,000 generated claims.
    """
    import numpy as np

    classes = np.full(len(candidates), -1, dtype=np.int64)  # -1: not read yet
    numbered: dict[ClosedClasses, int] = {}

    def keep(pairs: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        members = np.unique(pairs)
        for index in members[classes[members] < 0].tolist():
            closed = candidates[index].features.closed
            classes[index] = numbered.setdefault(closed, len(numbered))
        same: npt.NDArray[np.int64] = pairs[classes[pairs[:, 0]] == classes[pairs[:, 1]]]
        return same

    return keep


def _lsh_scored(
    keys: Sequence[str],
    pairs: npt.NDArray[np.int64],
    threshold: float,
    alike: PairFilter | None = None,
) -> Iterator[tuple[int, int]]:
    """The LSH candidates that score ``threshold`` (and pass ``alike``), scored in blocks in
    rapidfuzz's C loop.

    As for ``_rapidfuzz_pairs``, ``near_match`` still decides each survivor: this only
    spares it the Python call for the candidates that cannot pass. On templated corpora
    LSH proposes many (300,000 for 15,000 generated claims), and that call per candidate
    was most of a corpus run.
    """
    import numpy as np
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    for start in range(0, len(pairs), 65536):
        block = pairs[start : start + 65536]
        scores = process.cpdist(
            [keys[a] for a in block[:, 0].tolist()],
            [keys[b] for b in block[:, 1].tolist()],
            scorer=ratio,
            score_cutoff=threshold,
            dtype=np.float64,
        )
        kept = block[np.flatnonzero(scores >= threshold)]
        if alike is not None:
            kept = alike(kept)
        for a, b in kept.tolist():
            yield int(a), int(b)


def _glued_pairs(candidates: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Pairs whose keys differ only in spaces (text extraction glued "section near" into
    "sectionnear"): the same ``compact`` key. Any length, short ones too."""
    groups: dict[str, list[int]] = {}
    for index, candidate in enumerate(candidates):
        groups.setdefault(candidate.compact, []).append(index)
    return [
        (group[i], group[j])
        for group in groups.values()
        if len(group) > 1
        for i in range(len(group))
        for j in range(i + 1, len(group))
    ]


# Pairs bounded in Python (~7 us each) before rapidfuzz is loaded (~20 ms, ~0.8 us a
# pair): a one-file lint never pays for the import, a corpus pays for it after a few
# dozen explainers, once it has paid for itself.
_python_budget = 3000


def _scored_pairs(
    candidates: Sequence[Candidate], eligible: Sequence[bool], threshold: float
) -> Iterable[tuple[int, int]]:
    """The pairs that may reach ``threshold``; ``near_match`` still decides each one.

    This only spares it the Python call for the pairs that cannot pass (nearly all of them).
    Its shared-words test comes first: one set intersection rules out most pairs of a
    document, before any character is compared.
    """
    global _python_budget
    later: list[list[int]] = []
    for a, first in enumerate(candidates):
        ok = eligible[a]
        later.append(
            [
                b
                for b in range(a + 1, len(candidates))
                if ok
                and eligible[b]
                and shared_words(first.words, candidates[b].words) >= MIN_SHARED_WORDS
            ]
        )
    keys = [c.key for c in candidates]
    pairs = sum(map(len, later))
    if pairs <= _python_budget and "rapidfuzz" not in sys.modules:
        _python_budget -= pairs
        return _bounded_pairs(keys, later, threshold)
    return _rapidfuzz_pairs(keys, later, threshold)


def _rapidfuzz_pairs(
    keys: Sequence[str], later: Sequence[Sequence[int]], threshold: float
) -> Iterator[tuple[int, int]]:
    """Exactly the pairs ``(a, b)``, ``b`` in ``later[a]``, that score ``threshold``, scored in
    rapidfuzz's C loop, a row at a time."""
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    for a, others in enumerate(later):
        if not others:
            continue
        for _choice, _score, offset in process.extract(
            keys[a], [keys[b] for b in others], scorer=ratio, score_cutoff=threshold, limit=None
        ):
            yield a, others[offset]


def _bounded_pairs(
    keys: Sequence[str], later: Sequence[Sequence[int]], threshold: float
) -> Iterator[tuple[int, int]]:
    """Every pair ``(a, b)``, ``b`` in ``later[a]``, whose lengths and character counts allow
    ``threshold``: a superset of ``_rapidfuzz_pairs`` (``near_match`` scores each survivor),
    found without rapidfuzz."""
    counts: dict[int, Counter[str]] = {}
    for a, others in enumerate(later):
        for b in others:
            if not could_reach(len(keys[a]), len(keys[b]), threshold):
                continue
            count_a = counts.get(a) or counts.setdefault(a, Counter(keys[a]))
            count_b = counts.get(b) or counts.setdefault(b, Counter(keys[b]))
            total = len(keys[a]) + len(keys[b])
            if shared_characters_bound(count_a, count_b, total) >= threshold:
                yield a, b


# From this many sentences on, normalisation (the costliest step) runs on all cores.
PARALLEL_NORMALISE = 100_000
_CHUNK = 20_000


def _normalised(sentences: Sequence[str]) -> Iterator[str]:
    if len(sentences) < PARALLEL_NORMALISE:  # one explainer's worth: the common case
        yield from map(dedupe_key, sentences)
        return
    from claimkit.parallel import ordered_map

    def chunk_keys(start: int) -> list[str]:
        return [dedupe_key(s) for s in sentences[start : start + _CHUNK]]

    for keys in ordered_map(chunk_keys, range(0, len(sentences), _CHUNK), threshold=2):
        yield from keys


# From this many candidate pairs on (a corpus, never one explainer), the clusters are
# worked out on every core, a connected part of the candidate graph at a time.
PARALLEL_PAIRS = 20_000


def _clustered_in_parallel(
    pairs: list[tuple[int, int]], verify: Callable[[int, int], Match | None]
) -> dict[int, tuple[int, Match]]:
    from claimkit.parallel import ordered_map, worker_count

    # The largest parts first, each into the lightest batch: the batches come out even.
    batches: list[list[tuple[int, int]]] = [[] for _ in range(2 * worker_count(None))]
    for part in sorted(components(pairs), key=len, reverse=True):
        min(batches, key=len).extend(part)
    joined: dict[int, tuple[int, Match]] = {}
    for found in ordered_map(
        lambda batch: star_clusters(batch, verify), [b for b in batches if b], threshold=2
    ):
        joined.update(found)
    return joined


# A look-alike pair a guard kept apart (for ``-v``): (later sentence, earlier sentence,
# the guard, the judged score). A plain tuple: ``lint`` never builds one.
LookAlike = tuple[int, int, str, float]


def find_duplicates(
    sentences: Sequence[str],
    threshold: float | None = None,
    rejected: list[LookAlike] | None = None,
    keys: Sequence[str] | None = None,
) -> list[Duplicate]:
    """Every sentence that duplicates an earlier one, in input order.

    ``rejected``, when given, collects the look-alike pairs a guard kept apart. ``keys``:
    each sentence's ``dedupe_key``, when the caller has them already (a corpus's rows
    normalised where they were read, on the workers, instead of again here).
    """
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    key_index: dict[str, int] = {}
    distinct: list[str] = []
    first: list[int] = []  # the first sentence of each distinct key
    key_of: list[int] = []
    normalised = _normalised(sentences) if keys is None else keys
    for position, key in enumerate(normalised):
        if not key:
            key_of.append(-1)  # an empty sentence is CK303's, not a duplicate
            continue
        index = key_index.get(key)
        if index is None:
            index = key_index[key] = len(distinct)
            distinct.append(key)
            first.append(position)
        key_of.append(index)
    del key_index

    candidates = [Candidate(sentences[first[index]], key) for index, key in enumerate(distinct)]

    def verify(a: int, b: int) -> Match | None:
        # The look-alikes of -v carry their scores; lint's pairs only need the verdict.
        verdict = near_check(candidates[a], candidates[b], limit, explain=rejected is not None)
        if isinstance(verdict, Match):
            return verdict
        if verdict.guarded and rejected is not None and (verdict.score or 0.0) >= limit:
            rejected.append((first[b], first[a], verdict.reason, verdict.score or 0.0))
        return None

    # Without ``rejected`` only matches count: candidates the judge would block unread can go.
    found_pairs = _candidates(candidates, limit, matches_only=rejected is None)
    pairs = list(itertools.chain(_glued_pairs(candidates), found_pairs))
    if rejected is None and len(pairs) >= PARALLEL_PAIRS:
        joined = _clustered_in_parallel(pairs, verify)
    else:
        joined = star_clusters(pairs, verify, every_pair=rejected is not None)

    found: list[Duplicate] = []
    for position, index in enumerate(key_of):
        if index == -1:
            continue
        if first[index] != position:
            # Exact before near: a repeat of an earlier sentence is that sentence's exact
            # duplicate, whichever cluster the earlier one joined as a near duplicate.
            same = sentences[position] == sentences[first[index]]
            rule = MatchRule.IDENTICAL if same else MatchRule.NORMALISED
            found.append(Duplicate(position, first[index], Match(Kind.EXACT, rule, 100.0)))
            continue
        if index in joined:
            kept, match = joined[index]
            found.append(Duplicate(position, first[kept], match))
    return found


def explain(a: str, b: str, threshold: float | None = None) -> tuple[Match | None, str]:
    """Whether two sentences are duplicates, and in words why or why not (for docs, -v)."""
    found = find_duplicates([a, b], threshold)
    if found:
        return found[0].match, found[0].match.reason
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    _match, why = near_match(Candidate(a, dedupe_key(a)), Candidate(b, dedupe_key(b)), limit)
    return None, why or "not similar"


@dataclass(frozen=True, slots=True)
class ClaimDuplicate:
    claim: Claim  # the later row
    kept: Claim  # the earliest row of its cluster
    match: Match


def claim_duplicates(
    claims: Sequence[Claim], threshold: float | None = None, keys: Sequence[str] | None = None
) -> list[ClaimDuplicate]:
    """Duplicate rows among ``claims`` (in table order), each naming the earliest of its cluster.
    ``keys``: the rows' ``dedupe_key``s when already computed."""
    found = find_duplicates([claim.sentence.value for claim in claims], threshold, keys=keys)
    return [ClaimDuplicate(claims[d.index], claims[d.kept], d.match) for d in found]
