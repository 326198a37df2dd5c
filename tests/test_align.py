"""CK302's alignment above the work budget: by words, and still right about what it finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.text import align
from claimkit.text.align import alignment_score

WORDS = [f"port{n}" for n in range(300)]


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(300, 1500))
def test_a_damaged_sentence_is_found_in_a_long_context(seed: int, size: int) -> None:
    import random

    rng = random.Random(seed)
    sentence = [rng.choice(WORDS) for _ in range(size)]
    damaged = ["changed" if i % 30 == 0 else w for i, w in enumerate(sentence)]
    context = [rng.choice(WORDS) for _ in range(3 * size)]
    at = rng.randrange(len(context))
    planted = " ".join(context[:at] + damaged + context[at:])
    quote = " ".join(sentence)
    assert len(quote) ** 2 * len(planted) > align.WORK_BUDGET  # the word path is taken
    assert alignment_score(quote, planted) >= 90
    assert alignment_score(quote, " ".join(context)) < 90


def test_below_the_budget_the_score_is_partial_ratio() -> None:
    from rapidfuzz import fuzz

    quote = "Prices rose sharply in June, the ministry said on Tuesday."
    context = "In May prices fell. Prices rose sharply in July, a ministry said on Tuesday."
    expected = fuzz.partial_ratio(
        "pricesrosesharplyinjunetheministrysaidontuesday",
        "inmaypricesfellpricesrosesharplyinjulyaministrysaidontuesday",
    )
    assert alignment_score(quote, context) == expected
