"""The duplicate-detection engine shared by ``claimkit dedupe`` and CK301.

Sentences in, one ``Duplicate`` per sentence that repeats an earlier one out, each
naming the earliest sentence of its cluster (the one kept) and why it matched.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from claimkit.dedupe.cluster import star_clusters
from claimkit.dedupe.features import Features, features
from claimkit.dedupe.index import EXHAUSTIVE_LIMIT, lsh_pairs
from claimkit.dedupe.similarity import (
    DEFAULT_THRESHOLD,
    MIN_NEAR_WORDS,
    Kind,
    Match,
    MatchRule,
    could_reach,
    near_match,
    shared_characters_bound,
)
from claimkit.model import Claim
from claimkit.text.normalize import normalize

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


@dataclass(frozen=True, slots=True)
class Duplicate:
    index: int  # the later sentence
    kept: int  # the earliest sentence of its cluster
    match: Match


def _candidates(keys: Sequence[str], threshold: float) -> Iterable[tuple[int, int]]:
    eligible = [k.count(" ") + 1 >= MIN_NEAR_WORDS for k in keys]
    if len(keys) <= EXHAUSTIVE_LIMIT:
        return _scored_pairs(keys, eligible, threshold)
    return _lsh_scored(keys, lsh_pairs(keys, eligible), threshold)


def _lsh_scored(
    keys: Sequence[str], pairs: npt.NDArray[np.int64], threshold: float
) -> Iterator[tuple[int, int]]:
    """The LSH candidates that score ``threshold``, scored in blocks in rapidfuzz's C loop.

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
        for a, b in block[np.flatnonzero(scores >= threshold)].tolist():
            yield int(a), int(b)


# Pairs bounded in Python (~7 us each) before rapidfuzz is loaded (~20 ms, ~0.8 us a
# pair): a one-file lint never pays for the import, a corpus pays for it after a few
# dozen explainers, once it has paid for itself.
_python_budget = 3000


def _scored_pairs(
    keys: Sequence[str], eligible: Sequence[bool], threshold: float
) -> Iterable[tuple[int, int]]:
    """The pairs that may reach ``threshold``; ``near_match`` still decides each one.

    This only spares it the Python call for the pairs that cannot pass (nearly all of them).
    """
    global _python_budget
    pairs = len(keys) * (len(keys) - 1) // 2
    if pairs <= _python_budget and "rapidfuzz" not in sys.modules:
        _python_budget -= pairs
        return _bounded_pairs(keys, eligible, threshold)
    return _rapidfuzz_pairs(keys, eligible, threshold)


def _rapidfuzz_pairs(
    keys: Sequence[str], eligible: Sequence[bool], threshold: float
) -> Iterator[tuple[int, int]]:
    """Exactly the pairs that score ``threshold``, scored in rapidfuzz's C loop, a row at a time."""
    from rapidfuzz import process
    from rapidfuzz.fuzz import ratio

    for a, key in enumerate(keys):
        if not eligible[a]:
            continue
        later = keys[a + 1 :]
        for _choice, _score, offset in process.extract(
            key, later, scorer=ratio, score_cutoff=threshold, limit=None
        ):
            b = a + 1 + offset
            if eligible[b]:
                yield a, b


def _bounded_pairs(
    keys: Sequence[str], eligible: Sequence[bool], threshold: float
) -> Iterator[tuple[int, int]]:
    """Every pair whose lengths and character counts allow ``threshold``: a superset of
    ``_rapidfuzz_pairs`` (``near_match`` scores each survivor), found without rapidfuzz."""
    counts = [Counter(key) if ok else None for key, ok in zip(keys, eligible, strict=True)]
    for a, count_a in enumerate(counts):
        if count_a is None:
            continue
        for b in range(a + 1, len(keys)):
            count_b = counts[b]
            if count_b is None or not could_reach(len(keys[a]), len(keys[b]), threshold):
                continue
            total = len(keys[a]) + len(keys[b])
            if shared_characters_bound(count_a, count_b, total) >= threshold:
                yield a, b


# From this many sentences on, normalisation (the costliest step) runs on all cores.
PARALLEL_NORMALISE = 100_000
_CHUNK = 20_000
_shared: Sequence[str] = ()


def _normalise_chunk(start: int) -> list[str]:
    return [normalize(s) for s in _shared[start : start + _CHUNK]]


def _normalised(sentences: Sequence[str]) -> Iterator[str]:
    if len(sentences) < PARALLEL_NORMALISE:  # one explainer's worth: the common case
        yield from map(normalize, sentences)
        return
    import os

    workers = os.cpu_count() or 1
    if workers < 2:
        yield from map(normalize, sentences)
        return
    import multiprocessing

    global _shared
    methods = multiprocessing.get_all_start_methods()
    if "fork" not in methods:
        yield from map(normalize, sentences)
        return
    _shared = sentences  # inherited by the forked workers, never pickled
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for chunk in pool.imap(_normalise_chunk, range(0, len(sentences), _CHUNK)):
                yield from chunk
    finally:
        _shared = ()


def find_duplicates(sentences: Sequence[str], threshold: float | None = None) -> list[Duplicate]:
    """Every sentence that duplicates an earlier one, in input order."""
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    key_index: dict[str, int] = {}
    keys: list[str] = []
    first: list[int] = []  # the first sentence of each distinct key
    key_of: list[int] = []
    for position, key in enumerate(_normalised(sentences)):
        if not key:
            key_of.append(-1)  # an empty sentence is CK303's, not a duplicate
            continue
        index = key_index.get(key)
        if index is None:
            index = key_index[key] = len(keys)
            keys.append(key)
            first.append(position)
        key_of.append(index)
    del key_index

    cache: dict[int, Features] = {}

    def feature(index: int) -> Features:
        found = cache.get(index)
        if found is None:
            found = cache[index] = features(sentences[first[index]], keys[index])
        return found

    edges: list[tuple[int, int, Match]] = []
    for a, b in _candidates(keys, limit):
        match, _ = near_match(
            keys[a], keys[b], partial(feature, a), partial(feature, b), limit, explain=False
        )
        if match is not None:
            edges.append((a, b, match))
    root, near = star_clusters(len(keys), edges)

    found: list[Duplicate] = []
    for position, index in enumerate(key_of):
        if index == -1:
            continue
        kept_key = root[index]
        kept = first[kept_key]
        if kept == position:
            continue
        match = near[index]
        if match is None:  # the same key as the kept sentence
            same = sentences[position] == sentences[kept]
            match = Match(Kind.EXACT, MatchRule.IDENTICAL if same else MatchRule.NORMALISED, 100.0)
        found.append(Duplicate(position, kept, match))
    return found


def explain(a: str, b: str, threshold: float | None = None) -> tuple[Match | None, str]:
    """Whether two sentences are duplicates, and in words why or why not (for docs, -v)."""
    found = find_duplicates([a, b], threshold)
    if found:
        return found[0].match, found[0].match.reason
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    ka, kb = normalize(a), normalize(b)
    _match, why = near_match(ka, kb, lambda: features(a, ka), lambda: features(b, kb), limit)
    return None, why or "not similar"


@dataclass(frozen=True, slots=True)
class ClaimDuplicate:
    claim: Claim  # the later row
    kept: Claim  # the earliest row of its cluster
    match: Match


def claim_duplicates(
    claims: Sequence[Claim], threshold: float | None = None
) -> list[ClaimDuplicate]:
    """Duplicate rows among ``claims`` (in table order), each naming the earliest of its cluster."""
    found = find_duplicates([claim.sentence.value for claim in claims], threshold)
    return [ClaimDuplicate(claims[d.index], claims[d.kept], d.match) for d in found]
