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


def _collapse_by_trying_every_run(seg: list[str], other: list[str]) -> list[str]:
    """``_collapse`` as its docstring states it, each run joined and looked up (the judge
    rules runs out by their length first)."""
    from claimkit.dedupe.judge import _NOT_IN_ACRONYMS

    if len(seg) < 2:
        return list(seg)
    place: dict[str, int] = {}
    for at, word in enumerate(other):
        place.setdefault(word, at)
    heads = ["" if w in _NOT_IN_ACRONYMS else w[0] for w in seg]
    out: list[str] = []
    at = 0
    while at < len(seg):
        for end in range(min(len(seg), at + 6), at + 1, -1):
            glued, initials = "".join(seg[at:end]), "".join(heads[at:end])
            forms = (glued, initials) if len(initials) >= 2 else (glued,)
            found = [place[w] for w in forms if w in place]
            if found:
                out.append(other[min(found)])
                at = end
                break
        else:
            out.append(seg[at])
            at += 1
    return out


# Short words that glue into others ("sectionnear", "fbi") and acronym fillers.
_GLUE = ["section", "near", "sectionnear", "f", "b", "i", "fbi", "of", "the", "us", "u", "s",
         "nato", "n", "a", "t", "o", "and", "an", "d", "sa", "ab", "a", "b"]  # fmt: skip
_glue_words = st.lists(st.sampled_from(_GLUE) | st.text("abfinostu", min_size=1, max_size=4))


@settings(max_examples=600)
@given(_glue_words, _glue_words)
def test_runs_ruled_out_by_length_collapse_as_every_run_tried(
    seg: list[str], other: list[str]
) -> None:
    from claimkit.dedupe.judge import _collapse

    assert _collapse(seg, other) == _collapse_by_trying_every_run(seg, other)
