"""Duplicates as a careful editor judges them: decoys never merge, same claims are found.

The pairs are this project's own prose (``dedupe_pairs``). The properties hold for any
sentence: swapping a number or an opposite word never makes a duplicate, the decision
does not depend on the order of the two sentences, and normalisation is idempotent.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.dedupe.detect import explain, find_duplicates
from claimkit.dedupe.similarity import Kind
from claimkit.text.canonical import dedupe_key, expand
from dedupe_pairs import DECOYS, SAME_CLAIMS


@pytest.mark.parametrize(("a", "b"), DECOYS, ids=[f"decoy{i}" for i in range(len(DECOYS))])
def test_a_decoy_is_never_a_duplicate(a: str, b: str) -> None:
    for first, second in ((a, b), (b, a)):
        match, why = explain(first, second)
        assert match is None, f"merged: {second!r}"
        assert not why.startswith("similarity"), why  # a guard, not the score, says no


def test_at_least_four_in_five_same_claims_are_found() -> None:
    found = [a for a, b in SAME_CLAIMS if explain(a, b)[0] is not None]
    assert len(found) >= 0.8 * len(SAME_CLAIMS)


@pytest.mark.parametrize(("a", "b"), SAME_CLAIMS, ids=[f"same{i}" for i in range(len(SAME_CLAIMS))])
def test_a_same_claim_variant_is_found(a: str, b: str) -> None:
    match, why = explain(a, b)
    assert match is not None, why


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        (DECOYS[0][0], DECOYS[0][1], "opposite words (before / after)"),
        (DECOYS[7][0], DECOYS[7][1], "different person (he / she)"),
        (DECOYS[28][0], DECOYS[28][1], "names in a different order"),
        (DECOYS[33][0], DECOYS[33][1], "added restrictor (only)"),
        (DECOYS[36][0], DECOYS[36][1], "added clause (and cut pensions)"),
        (DECOYS[37][0], DECOYS[37][1], "different wording (killed / injured)"),
        (DECOYS[13][0], DECOYS[13][1], "opposite words (won / lost)"),  # from the lexicon
    ],
)
def test_the_guard_that_blocks_is_named(a: str, b: str, why: str) -> None:
    assert explain(a, b) == (None, why)


def test_exact_forms_of_one_sentence_are_exact_duplicates() -> None:
    # Contractions written out and dotted abbreviations closed up: a safe fix.
    a = "It's the U.N. agency that doesn't expect the port to reopen before the spring."
    b = "It is the UN agency that does not expect the port to reopen before the spring."
    match, _ = explain(a, b)
    assert match is not None and match.kind is Kind.EXACT


def test_two_different_attributions_stay_two_claims() -> None:
    a = "The dam was damaged by shelling on Tuesday night, Ukrainian officials said."
    b = "The dam was damaged by shelling on Tuesday night, Russian officials said."
    assert explain(a, b)[0] is None
    # One side without one: the attribution is a detail.
    assert explain(a, "The dam was damaged by shelling on Tuesday night.")[0] is not None


# --- properties -------------------------------------------------------------------

_TEXT = (
    "the council said port workers would receive new contracts after long talks with "
    "managers about pay and safety in the northern harbour this year"
)
_WORDS = st.sampled_from(_TEXT.split())
_SENTENCE = st.lists(_WORDS, min_size=10, max_size=22).map(lambda ws: " ".join(ws) + ".")


@settings(max_examples=60, deadline=None)
@given(_SENTENCE, st.integers(min_value=2, max_value=999), st.integers(1, 500))
def test_a_changed_number_never_makes_a_duplicate(sentence: str, n: int, step: int) -> None:
    words = sentence.split()
    with_number = " ".join([*words[:3], str(n), *words[3:]])
    changed = " ".join([*words[:3], str(n + step), *words[3:]])
    assert find_duplicates([with_number, changed]) == []


_OPPOSITES = [
    ("before", "after"),
    ("more", "less"),
    ("above", "below"),
    ("for", "against"),
    ("all", "some"),
    ("rose", "fell"),
    ("increased", "decreased"),
    ("first", "last"),
    ("north", "south"),
    ("won", "lost"),
]


@settings(max_examples=80, deadline=None)
@given(_SENTENCE, st.sampled_from(_OPPOSITES), st.integers(0, 20))
def test_an_opposite_word_never_makes_a_duplicate(
    sentence: str, pair: tuple[str, str], at: int
) -> None:
    words = sentence.split()
    at = at % len(words)
    a = " ".join([*words[:at], pair[0], *words[at:]])
    b = " ".join([*words[:at], pair[1], *words[at:]])
    assert find_duplicates([a, b]) == []


_ALL = [p for pair in DECOYS + SAME_CLAIMS for p in pair]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_ALL), st.sampled_from(_ALL))
def test_the_decision_is_symmetric(a: str, b: str) -> None:
    forward, backward = explain(a, b)[0], explain(b, a)[0]
    assert (forward is None) == (backward is None)
    if forward is not None and backward is not None:
        assert forward.kind is backward.kind


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_the_exact_key_is_idempotent(text: str) -> None:
    once = dedupe_key(text)
    assert dedupe_key(once) == once
    assert expand(expand(text)) == expand(text)


def test_short_sentences_match_on_forms_but_never_on_a_changed_word() -> None:
    # Under eight words only forms may differ: number words, glue, contractions.
    assert explain("Nine people died in the fire.", "9 people died in the fire.")[0] is not None
    glued = explain("The damaged section near the plant.", "The damaged sectionnear the plant.")
    assert glued[0] is not None and glued[0].kind is Kind.NEAR  # glue is never a safe fix
    assert explain("Nine people died in the fire.", "Ten people died in the fire.")[0] is None
    assert explain("Talks are nowhere near a deal.", "Talks are now here near a deal.")[0] is None
