"""CK601 unsupported-number: every figure a summary states must be in the claims it cites.

All prose here is our own. A summary is written on line 6 (the less-detailed level); the
other levels cite without stating figures.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import Explainer, Row, cite
from claimkit.model import Claim
from conftest import Run, lint_text, write

LINE = 6  # the less-detailed level's body


def explainer(summary: str, *claims: str | tuple[str, str], date: str = "Nov 2nd, 2022") -> str:
    """An explainer whose first level is ``summary``; a claim: a sentence or (sentence, context)."""
    rows = []
    for number, claim in enumerate(claims, start=1):
        sentence, context = claim if isinstance(claim, tuple) else (claim, None)
        rows.append(Row(str(number), sentence, context=context, date=date))
    plain = f"The claims say so {cite(*(row.id for row in rows))}."
    return Explainer(
        levels={"less-detailed": summary, "summary": plain, "more-detailed": plain}, rows=rows
    ).text()


def reported(text: str) -> list[str]:
    """The figures CK601 reports, as written."""
    found = []
    for diagnostic in lint_text(text, "CK601"):
        assert diagnostic.message.startswith('"')
        found.append(diagnostic.message.split('"')[1])
    return found


def test_message_position_and_end() -> None:
    summary = f"The ministry counted 450 drones last month {cite('3')}."
    text = explainer(
        summary, "Talks resumed.", "Nothing moved.", "The ministry counted 45 drones last month."
    )
    [diagnostic] = lint_text(text, "CK601")
    assert diagnostic.message == '"450" is in none of the claims this sentence cites (3)'
    assert diagnostic.severity.name == "WARNING" and diagnostic.name == "unsupported-number"
    column = summary.index("450") + 1
    assert (diagnostic.line, diagnostic.column) == (LINE, column)
    assert (diagnostic.end_line, diagnostic.end_column) == (LINE, column + 3)


def test_several_cited_claims_are_named_in_order() -> None:
    summary = f"Exports reached 900 tonnes {cite('2', '1')}."
    text = explainer(summary, "Exports reached 800 tonnes.", "Imports were 300 tonnes.")
    [diagnostic] = lint_text(text, "CK601")
    assert diagnostic.message.endswith("cites (2, 1)")


# (summary figure, claim sentence): the claim supports the figure by value and unit.
SUPPORTED = [
    ("1,200 workers", "The plant employs 1200 workers."),
    ("2.5 million tonnes", "Output was 2,500,000 tonnes."),
    ("1.2 million people", "Some 1,200,000 people were displaced."),
    ("$2 billion", "The loan is worth 2 billion dollars."),
    ("€60 a month", "Fees rose to 60 euros a month."),
    ("£1.5bn", "The fund holds £1.5 billion."),
    ("12 million barrels", "Output hit 12m barrels."),
    ("1.5 degrees of warming", "The 1.5C goal is slipping away."),
    ("40% of households", "About 40 percent of households lost power."),
    ("40 percent of households", "Power cuts hit 40% of households."),
    ("nine villages", "Floods reached 9 villages."),
    ("9 villages", "Floods reached nine villages."),
    ("a dozen ships", "The port turned away 12 ships."),
    ("twenty-five trucks", "Guards stopped 25 trucks."),
    ("one hundred billion dollars", "Aid now totals $100 billion."),
    ("two-thirds of voters", "Two-thirds of voters backed the plan."),
    ("a two-decade dispute", "The 20-year dispute ended."),
    ("the 17th session", "The 17 sessions were held in Geneva."),
]


@pytest.mark.parametrize(("figure", "claim"), SUPPORTED)
def test_supported_by_value_and_unit(figure: str, claim: str) -> None:
    text = explainer(f"Reports mention {figure} this year {cite('1')}.", claim)
    assert reported(text) == []


# (summary figure, claim sentence, what is reported)
UNSUPPORTED = [
    ("1,300 workers", "The plant employs 1200 workers.", "1,300"),
    ("2.6 million tonnes", "Output was 2,500,000 tonnes.", "2.6 million"),
    ("$3 billion", "The loan is worth 2 billion dollars.", "$3 billion"),
    ("€70 a month", "Fees rose to 60 euros a month.", "€70"),
    ("45% of households", "About 40 percent of households lost power.", "45%"),
    ("seven villages", "Floods reached 9 villages.", "seven"),
    ("a dozen ships", "The port turned away 10 ships.", "a dozen"),
    ("$2 billion", "The loan is worth 2 billion euros.", "$2 billion"),
    ("40% of households", "Power cuts hit 40 households.", None),  # a bare 40 may be either
]


@pytest.mark.parametrize(("figure", "claim", "expected"), UNSUPPORTED)
def test_unsupported_figures(figure: str, claim: str, expected: str | None) -> None:
    text = explainer(f"Reports mention {figure} this year {cite('1')}.", claim)
    assert reported(text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("figure", "claim", "expected"),
    [
        ("nearly $2 billion", "The deal is worth $1.85 billion.", None),
        ("over 3,000 troops", "Officials counted 3,090 troops.", None),
        ("more than 1,300 arrests", "Police reported 1,311 arrests.", None),
        ("about 40% of the grid", "Some 38% of the grid was damaged.", None),
        ("roughly 1.9 billion", "Losses reached 1.85 billion.", None),
        ("at least 70 missiles", "Russia fired 76 missiles.", None),
        ("more than 1,300 arrests", "Police reported 1,250 arrests.", "1,300"),  # wrong side
        ("nearly $2 billion", "The deal is worth $2.3 billion.", "$2 billion"),  # wrong side
        ("over 3,000 troops", "Officials counted 4,200 troops.", "3,000"),  # rounds to 4,000
        ("about 40% of the grid", "Some 52% of the grid was damaged.", "40%"),
        # Years and days back only the same number: 2022 is not "over 2,000" troops.
        ("over 2,000 troops", "In 2022 officials counted 3,090 troops.", "2,000"),
        ("about 20 tanks", "On December 17 the army lost 9 tanks.", "20"),
    ],
)
def test_hedged_figures(figure: str, claim: str, expected: str | None) -> None:
    # The report names the figure, not its hedge.
    text = explainer(f"The report cites {figure} in all {cite('1')}.", claim)
    assert reported(text) == ([expected] if expected else [])


@pytest.mark.parametrize(
    "name",
    [
        "COVID-19",
        "F-16 jets",
        "Shahed-136 drones",
        "S-300 batteries",
        "the G7",
        "resolution 2233",
        "Article 5",
        "Highway 1",
        "the Nord Stream 2 pipeline",
        "the 93rd Brigade",
        "Chapter 11",
        "MiG-29 fighters",
        "the 9/11 attacks",
        "5G networks",
        "H.R. 2617",
        "the Leopard 2A6 tank",
        "Boeing 737 jets",
        "the 24th Mechanized Brigade",
    ],
)
def test_names_and_identifiers_are_not_figures(name: str) -> None:
    text = explainer(f"The debate turned to {name} again {cite('1')}.", "The debate went on.")
    assert reported(text) == []


@pytest.mark.parametrize(
    ("date", "claim", "source_date", "supported"),
    [
        ("on December 17, 2022", "The strike came on Dec. 17, 2022.", "Dec 20th, 2022", True),
        ("on Dec. 17", "The strike came on 17 December.", "Dec 20th, 2022", True),
        ("on 17 December", "The strike came on December 17th.", "Dec 20th, 2022", True),
        ("on December 17", "The strike came overnight.", "Dec 17th, 2022", True),  # source date
        ("on December 16", "The strike came on Friday.", "Dec 17th, 2022", True),  # a weekday
        ("on December 19", "The strike came overnight.", "Dec 17th, 2022", False),
        ("on Dec. 18", "The strike came on 17 December.", "Dec 20th, 2022", False),
        ("in mid-December", "The strike came on December 5.", "Jan 3rd, 2023", True),
        ("in mid-December", "The strike came in the autumn.", "Nov 3rd, 2022", False),
        ("in February 2022", "The invasion began on February 24, 2022.", "Mar 1st, 2022", True),
        ("in February 2021", "The invasion began on February 24.", "Dec 1st, 2022", False),
        ("in February 2023", "It began on February 24, 2022.", "Jan 9th, 2023", False),
        ("in January 2023", "It began on February 24, 2022.", "Jan 9th, 2023", True),
        ("in 2022", "The strike came overnight.", "Dec 17th, 2022", True),  # source date's year
        ("in 2019", "The strike came overnight.", "Dec 17th, 2022", False),
        ("by mid-2023", "Repairs will take until 2023.", "Dec 17th, 2022", True),
        ("on 8 December", "Talks were held on December 7 and 8.", "Dec 20th, 2022", True),
        ("on December 9", "Talks were held on 7-8 December.", "Dec 20th, 2022", False),
        ("by mid-2024", "Repairs will take until 2023.", "Dec 17th, 2022", False),
    ],
)
def test_dates_against_evidence_and_source_dates(
    date: str, claim: str, source_date: str, supported: bool
) -> None:
    text = explainer(f"Kyiv was hit {date} {cite('1')}.", claim, date=source_date)
    found = reported(text)
    assert (found == []) is supported, found
    if not supported:
        assert len(found) == 1 and found[0] in date


def test_a_sentence_without_citation_borrows_the_next_cited_one() -> None:
    summary = (
        "The port handled 450 ships. Congestion then eased. Fees stayed at $60 "
        f"{cite('1')}. Exports grew 9% {cite('2')}."
    )
    claims = ("The port handled 450 ships and fees stayed at $60.", "Exports grew 9%.")
    assert reported(explainer(summary, *claims)) == []
    # The borrowed group is the next *cited* sentence's, not the last one's.
    wrong = summary.replace("450", "460")
    assert reported(explainer(wrong, *claims)) == ["460"]
    [diagnostic] = lint_text(explainer(wrong, *claims), "CK601")
    assert diagnostic.message.endswith("cites (1)")


def test_borrowing_stops_at_a_paragraph_break() -> None:
    claims = ("Exports grew 9%.",)
    for gap in ("<br/><br/>", "\n\n"):
        summary = f"The port handled 460 ships.{gap}Exports grew 9% {cite('1')}."
        # No cited sentence follows in its own paragraph: no evidence, not CK601's business.
        assert reported(explainer(summary, *claims)) == []
        summary = f"Fees rose to $61. The port handled 460 ships {cite('1')}.{gap}Nothing."
        assert reported(explainer(summary, *claims)) == ["$61", "460"]


def test_a_group_after_the_full_stop_belongs_to_the_sentence_before() -> None:
    summary = f"Exports grew 9%. {cite('1')} Imports fell 4%. {cite('2')}"
    claims = ("Exports grew 9% in May.", "Imports fell 4% in May.")
    assert reported(explainer(summary, *claims)) == []
    swapped = f"Exports grew 9%. {cite('2')} Imports fell 4%. {cite('1')}"
    assert reported(explainer(swapped, *claims)) == ["9%", "4%"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. sent 31 tanks",
        "On Dec. 17 the U.K. sent 31 tanks",
        "Gen. Smith said No. 2 battalion had 31 tanks",
        "John F. Kennedy once had 3.5 percent and 31 tanks",
    ],
)
def test_abbreviations_decimals_and_initials_do_not_split(sentence: str) -> None:
    # Were the sentence split at a full stop inside it, the part before would borrow no group
    # (nothing cited follows in its paragraph) and its figure would go unchecked.
    summary = f"{sentence.replace('31', '32')} {cite('1')}."
    claim = f"{sentence}, officials said on Dec. 17, 2022 (3.5 percent)."
    assert reported(explainer(summary, claim)) == ["32"]


def test_no_evidence_no_finding() -> None:
    # Uncited sentences and dangling citations are other rules' business.
    summary = 'The port handled 460 ships [<a href="#9">9</a>]. Fees rose to $61.'
    assert reported(explainer(summary, "Exports grew 9%.")) == []


def test_one_is_seldom_a_figure() -> None:
    text = explainer(f"It was one of the largest strikes, and no one left {cite('1')}.", "A raid.")
    assert reported(text) == []


def test_suppression_comment(tmp_path: Path) -> None:
    summary = f"The ministry counted 450 drones {cite('1')}."
    text = explainer(summary, "The ministry counted 45 drones.")
    assert reported(text) == ["450"]
    suppressed = text.replace(
        "<template v-slot:less-detailed>\n",
        "<template v-slot:less-detailed>\n<!-- claimkit-disable-next-line CK601 -->\n",
    )
    assert reported(suppressed) == []


def test_every_output_format(cli: object, tmp_path: Path) -> None:
    summary = f"The ministry counted 450 drones {cite('1')}."
    write(tmp_path / "doc.md", explainer(summary, "The ministry counted 45 drones."))
    run: Run = cli("lint", "--select", "CK601", "--format", "json", "doc.md")  # type: ignore[operator]
    [item] = json.loads(run.stdout)
    assert item["code"] == "CK601" and item["line"] == LINE
    assert item["column"] == summary.index("450") + 1
    assert item["end_column"] == item["column"] + 3
    for fmt in ("text", "github", "sarif", "junit"):
        run = cli("lint", "--select", "CK601", "--format", fmt, "doc.md")  # type: ignore[operator]
        assert run.code == 1 and "450" in run.stdout, fmt


# The property: a supported figure changed to a value the document never holds is reported,
# once, at that figure.
FIGURE_FORMS = st.sampled_from(
    ["{n} ships", "{n}% of ships", "${n} million", "more than {n} ships", "about {n} ships"]
)


@settings(max_examples=60, deadline=None)
@given(
    form=FIGURE_FORMS,
    old=st.integers(min_value=2, max_value=9_999),
    new=st.integers(min_value=2, max_value=9_999),
    other=st.integers(min_value=2, max_value=9_999),
)
def test_property_changed_figure_is_reported_once(
    form: str, old: int, new: int, other: int
) -> None:
    claims = (
        f"Canal officials said {form.format(n=f'{old:,}')} passed in March.",
        f"Another {other} boats waited at anchor.",
    )
    before = f"Officials said {form.format(n=f'{old:,}')} passed {cite('1', '2')}."
    assert reported(explainer(before, *claims)) == []
    changed = before.replace(f"{old:,}", f"{new:,}", 1)
    # Every value the document holds outside the summary (claims, source cells, URLs): the
    # changed figure must be none of them and round to none of them.
    rest = explainer("No figures here.", *claims)
    held = {int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\d|\d", rest)}
    step = 10 ** (len(str(new)) - len(str(new).rstrip("0")))
    if any(abs(value - new) < step for value in held):
        return
    diagnostics = lint_text(explainer(changed, *claims), "CK601")
    column = changed.index(f"{new:,}") + 1 - (1 if form.startswith("$") else 0)
    assert [(d.line, d.column) for d in diagnostics] == [(LINE, column)]


# The quick looks at a claim (substring searches) must agree with reading its figures in
# full: never rule out a claim that supports the figure, never settle one that does not.
SPELLINGS = st.sampled_from(
    [
        "{n}",
        "{c}",
        "about {n}",
        "nearly {n}",
        "more than {c}",
        "{n} million",
        "${d} billion",
        "{d} percent",
        "{w}",
        "{w} hundred",
        "a dozen",
        "{d}bn",
    ]
)
WORD_VALUES = {"two": 2, "nine": 9, "twelve": 12, "forty": 40, "ninety": 90}


@settings(max_examples=300, deadline=None)
@given(
    stated=SPELLINGS,
    held=SPELLINGS,
    n=st.integers(min_value=1, max_value=99_999),
    m=st.integers(min_value=1, max_value=99_999),
    d=st.sampled_from(["1.85", "1.9", "2", "0.5", "12.5", "40"]),
    e=st.sampled_from(["1.85", "1.9", "2", "0.5", "12.5", "40"]),
    w=st.sampled_from(sorted(WORD_VALUES)),
    v=st.sampled_from(sorted(WORD_VALUES)),
    near=st.sampled_from([None, 0, 1, -1, 7, 30, -30, 90]),
)
def test_property_quick_look_never_rules_out_support(
    stated: str, held: str, n: int, m: int, d: str, e: str, w: str, v: str, near: int | None
) -> None:
    if near is not None:
        m = max(1, n + near)  # close figures: where rounding and hedges decide
    from claimkit.model import Field
    from claimkit.summary.evidence import ClaimText
    from claimkit.text.numbers import quantities

    summary = "Officials counted " + stated.format(n=n, c=f"{n:,}", d=d, w=w) + " ships."
    claim_text = "Officials counted " + held.format(n=m, c=f"{m:,}", d=e, w=v) + " ships."
    figures = quantities(summary)
    claim = parse_text_claim(claim_text)
    text = ClaimText(claim._replace(sentence=Field(claim_text, None)))
    for figure in figures:
        supported = text.read().supports(figure)
        if supported:
            assert text.may_support(figure), (summary, claim_text)
            SUPPORTED_SEEN.append(1)
        # And the verbatim look only ever settles what the full reading would.
        if text.states(summary[figure.start : figure.end]):
            assert supported, (summary, claim_text)


SUPPORTED_SEEN: list[int] = []


def test_the_quick_look_property_saw_supported_figures() -> None:
    # Runs after the property (file order): it must have met real support, not only misses.
    assert len(SUPPORTED_SEEN) >= 20


def parse_text_claim(sentence: str) -> Claim:
    from claimkit.parse import parse_text

    document = parse_text(explainer(f"x {cite('1')}.", sentence), "doc.md")
    return document.claims[0]


def test_the_kinds_of_error_the_issue_names() -> None:
    # In our own words: counts none of the cited claims holds, and a date no claim gives.
    rescued = explainer(
        f"Rescuers reported 35 people, including six children, being saved {cite('1', '2')}.",
        "Rescuers pulled 14 people from the rubble.",
        "At least 64 people were treated in hospital.",
        date="Dec 16th, 2022",
    )
    assert reported(rescued) == ["35", "six"]
    barrage = explainer(
        f"With over 120 missiles fired, it was the largest barrage, as reported on December 17"
        f" {cite('1')}.",
        "Russia fired more than 70 missiles at the grid on Friday, officials said.",
        date="Dec 16th, 2022",
    )
    assert reported(barrage) == ["120", "December 17"]
