"""Which pairs of distinct sentences are worth comparing: never all of them at scale.

Exact duplicates are found by hashing the normalised text (``detect``). For near
duplicates, a small input is compared pair by pair (a cheap length filter first); a
large one goes through MinHash with locality-sensitive hashing over its content words
(function words removed, and words common in this corpus too, which otherwise make
unrelated sentences collide): ``BANDS`` bands of ``ROWS`` hashes each, and two
sentences become candidates when all hashes of one band agree. With 20 bands of 4
rows, a pair whose hashed words overlap 70% (one word of seven changed) is a candidate
with probability 0.997, one at 60% with 0.94, and unrelated sentences (under 20%)
almost never. Inside a bucket each sentence is paired with at most ``WINDOW`` later
members, which bounds the work when a bucket is huge (a boilerplate sentence repeated
everywhere). Candidates are then verified exactly (``similarity``).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimkit.dedupe.features import STOPWORDS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# Up to this many distinct sentences, compare every pair (a document, a small corpus).
EXHAUSTIVE_LIMIT = 400
BANDS = 30
ROWS = 3
# A word in more than this share of the sentences (at least COMMON_FLOOR of them) is
# left out of the hashes, unless a sentence would keep fewer than MIN_RARE_WORDS words.
COMMON_SHARE = 0.01
COMMON_FLOOR = 100
MIN_RARE_WORDS = 1
WINDOW = 24
SEED = 20221102


def _content_ids(keys: Sequence[str]) -> tuple[array[int], array[int]]:
    """Content-word IDs of every key, flattened, and each key's start in the flat array."""
    vocabulary: dict[str, int] = {}
    flat: array[int] = array("l")
    starts: array[int] = array("l")
    for key in keys:
        starts.append(len(flat))
        # Sorted, not set order: the IDs (and so the hashes and the candidates) must not
        # depend on PYTHONHASHSEED.
        words = sorted({w for w in key.split() if w not in STOPWORDS})
        flat.extend(vocabulary.setdefault(w, len(vocabulary)) for w in words)
    starts.append(len(flat))
    return flat, starts


def lsh_pairs(keys: Sequence[str], eligible: Sequence[bool]) -> npt.NDArray[np.int64]:
    """Candidate pairs ``(a, b)``, ``a < b``, as an ``(m, 2)`` array of key indices."""
    import numpy as np

    flat_ids, start_list = _content_ids(keys)
    ids = np.frombuffer(flat_ids, dtype=np.int64) if len(flat_ids) else np.zeros(0, np.int64)
    starts = np.frombuffer(start_list, dtype=np.int64)
    lengths = np.diff(starts)
    chosen = np.flatnonzero((lengths > 0) & np.asarray(eligible, dtype=bool))
    if len(chosen) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    vocabulary_size = int(ids.max()) + 1
    # Words that many sentences share ("officials", "said", a country in the news, a
    # boilerplate clause) make unrelated sentences collide; hash only the rarer words,
    # unless that leaves a sentence almost nothing.
    frequency = np.bincount(ids, minlength=vocabulary_size)
    rare = (frequency <= max(int(COMMON_SHARE * len(keys)), COMMON_FLOOR))[ids]
    rare_count = np.add.reduceat(rare.astype(np.int64), starts[:-1]) * (lengths > 0)
    owner = np.repeat(np.arange(len(keys)), lengths)
    use = rare | (rare_count < MIN_RARE_WORDS)[owner]
    # reduceat over the chosen keys only: their segments, back to back.
    keep = np.zeros(len(keys), dtype=bool)
    keep[chosen] = True
    use &= keep[owner]
    segments = ids[use]
    seg_lengths = np.bincount(owner[use], minlength=len(keys))[chosen]
    seg_starts = np.concatenate(([0], np.cumsum(seg_lengths)[:-1]))
    rng = np.random.default_rng(SEED)
    width = np.int64(len(keys))
    # Pairs as one int64 code each (a * width + b), merged once at the end so that a pair
    # found by many bands (near-identical sets) is held once. (A union per band re-sorted
    # the growing set 30 times: 1.7 s of a 2.4 s run on 15,000 generated claims.)
    found: list[npt.NDArray[np.int64]] = []
    count = len(chosen)
    for _band in range(BANDS):
        key = np.zeros(count, dtype=np.uint64)
        for _row in range(ROWS):
            table = rng.integers(0, 2**63, size=vocabulary_size, dtype=np.uint64)
            minima = np.minimum.reduceat(table[segments], seg_starts)
            key = key * np.uint64(0x9E3779B97F4A7C15) + minima
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        for step in range(1, WINDOW + 1):
            same = np.flatnonzero(ordered[:-step] == ordered[step:])
            if not len(same):
                break
            left, right = chosen[order[same]], chosen[order[same + step]]
            found.append(np.minimum(left, right) * width + np.maximum(left, right))
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    codes = np.sort(np.concatenate(found))
    distinct = np.empty(len(codes), dtype=bool)
    distinct[0] = True
    np.not_equal(codes[1:], codes[:-1], out=distinct[1:])
    codes = codes[distinct]
    return np.stack((codes // width, codes % width), axis=1)
