"""Property: no fix (lint --fix, dedupe --fix) makes a citation cite a different claim.

Generated documents hold dangling citations, repeated IDs, malformed rows and exact
copies of rows. Meaning is read here independently of claimkit (plain regexes over the
rows and links): each citation means the normalised sentence of the row its ID names,
"dangling" when no row has the ID, or every sentence of the rows sharing it.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import Explainer, Row
from claimkit.dedupe.plan import plan
from claimkit.diagnostics import Applicability
from claimkit.engine import LintJob, lint_document
from claimkit.fix.apply import fix_text
from claimkit.parse import parse_text
from claimkit.rules import RULES
from claimkit.text.normalize import normalize
from dedupe_support import groups, rows

SENTENCES = [
    f"Harbour pilots in {place} logged {12 + 9 * i} more night crossings than a year before."
    for i, place in enumerate(["Bergen", "Mombasa", "Valparaiso", "Durban", "Gdansk", "Sfax"])
]
MALFORMED = [
    '|<font id"{id}" color=#FF3399>[{id}]</font> {sentence}|cell|context|',
    "|{sentence}|only two cells|",
    "|<font color=#FF3399>[{id}]</font> {sentence}|cell|Some context.|",
]
Meaning = tuple[str, ...]


def meanings(text: str) -> list[list[Meaning]]:
    """Per citation group (in order), each member's meaning, by regex."""
    by_id: dict[str, list[str]] = {}
    for row_id, _, sentence in rows(text):
        by_id.setdefault(row_id, []).append(normalize(sentence))
    out: list[list[Meaning]] = []
    for group in groups(text):
        members: list[Meaning] = []
        for target in group:
            found = by_id.get(target)
            members.append(("dangling", target) if found is None else tuple(found))
        out.append(members)
    return out


def first_each(items: list[Meaning]) -> list[Meaning]:
    return list(dict.fromkeys(items))


@st.composite
def documents(draw: st.DrawFn) -> str:
    count = draw(st.integers(1, 7))
    table: list[Row] = []
    for position in range(count):
        row_id = draw(st.sampled_from([str(position + 1), str(position + 2), "1", "2", "9"]))
        sentence = draw(st.sampled_from(SENTENCES[:4]))  # few sentences: many exact copies
        if draw(st.integers(0, 5)) == 0:
            pattern = draw(st.sampled_from(MALFORMED))
            table.append(Row(row_id, sentence, raw=pattern.format(id=row_id, sentence=sentence)))
        else:
            table.append(Row(row_id, sentence))
    targets = [str(k) for k in range(1, count + 4)]
    levels = {}
    for level in ("less-detailed", "summary", "more-detailed"):
        parts = []
        for _ in range(draw(st.integers(1, 3))):
            members = draw(st.lists(st.sampled_from(targets), min_size=1, max_size=4))
            links = ", ".join(f'<a href="#{i}">{i}</a>' for i in members)
            parts.append(f"Crossings rose <font color=#FF3399>[{links}]</font>.")
        levels[level] = " ".join(parts)
    return Explainer(levels=levels, rows=table).text()


ERRORS = ("CK004", "CK101", "CK103", "CK106")


def error_counts(text: str) -> dict[str, int]:
    found = lint_document(parse_text(text, "x.md"), LintJob(RULES))
    return {code: sum(1 for d in found if d.code == code) for code in ERRORS}


def assert_same_meanings(before: str, after: str) -> None:
    old, new = meanings(before), meanings(after)
    assert len(old) == len(new)
    for was, now in zip(old, new, strict=True):
        assert len(now) <= len(was)
        assert first_each(now) == first_each(was)
    for code, count in error_counts(after).items():
        assert count <= error_counts(before)[code], code


def lint_fix(text: str, unsafe: bool) -> str:
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    job = LintJob(RULES)
    outcome = fix_text(parse_text(text, "x.md"), lambda d: lint_document(d, job), allowed)
    return outcome.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
def test_dedupe_fix_keeps_what_every_citation_means(text: str, renumber: bool) -> None:
    new = plan(parse_text(text, "x.md"), renumber=renumber).new_text()
    assert_same_meanings(text, new)
    assert plan(parse_text(new, "x.md"), renumber=renumber).new_text() == new


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
def test_lint_fix_keeps_what_every_citation_means(text: str, unsafe: bool) -> None:
    new = lint_fix(text, unsafe)
    assert_same_meanings(text, new)
    assert lint_fix(new, unsafe) == new


def test_the_reported_cases() -> None:
    """The issue's three documents: a dangling #2, a malformed row, a repeated ID."""
    a, b, c = SENTENCES[:3]
    cases = [
        [Row("1", a), Row("3", a), Row("4", b)],  # cites 2: dangling
        [
            Row("1", a),
            Row("2", a),
            Row("3", b, raw=MALFORMED[0].format(id="3", sentence=b)),
            Row("4", c),
        ],
        [Row("1", a), Row("2", b), Row("2", a), Row("3", c)],
    ]
    for table in cases:
        body = (
            "Rates rose <font color=#FF3399>["
            + ", ".join(f'<a href="#{i}">{i}</a>' for i in ("1", "2", "3", "4"))
            + "]</font>."
        )
        levels = {name: body for name in ("less-detailed", "summary", "more-detailed")}
        text = Explainer(levels=levels, rows=table).text()
        new = plan(parse_text(text, "x.md")).new_text()
        assert_same_meanings(text, new)
        assert re.search(r"\[\d\]", new)


def test_dedupe_fix_says_why_it_held_a_file_back(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    a, b = SENTENCES[:2]
    body = 'Rates rose <font color=#FF3399>[<a href="#2">2</a>, <a href="#3">3</a>]</font>.'
    levels = {name: body for name in ("less-detailed", "summary", "more-detailed")}
    text = Explainer(
        levels=levels, rows=[Row("1", a), Row("2", b), Row("2", a), Row("3", a)]
    ).text()
    target = tmp_path / "a.md"
    target.write_text(text, encoding="utf-8")
    result = cli("dedupe", "--fix", "a.md")
    assert (
        "a.md: duplicates not merged: the Claims table repeats a claim ID (CK103)" in result.stderr
    )
    assert result.code == 1 and target.read_text(encoding="utf-8") == text
