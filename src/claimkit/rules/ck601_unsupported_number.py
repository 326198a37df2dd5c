"""CK601 unsupported-number."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.model import Span
from claimkit.rules.base import Context, Finding, Rule
from claimkit.summary.evidence import ClaimText, supported
from claimkit.summary.sentences import split, visible_text
from claimkit.text.numbers import Quantity, quantities, settle


def check(ctx: Context) -> Iterator[Finding]:
    document = ctx.document
    slider = document.slider
    if slider is None or not document.claims:
        return
    first_row = ctx.graph.first_row
    cache: dict[str, ClaimText] = {}
    for level in slider.levels:
        text = visible_text(document, level)
        found = quantities(text, lazy=True)
        if not found:
            continue
        base = level.content.start
        sentences = split(document, level, text)
        index = 0
        for sentence in sentences:
            mine = []
            while index < len(found) and found[index].start < sentence.end:
                if found[index].start >= sentence.start:
                    mine.append(found[index])
                index += 1
            mine = [q for q in mine if _reportable(q)]
            if not mine:
                continue
            cited = [
                claim
                for target in sentence.targets
                if (claim := first_row.get(target)) is not None and not claim.malformed
            ]
            if not cited:
                continue  # nothing to hold it against: CK101 and CK106 speak for the citation
            texts = []
            for claim in cited:
                assert claim.id is not None
                if claim.id not in cache:
                    cache[claim.id] = ClaimText(claim)
                texts.append(cache[claim.id])
            for figure in mine:
                written = text[figure.start : figure.end]
                if any(claim_text.states(written) for claim_text in texts):
                    continue
                quantity = settle(text, figure)
                if quantity is None:
                    continue  # a name: "F-16", "resolution 2233"
                holders = [t.read() for t in texts if t.may_support(quantity)]
                if holders and supported(holders, quantity):
                    continue
                start, end = base + quantity.start, base + quantity.end
                line, column = document.position(start)
                written = " ".join(written.split())
                ids = ", ".join(claim.id or "" for claim in cited)
                yield Finding(
                    Span(start, end, line, column),
                    f'"{written}" is in none of the claims this sentence cites ({ids})',
                )


def _reportable(quantity: Quantity) -> bool:
    # "one of the largest", "no one": the word "one" is seldom a figure.
    return not (quantity.kind == "number" and quantity.value <= 1 and quantity.step == 1)


RULE = Rule(
    code="CK601",
    name="unsupported-number",
    severity=Severity.WARNING,
    summary="A number or date in a summary sentence is in none of the claims the sentence cites.",
    rationale=(
        "The claims are the only evidence a reader sees, and a figure the cited claims do not "
        "hold is the most damaging error a generated summary makes: a wrong year, a casualty "
        "count that appears nowhere, a date no source gives. Each summary sentence (not split "
        "at decimals, `U.S.`, `Dec.`, `No. 2` or initials) is checked against the claims its "
        "own citation groups name; a sentence without one borrows the groups of the next "
        "cited sentence in the same paragraph (paragraphs end at `<br/><br/>` or a blank "
        "line), and a sentence with no evidence at all is left alone. The evidence is each "
        "cited claim's sentence, context and source date. Figures compare by value and unit: "
        "`1.2 million` == `1,200,000`, `nine` == `9`, `a dozen` == `12`, `40%` == "
        "`40 percent`, `$2bn` == `2 billion dollars`, `17th` == `17`. A date is supported "
        "when the evidence or a cited claim's source date holds the same day (`Dec. 17`, "
        '`17 December`, `December 17, 2022`; a weekday such as "on Friday" counts as the '
        "last such day before publication), a month (`mid-December`, `in March`, "
        "`February 2022`) when the month and the year are there, a year when the evidence or "
        "a source date holds it. A hedged figure is supported by an evidence value on its "
        "side that rounds to it: `nearly $2 billion` by `$1.85 billion` (at or below, within "
        "one step of the figure's precision), `over 3,000` by `3,090` and `more than 1,300` "
        "by `1,311` (at or above), `about 40%` by `38%` (within half a step); a figure with a "
        "scale word (`1.9 billion`) may round the same way without a hedge. Not figures: "
        "digits in names and identifiers (`COVID-19`, `F-16`, `Shahed-136`, `S-300`, `G7`, "
        "`resolution 2233`, `Article 5`, `Highway 1`, `Nord Stream 2`, `H.R. 2617`, "
        '`the 93rd Brigade`, `9/11`), times, the word `one` ("one of the largest"), '
        '`two` or `three` after `the`/`both`/`their` ("the two sides"), ordinal words, '
        "and vague plurals (`hundreds`, `millions`)."
    ),
    check=check,
    bad=(
        'Russia fired 450 drones in one night <font color=#FF3399>[<a href="#3">3</a>]</font>.'
        '  (claim 3: "Russia launched more than 70 missiles and drones overnight.")'
    ),
    good=(
        "Russia fired more than 70 missiles and drones in one night <font color=#FF3399>"
        '[<a href="#3">3</a>]</font>.'
    ),
)
