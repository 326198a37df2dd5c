"""The engine: clusters keep the earliest, near matches do not chain, the index scales."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.dedupe import index
from claimkit.dedupe.cluster import components, star_clusters
from claimkit.dedupe.detect import find_duplicates
from claimkit.dedupe.similarity import Kind, Match, MatchRule

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate_corpus import generate

NEAR = Match(Kind.NEAR, MatchRule.SIMILAR, 95.0)


def _clusters(
    count: int, matches: set[tuple[int, int]], pairs: list[tuple[int, int]] | None = None
) -> tuple[list[int], list[Match | None]]:
    """star_clusters over candidate ``pairs`` (default: the matches) of which ``matches``
    match, as each sentence's root and match."""

    def verify(a: int, b: int) -> Match | None:
        return NEAR if (a, b) in matches or (b, a) in matches else None

    joined = star_clusters(sorted(matches) if pairs is None else pairs, verify)
    root = [joined[i][0] if i in joined else i for i in range(count)]
    return root, [joined[i][1] if i in joined else None for i in range(count)]


def test_star_clusters_do_not_chain_near_matches() -> None:
    # 0 ~ 1 and 1 ~ 2, but 2 was never verified against 0: it stays kept.
    root, match = _clusters(3, {(0, 1), (1, 2)})
    assert root == [0, 0, 2]
    assert match[2] is None


def test_a_row_matching_several_kept_rows_joins_the_earliest() -> None:
    root, _ = _clusters(3, {(1, 2), (0, 2)})
    assert root == [0, 1, 0]


def _eager_clusters(
    count: int, pairs: list[tuple[int, int]], matches: set[tuple[int, int]]
) -> list[int]:
    """The clusters as defined: verify every pair, then join each sentence to the earliest
    kept sentence it matches."""
    root = list(range(count))
    for item in range(count):
        for candidate in range(item):
            verified = (candidate, item) in pairs and (candidate, item) in matches
            if verified and root[candidate] == candidate:
                root[item] = candidate
                break
    return root


@settings(max_examples=300)
@given(st.data())
def test_star_clusters_verify_only_what_decides_and_agree_with_verifying_all(
    data: st.DataObject,
) -> None:
    count = data.draw(st.integers(1, 10))
    every = [(a, b) for b in range(count) for a in range(b)]
    pairs = data.draw(st.lists(st.sampled_from(every), unique=True) if every else st.just([]))
    matches = {p for p in pairs if data.draw(st.booleans())}
    asked: list[tuple[int, int]] = []

    def verify(a: int, b: int) -> Match | None:
        asked.append((a, b))
        return NEAR if (a, b) in matches else None

    both = [(b, a) if data.draw(st.booleans()) else (a, b) for a, b in pairs]  # either order
    joined = star_clusters(both, verify)
    root = [joined[i][0] if i in joined else i for i in range(count)]
    assert root == _eager_clusters(count, pairs, matches)
    # Cut into its connected parts, clustered part by part: the same clusters.
    parts: dict[int, tuple[int, Match]] = {}
    for part in components(both):
        parts.update(star_clusters(part, lambda a, b: NEAR if (a, b) in matches else None))
    assert parts == joined
    assert len(asked) == len(set(asked)) <= len(pairs)
    # A later sentence that joined a cluster is never judged again.
    for at, (a, b) in enumerate(asked):
        if (a, b) in matches and root[b] == a:
            assert all(later[1] != b for later in asked[at + 1 :])
    asked.clear()
    assert star_clusters(both, verify, every_pair=True) == joined
    assert sorted(asked) == sorted(pairs)


def test_earliest_is_kept_and_named() -> None:
    a = "Dredging of the northern channel will finish in March, the engineers told reporters."
    b = "The port authority expects 120 more container ships a month by 2030, officials said."
    found = find_duplicates([a, b, b.upper(), a, b])
    assert [(d.index, d.kept, d.match.rule.value) for d in found] == [
        (2, 1, "normalised"),
        (3, 0, "identical"),
        (4, 1, "identical"),
    ]


def _sentence(i: int) -> str:
    # Distinct words per sentence (letters from the number), as unrelated claims have.
    word = "".join(chr(97 + int(d)) for d in f"{i:05d}")
    return (
        f"Regional officials in {word}ville confirmed that {i * 13 + 5} {word}ian trucks "
        f"crossed the {word} bridge during the spring inspection campaign."
    )


def test_large_inputs_use_the_index_and_still_find_planted_pairs() -> None:
    count = index.EXHAUSTIVE_LIMIT * 3
    sentences = [_sentence(i) for i in range(count)]
    planted = {}
    for i in range(0, count, 40):
        planted[len(sentences)] = i
        sentences.append(sentences[i].replace("crossed", "slowly crossed"))  # near
        planted[len(sentences)] = i
        sentences.append(sentences[i].upper())  # exact
        sentences.append(sentences[i].replace(str(i * 13 + 5), str(i * 13 + 6)))  # decoy
    found = {d.index: d.kept for d in find_duplicates(sentences)}
    assert found == planted


def test_lsh_pairs_are_ordered_and_unique() -> None:
    sentences = [_sentence(i) for i in range(50)] * 2
    keys = [s.lower() for s in sentences]
    pairs = index.lsh_pairs(keys, [True] * len(keys))
    as_tuples = [tuple(p) for p in pairs.tolist()]
    assert len(as_tuples) == len(set(as_tuples))
    assert all(a < b for a, b in as_tuples)
    assert {(i, i + 50) for i in range(50)} <= set(as_tuples)


def test_lint_does_not_import_numpy() -> None:
    code = (
        "import sys\n"
        "from claimkit.cli import main\n"
        "sys.argv = ['claimkit', 'lint', '--select', 'CK301', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('numpy' in sys.modules and 'NUMPY-LOADED' or 'NUMPY-FREE')\n"
    )
    from dedupe_support import SEED

    target = str(SEED) if SEED.exists() else __file__
    result = subprocess.run([sys.executable, "-c", code, target], capture_output=True, text=True)
    assert result.stdout.rstrip().endswith("NUMPY-FREE"), result.stdout[-200:] + result.stderr


WORDS = [
    *("port", "ships", "cargo", "dredging", "rose", "fell", "12", "14"),
    *("officials", "said", "the", "canal", "water", "level"),
]
# Short sentences of a small vocabulary: pairs that look alike, and pairs that do not.
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(SENTENCE, min_size=2, max_size=12, unique=True),
    st.sampled_from([70.0, 85.0, 90.0, 97.0]),
)
def test_the_rapidfuzz_free_bound_never_drops_a_pair(keys: list[str], threshold: float) -> None:
    # The Python bound may let more pairs through (near_match scores them), never fewer.
    from rapidfuzz.fuzz import ratio

    from claimkit.dedupe.detect import _bounded_pairs, _rapidfuzz_pairs

    later = [list(range(a + 1, len(keys))) for a in range(len(keys))]
    exact = set(_rapidfuzz_pairs(keys, later, threshold))
    bounded = set(_bounded_pairs(keys, later, threshold))
    assert exact <= bounded
    assert {p for p in bounded if ratio(keys[p[0]], keys[p[1]]) >= threshold} == exact


@settings(max_examples=150, deadline=None)
@given(
    # Some repeated in capitals: exact duplicates after normalising, found from the keys.
    st.lists(SENTENCE, min_size=1, max_size=12).map(lambda s: s + [x.upper() for x in s[::3]]),
)
def test_keys_worked_out_elsewhere_find_what_the_search_would(sentences: list[str]) -> None:
    # The audit and dedupe's corpus mode normalise rows where they are read (the workers)
    # and hand the keys over: the search must answer as if it had normalised them itself.
    from claimkit.text.canonical import dedupe_key

    keys = [dedupe_key(s) for s in sentences]
    assert find_duplicates(sentences, keys=keys) == find_duplicates(sentences)


def test_a_one_file_lint_leaves_rapidfuzz_unloaded_without_near_pairs() -> None:
    code = (
        "import sys\n"
        "from claimkit.dedupe.detect import find_duplicates\n"
        "found = find_duplicates(['Port officials expect more cargo ships after the works.',\n"
        "    'The canal authority cut the number of daily crossings to twenty-two.',\n"
        "    'port officials expect more cargo ships after the works'])\n"
        "assert [d.index for d in found] == [2], found\n"
        "print('rapidfuzz' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_corpus_loads_rapidfuzz_once_the_python_bound_would_cost_more() -> None:
    code = (
        "import sys\n"
        "from claimkit.dedupe.detect import find_duplicates\n"
        # Forty sentences with words in common but few letters: every pair is bounded, and
        # none survives the bound.
        "sentences = [' '.join(['ab', 'cd', 'ef', 'gh'] + [chr(0x3B1 + i) * 8] * 6)\n"
        "             for i in range(40)]\n"
        "loaded = []\n"
        "for _ in range(8):  # 780 pairs a call\n"
        "    find_duplicates(sentences)\n"
        "    loaded.append('rapidfuzz' in sys.modules)\n"
        "print(loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    flags = done.stdout.strip().strip("[]").split(", ")
    assert flags[0] == "False" and flags[-1] == "True"


def test_a_corpus_clustered_on_several_processes_is_clustered_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimkit.dedupe import detect
    from claimkit.parse import parse_bytes

    generate(str(tmp_path), 60, seed=3)
    sentences = [
        claim.sentence.value
        for path in sorted(tmp_path.glob("*.md"))
        for claim in parse_bytes(path.read_bytes(), path.name).claims
    ]
    alone = detect.find_duplicates(sentences)
    monkeypatch.setattr(detect, "PARALLEL_PAIRS", 1)
    together = detect.find_duplicates(sentences)
    assert together == alone
    assert sum(1 for d in alone if d.match.kind is Kind.NEAR) > 10


def test_dropping_pairs_the_judge_blocks_unread_changes_no_cluster(tmp_path: Path) -> None:
    """A search for matches drops LSH candidates whose numbers, negations or hedges differ;
    one that collects look-alikes keeps and judges every pair. Both cluster alike."""
    from claimkit.dedupe import detect
    from claimkit.parse import parse_bytes

    generate(str(tmp_path), 80, seed=5)
    sentences = [
        claim.sentence.value
        for path in sorted(tmp_path.glob("*.md"))
        for claim in parse_bytes(path.read_bytes(), path.name).claims
    ]
    assert len(set(sentences)) > index.EXHAUSTIVE_LIMIT  # the LSH path
    rejected: list[detect.LookAlike] = []
    assert detect.find_duplicates(sentences) == detect.find_duplicates(sentences, rejected=rejected)
    assert any(reason == "different numbers" for _, _, reason, _ in rejected)
    assert sum(1 for d in detect.find_duplicates(sentences) if d.match.kind is Kind.NEAR) > 10
