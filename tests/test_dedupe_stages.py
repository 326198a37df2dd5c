"""The judge's features are built in stages; each stage must read what the whole would.

The closed classes (numbers, negations, hedges) come from the bare words, before the words
with their capitals and pauses are built: a pair they tell apart is never read further.
That is only sound while the two readings agree, for every sentence.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.dedupe.features import Features, closed_classes, tokens, words
from claimkit.dedupe.judge import judge

# Pieces that exercise the readings: number words and digits in every form, contractions,
# "cannot", glued sentences, quotes, lead-ins, attributions, dashes, thousands separators.
PIECES = [
    "twenty", "five", "twenty-five", "one", "Nine", "hundreds", "dozen", "half", "1,000",
    "1 000", "3.5", "450km", "3rd", "$293,", "$233", "10%", "can't", "cannot", "Cannot",
    "isn't", "won't", "not", "never", "may", "might", "could", "can", "likely", "unlikely",
    "reportedly", "Iran", "said.", "officials", "\u201cquote\u201d", "(US)", "U.S.", "cap....The",
    "level.", "Context:", "Update \u2014", "last", "week", "ahead", "of", "more", "than", "--",
    "\u2014", "it's", "they're", "F-16", "COVID-19", "9/11", "zero", "thousand", "million",
]  # fmt: skip

sentences = st.lists(st.sampled_from(PIECES) | st.text(min_size=1, max_size=8), max_size=14).map(
    " ".join
)


@settings(max_examples=400)
@given(sentences)
def test_the_bare_words_are_the_tokens_words(sentence: str) -> None:
    assert words(sentence) == [t.word for t in tokens(sentence)]


@settings(max_examples=400)
@given(sentences)
def test_closed_classes_from_the_bare_words_are_those_of_the_full_tokens(sentence: str) -> None:
    features = Features(sentence)
    assert features.closed == closed_classes([t.word for t in features.full])


@settings(max_examples=200)
@given(sentences, sentences)
def test_an_unscored_verdict_is_the_scored_one_without_its_score(a: str, b: str) -> None:
    scored, quick = judge(Features(a), Features(b)), judge(Features(a), Features(b), False)
    assert quick.blocked == scored.blocked
    if quick.blocked is None or not quick.blocked.startswith("different "):
        assert quick.score == scored.score


def test_stages_are_built_only_when_asked() -> None:
    features = Features("The new pipeline will not open before 2024, analysts said.")
    assert features.closed.numbers == (("2024", 1),)
    assert features.closed.negations == (("not", 1),)
    assert features._full is None and not features._looked  # nothing read word by word yet
    assert features.body is not None and [t.word for t in features.body][:3] == [
        "the",
        "new",
        "pipeline",
    ]
