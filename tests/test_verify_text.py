"""Main-text extraction and quote matching."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimkit.verify.extract import main_text
from claimkit.verify.match import FOUND_THRESHOLD, PARTLY_THRESHOLD, match, score
from claimkit.verify.model import MatchKind
from verify_server import ARTICLE_HTML, ARTICLE_SENTENCES, OTHER_HTML, SEED, seed_page

IMPLEMENTATIONS = pytest.mark.parametrize("extract", [main_text], ids=["lxml"])


@IMPLEMENTATIONS
def test_extraction_drops_chrome_and_keeps_the_story(extract: Callable[[str], str]) -> None:
    text = extract(ARTICLE_HTML)
    for sentence in ARTICLE_SENTENCES:
        assert sentence.split(" ")[3] in text
    for junk in (
        "Skip to content",
        "Shipping rates fell sharply",  # navigation
        "independent shipping news",  # header
        "Share on social media",  # share bar
        "Port strikes in Europe",  # related aside
        "Please enter your comment",  # comment form
        "All rights reserved",  # footer
        "window.analytics",  # script
        "font-family",  # style
    ):
        assert junk not in text, junk


@IMPLEMENTATIONS
def test_blocks_do_not_glue_together(extract: Callable[[str], str]) -> None:
    text = extract("<div><p>First one.</p><p>Second one.</p></div>" * 1)
    assert text == "First one.\nSecond one."


@IMPLEMENTATIONS
def test_entities_are_decoded(extract: Callable[[str], str]) -> None:
    assert "Canal\u2019s Locks" in extract(ARTICLE_HTML)


@IMPLEMENTATIONS
def test_without_article_or_main_the_body_is_used(extract: Callable[[str], str]) -> None:
    page = "<html><body><nav>Menu</nav><div><p>Only text here.</p></div></body></html>"
    assert extract(page) == "Only text here."


@IMPLEMENTATIONS
def test_nested_dropped_elements_end_at_the_right_tag(extract: Callable[[str], str]) -> None:
    page = "<div><nav><div><nav>in</nav>still in</div></nav><p>out</p></div>"
    assert extract(page) == "out"


@IMPLEMENTATIONS
def test_broken_markup_does_not_crash(extract: Callable[[str], str]) -> None:
    assert "text" in extract("<p>text <b>bold <i>unclosed </div></span>")


def test_sentences_are_found() -> None:
    page = main_text(ARTICLE_HTML)
    for sentence in ARTICLE_SENTENCES:
        result = match(sentence, page)
        assert result.kind is MatchKind.FOUND
        assert result.score == 100.0


def test_extraction_damage_still_matches() -> None:
    page = main_text(ARTICLE_HTML)
    damaged = (
        "The canals managers have asked shippers to book slots earlier and to carry "
        "lighter loads, andthey are studying a new reservoir"
    )
    assert match(damaged, page).kind is MatchKind.FOUND


def test_a_reworded_quote_is_partly_found() -> None:
    page = main_text(ARTICLE_HTML)
    reworded = (
        "Officials at the canal authority reduced daily crossings from 36 to 24 after "
        "the lake feeding the locks dropped to its lowest level in decades."
    )
    result = match(reworded, page)
    assert result.kind is MatchKind.PARTLY_FOUND, result
    assert result.score is not None and PARTLY_THRESHOLD <= result.score < FOUND_THRESHOLD


def test_a_quote_from_elsewhere_is_not_found() -> None:
    for sentence in ARTICLE_SENTENCES:
        result = match(sentence, main_text(OTHER_HTML))
        assert result.kind is MatchKind.NOT_FOUND, result


def test_a_sentence_in_navigation_only_is_not_found() -> None:
    nav_only = "Shipping rates fell sharply across the Pacific this quarter"
    assert match(nav_only, main_text(ARTICLE_HTML)).kind is MatchKind.NOT_FOUND


def test_no_page_text_is_unchecked() -> None:
    assert match("anything", None).kind is MatchKind.UNCHECKED


def test_a_short_page_does_not_match_inside_a_long_quote() -> None:
    assert score("The canal is running at two thirds of its usual capacity.", "canal") < 50


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not present")
def test_seed_article_sentences_are_found() -> None:
    page_html = seed_page()
    assert page_html is not None
    page = main_text(page_html)
    assert "Please enter your" not in page
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if len(p) > 200]
    assert paragraphs
    for paragraph in paragraphs:
        first = paragraph.split(". ")[0] + "."
        assert match(first, page).kind is MatchKind.FOUND, first
        # The pipeline's damage: apostrophes lost, words glued.
        damaged = first.replace("\u2019", "").replace(" and ", " and", 1)
        assert match(damaged, page).kind is MatchKind.FOUND, damaged


def test_comments_and_hidden_elements_are_not_text() -> None:
    page = "<p>one<!-- hidden note --> two</p><div hidden>secret</div>"
    assert main_text(page) == "one two"
