"""The duplicate test itself: what merges and, above all, what must not."""

from __future__ import annotations

import pytest

from claimkit.dedupe.detect import explain, find_duplicates
from claimkit.dedupe.similarity import Kind, MatchRule

BASE = (
    "Iran is preparing to send about 450 drones to Russia for use in its war against "
    "Ukraine, officials said."
)


@pytest.mark.parametrize(
    "variant",
    [
        BASE.upper(),
        BASE.replace("officials said", "officials \u201csaid\u201d"),
        BASE.replace(",", " ,").replace("  ", " "),
        BASE.replace(" to Russia", " \u2014 to Russia"),
        "  " + BASE.replace(" ", "  ") + "  ",
        BASE.replace("Iran is", "\uff29ran is"),  # full-width letter: NFKC
    ],
)
def test_cosmetic_variants_are_exact_duplicates(variant: str) -> None:
    match, _ = explain(BASE, variant)
    assert match is not None
    assert (match.kind, match.rule) == (Kind.EXACT, MatchRule.NORMALISED)


def test_hyphen_equals_space_and_thousands_separator_equals_plain_number() -> None:
    a = "The shipment carries 1,000 precision-guided missiles to the front line, officials said."
    b = "The shipment carries 1000 precision guided missiles to the front line, officials said."
    match, _ = explain(a, b)
    assert match is not None and match.kind is Kind.EXACT


def test_identical_sentences_say_so() -> None:
    match, reason = explain(BASE, BASE)
    assert (
        match is not None and match.rule is MatchRule.IDENTICAL and reason == "identical sentence"
    )


@pytest.mark.parametrize(
    ("decoy", "why"),
    [
        (BASE.replace("450", "1,000"), "different numbers"),
        (BASE.replace("450", "451"), "different numbers"),
        (BASE.replace("about 450", "about three"), "different numbers"),
        (BASE.replace("Iran is", "Iran is not"), "different negations"),
        (BASE.replace("Iran is", "Iran isn't"), "different negations"),
        (BASE.replace("Iran is preparing", "Iran is never preparing"), "different negations"),
        (BASE.replace("Iran", "Syria"), "different named entity"),
        (BASE.replace("Russia", "Belarus"), "different named entity"),
        (BASE.replace("Iran is preparing", "Iran may be preparing"), "different hedging"),
        (BASE.replace("send", "sell"), "different wording (send / sell)"),
        (BASE.replace("drones", "missiles"), "different wording (drones / missiles)"),
    ],
)
def test_decoys_never_merge(decoy: str, why: str) -> None:
    match, reason = explain(BASE, decoy)
    assert match is None
    assert reason == why


def test_unlikely_is_a_negation_of_likely() -> None:
    a = "Analysts say the drones are likely to change the course of the war this winter."
    match, reason = explain(a, a.replace("likely", "unlikely"))
    assert match is None and reason == "different negations"


def test_negation_in_a_different_form_is_the_same_negation() -> None:
    a = "Analysts say the drones are not likely to change the course of the war this winter."
    b = "Analysts say the drones aren't likely to change the course of the war this winter."
    # "are not" vs "aren't": the same words once the contraction is written out
    match, _ = explain(a, b)
    assert match is not None and match.kind is Kind.EXACT


@pytest.mark.parametrize(
    "near",
    [
        BASE.replace("officials said", "officials have said"),
        BASE.replace("about 450", "roughly 450"),
        BASE.replace("for use in", "to use in"),
        BASE.replace("preparing", "quietly preparing"),
    ],
)
def test_near_duplicates_merge_with_score_and_reason(near: str) -> None:
    match, reason = explain(BASE, near)
    assert match is not None
    assert match.kind is Kind.NEAR and match.rule is MatchRule.SIMILAR
    assert 90 <= match.score <= 100  # 100: a synonym or a dropped attribution reconciled
    assert reason.startswith(f"similarity {match.score:.1f}")


def test_threshold_is_configurable() -> None:
    near = BASE.replace("preparing", "quietly preparing")
    match, _ = explain(BASE, near)
    assert match is not None
    assert explain(BASE, near, threshold=match.score + 0.5)[0] is None
    assert explain(BASE, near, threshold=match.score - 0.5)[0] is not None


def test_short_sentences_are_only_exact_duplicates() -> None:
    assert explain("Prices rose in May.", "Prices rose in June.")[0] is None
    assert explain("Prices rose in May.", "prices rose in may")[0] is not None


def test_empty_sentences_are_not_duplicates() -> None:
    assert find_duplicates(["", " ", "--"]) == []


def test_an_added_weekday_is_a_detail_but_a_different_one_is_a_different_claim() -> None:
    base = (
        "The shipment is being closely monitored because it would be the first instance of "
        "Iran sending advanced missiles to Russia, officials said."
    )
    dated = base.replace("officials said.", "officials said on Tuesday.")
    match, _ = explain(base, dated)
    assert match is not None and match.kind is Kind.NEAR
    match, why = explain(dated, dated.replace("Tuesday", "Monday"))
    assert match is None and why == "different date (tuesday / monday)"
