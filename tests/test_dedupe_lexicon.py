"""The lexicon: WordNet read in place from an installed package, offline, only when needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import standard
from claimkit.dedupe import lexicon
from claimkit.dedupe.detect import explain
from conftest import loaded_by_cli


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    for cached in (lexicon._directory, lexicon._file, lexicon._senses, lexicon.base_forms):
        cached.cache_clear()


def test_the_bundled_database_is_found() -> None:
    assert lexicon.available()


@pytest.mark.parametrize(
    ("a", "b"),
    [("began", "started"), ("said", "stated"), ("bought", "purchased"), ("cut", "reduced")],
)
def test_synonyms_in_a_frequent_sense(a: str, b: str) -> None:
    assert lexicon.synonyms(a, b) and lexicon.related(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("rose", "fell"), ("won", "lost"), ("bought", "sold"), ("legal", "illegal"),
     ("increase", "decrease"), ("prosecution", "defence")],
)  # fmt: skip
def test_antonyms_and_no_relation_through_them(a: str, b: str) -> None:
    assert lexicon.antonyms(a, b) and lexicon.antonyms(b, a)
    assert not lexicon.related(a, b) and not lexicon.synonyms(a, b)


def test_inflections_share_a_base_form() -> None:
    assert lexicon.base_forms("began", "v") == {"begin"}
    assert lexicon.same_lemma("says", "said")
    assert not lexicon.same_lemma("says", "sells")


def test_two_dictionary_words_are_no_spelling_variants() -> None:
    assert lexicon.distinct_words("austria", "australia")
    assert not lexicon.distinct_words("modernise", "modernize")
    assert not lexicon.distinct_words("zaporizhzhia", "zaporizhia")  # neither is listed


def test_a_name_only_at_a_sentence_start_is_known_as_a_name() -> None:
    assert lexicon.proper_noun("iran") and not lexicon.proper_noun("sales")


def test_without_the_package_the_lexicon_is_empty_and_the_guards_still_hold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lexicon.importlib.util, "find_spec", lambda name: None)
    for cached in (lexicon._directory, lexicon._file, lexicon.synonyms, lexicon.antonyms):
        cached.cache_clear()
    try:
        assert not lexicon.available()
        assert not lexicon.synonyms("began", "started")
        a = "Grain prices on the regional exchange went up sharply in the week after the deal."
        assert explain(a, a.replace("went up", "went down"))[0] is None  # a closed class
        assert explain(a, a.replace("sharply", "steeply"))[0] is None  # no synonym to allow it
    finally:
        monkeypatch.undo()
        for cached in (lexicon._directory, lexicon._file, lexicon.synonyms, lexicon.antonyms):
            cached.cache_clear()


def test_lint_without_near_candidates_never_loads_the_lexicon(tmp_path: Path) -> None:
    doc = standard(3)
    doc.rows[1].sentence = "Dredging of the northern channel will finish in March next year."
    doc.rows[2].sentence = "Freight rates on the Asia route rose for a third week running."
    (tmp_path / "a.md").write_text(doc.text(), encoding="utf-8")
    judging = ("claimkit.dedupe.lexicon", "claimkit.dedupe.judge", "wn")
    assert loaded_by_cli(judging, "lint", "a.md", cwd=tmp_path) == []
