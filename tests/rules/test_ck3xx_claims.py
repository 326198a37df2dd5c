"""CK302, CK303: the claim's own text."""

from __future__ import annotations

from builder import standard
from conftest import found, lint_text


def test_ck302_sentence_not_in_context() -> None:
    doc = standard(2)
    doc.rows[1].context = "Rainfall was low all year. Farmers were asked to save water."
    assert found(doc.text()) == [("CK302", 20)]
    assert "claim 2" in lint_text(doc.text())[0].message


def test_ck302_tolerates_extraction_damage_and_typography() -> None:
    doc = standard(3)
    doc.rows[
        0
    ].sentence = "Iran\u2019s \u201cprecision-guided\u201d missiles arrived andmore followed."
    doc.rows[
        0
    ].context = (
        'Before that. Irans "precision guided" missiles arrived and more followed. After that.'
    )
    doc.rows[1].sentence = "Exports fell by 1,000 tonnes &amp; prices rose."
    doc.rows[1].context = "Exports fell by 1000 tonnes & prices rose, traders said."
    doc.rows[2].sentence = "The port handled 450 ships in October, officials said."
    doc.rows[2].context = "The port handled 450 ship in October, officials said on Monday."
    assert found(doc.text()) == []


def test_ck302_number_changed_is_reported() -> None:
    doc = standard(1)
    doc.rows[0].sentence = "The authority cut daily transits from 36 to 24 after the drought."
    doc.rows[0].context = (
        "Rain was scarce. The authority cut daily transits from 36 to 31 "
        "after the drought of 2019 and again in 2023 for other reasons."
    )
    # One changed digit in a long sentence still aligns closely; the threshold is about
    # different sentences, not single digits (that is what dedupe's guards are for).
    assert found(doc.text(), "CK302") == []
    doc.rows[0].context = "Rain was scarce. Shipping lines reported long queues at both ends."
    assert found(doc.text(), "CK302") == [("CK302", 19)]


def test_ck303_empty_sentence_and_no_ck302() -> None:
    doc = standard(2)
    doc.rows[1].sentence = ""
    assert found(doc.text()) == [("CK303", 20)]


def test_ck303_empty_context() -> None:
    doc = standard(2)
    doc.rows[1].context = "  "
    assert found(doc.text()) == [("CK303", 20)]


def test_ck302_context_shorter_than_the_sentence() -> None:
    # A fragment of the sentence is not the passage it was quoted from.
    doc = standard(1)
    doc.rows[0].context = "expects 100 more ships"
    assert found(doc.text()) == [("CK302", 19)]
