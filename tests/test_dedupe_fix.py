"""The dedupe fix: rows removed, citations repointed and collapsed, IDs renumbered, nothing else."""

from __future__ import annotations

import re

import pytest

from builder import Explainer, Row, cite
from claimkit.dedupe.plan import plan
from claimkit.parse import parse_text
from dedupe_support import groups, links, rows, seed_text

SEED_MAPPING = {
    "1": "1", "2": "1", "3": "2", "4": "3", "5": "4",
    "6": "5", "7": "1", "8": "6", "9": "7", "10": "8",
}  # fmt: skip


def fixed(text: str, **options: object) -> str:
    return plan(parse_text(text), **options).new_text()  # type: ignore[arg-type]


def test_seed_keeps_eight_claims_with_the_expected_mapping() -> None:
    text = seed_text()
    result = plan(parse_text(text))
    assert result.mapping == SEED_MAPPING
    assert [(d.claim.id, d.kept.id) for d in result.removed] == [("2", "1"), ("7", "1")]
    new = result.new_text()

    # claimkit's own parser ...
    document = parse_text(new)
    assert [c.id for c in document.claims] == [str(i) for i in range(1, 9)]
    assert {c.target for c in document.citations} <= {c.id for c in document.claims}
    # ... and an independent regex reading agree.
    found = rows(new)
    assert [(i, label) for i, label, _ in found] == [(str(i), str(i)) for i in range(1, 9)]
    old_rows = rows(text)
    assert [s for _, _, s in found] == [s for i, _, s in old_rows if i not in {"2", "7"}]
    assert all(target == label for target, label in links(new))
    assert {t for t, _ in links(new)} <= {str(i) for i in range(1, 9)}
    # Every old citation now points where the mapping says, group by group.
    expected = []
    for group in groups(text):
        seen: list[str] = []
        for target in group:
            if SEED_MAPPING[target] not in seen:
                seen.append(SEED_MAPPING[target])
        expected.append(seen)
    assert groups(new) == expected
    assert ["1"] in groups(new) and ["3", "4"] in groups(new)


def _masked(text: str) -> list[str]:
    """Lines with every citation group and row anchor blanked: what the fix must not touch."""
    text = GROUP_RE.sub("[GROUP]", text)
    text = ANCHOR_RE.sub("<ANCHOR>", text)
    return text.splitlines(keepends=True)


GROUP_RE = re.compile(r"\[<a href=\"#[^\]]*</a>\]")
ANCHOR_RE = re.compile(r'<font id="\d+" color=#FF3399>\[\d+\]</font>')


def test_seed_fix_changes_only_the_affected_spans() -> None:
    text = seed_text()
    new = fixed(text)
    old_lines = _masked(text)
    removed_lines = {19, 24}  # 0-based: the rows of claims 2 and 7 (lines 20 and 25)
    assert _masked(new) == [line for i, line in enumerate(old_lines) if i not in removed_lines]


def test_fix_is_idempotent_on_the_seed() -> None:
    once = fixed(seed_text())
    assert not plan(parse_text(once)).changed
    assert fixed(once) == once


SENTENCE = "The port authority expects 120 more container ships a month by 2030, officials said."
OTHER = "Dredging of the northern channel will finish in March, the engineers told reporters."
THIRD = "Insurance costs for tankers crossing the strait doubled after the 14 May incident."


def test_group_collapse_keeps_order_and_formatting() -> None:
    rows_ = [Row("1", SENTENCE), Row("2", SENTENCE), Row("3", OTHER)]
    levels = {
        "summary": f"A {cite('3', '1', '2')} B {cite('1', '2', '3')} C {cite('2')} D",
    }
    text = Explainer(levels=levels, rows=rows_).text()
    new = fixed(text)
    assert groups(new) == [["2", "1"], ["1", "2"], ["1"]]
    assert f"A {cite('2', '1')} B {cite('1', '2')} C {cite('1')} D" in new


def test_no_renumber_keeps_old_ids() -> None:
    rows_ = [Row("1", SENTENCE), Row("2", SENTENCE), Row("3", OTHER)]
    text = Explainer(levels={"summary": f"A {cite('1', '2', '3')}"}, rows=rows_).text()
    result = plan(parse_text(text), renumber=False)
    new = result.new_text()
    assert [i for i, _, _ in rows(new)] == ["1", "3"]
    assert groups(new) == [["1", "3"]]
    assert result.mapping == {"1": "1", "2": "1", "3": "3"}


def test_uncited_duplicate_is_never_removed() -> None:
    rows_ = [Row("1", SENTENCE), Row("2", SENTENCE), Row("3", OTHER)]
    text = Explainer(levels={"summary": f"A {cite('1', '3')}"}, rows=rows_).text()
    result = plan(parse_text(text))
    assert [d.claim.id for d in result.uncited] == ["2"]
    assert not result.changed and result.new_text() == text


def test_near_duplicates_only_with_unsafe_fixes() -> None:
    near = SENTENCE.replace("expects", "still expects")
    rows_ = [Row("1", SENTENCE), Row("2", near), Row("3", OTHER)]
    text = Explainer(levels={"summary": f"A {cite('1', '2', '3')}"}, rows=rows_).text()
    safe = plan(parse_text(text))
    assert not safe.changed and [d.claim.id for d in safe.held_back] == ["2"]
    unsafe = plan(parse_text(text), unsafe=True)
    assert [d.claim.id for d in unsafe.removed] == ["2"]
    assert [s for _, _, s in rows(unsafe.new_text())] == [SENTENCE, OTHER]


@pytest.mark.parametrize(("newline", "bom"), [("\r\n", False), ("\n", True), ("\r\n", True)])
def test_line_endings_and_bom_are_kept(newline: str, bom: bool) -> None:
    def build(rows_: list[Row], levels: dict[str, str]) -> str:
        return Explainer(levels=levels, rows=rows_, newline=newline, bom=bom).text()

    before = build(
        [Row("1", SENTENCE), Row("2", OTHER), Row("3", SENTENCE.lower()), Row("4", THIRD)],
        {"summary": f"A {cite('1', '2', '3')} B {cite('3', '4')}"},
    )
    after = build(
        [Row("1", SENTENCE), Row("2", OTHER), Row("3", THIRD)],
        {"summary": f"A {cite('1', '2')} B {cite('1', '3')}"},
    )
    document = parse_text(before.removeprefix("\ufeff"), bom=bom)
    result = plan(document)
    from claimkit.fix.write import encode

    assert encode(document, result.new_text()) == after.encode("utf-8")


def test_last_row_without_final_newline() -> None:
    rows_ = [Row("1", SENTENCE), Row("2", OTHER), Row("3", SENTENCE)]
    text = Explainer(levels={"summary": f"A {cite('1', '2', '3')}"}, rows=rows_).text()
    text = text.rstrip("\n")
    new = fixed(text)
    assert new.endswith(rows_[1].line())
    assert [s for _, _, s in rows(new)] == [SENTENCE, OTHER]
