"""What the claims a sentence cites can vouch for: their figures, days, months and years."""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from claimkit import lazy_re
from claimkit.model import Claim
from claimkit.text.numbers import (
    A_SCALES,
    ABOUT,
    ABOVE,
    BELOW,
    NUMBER_WORDS,
    SPELLING_WORDS,
    Quantity,
    quantities,
    relative_days,
    words_of,
)

_MONTH_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


@dataclass(slots=True)
class Evidence:
    """The figures of one or more claims: sentence, context and source date."""

    numbers: list[Quantity] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    dated_months: set[tuple[int, int]] = field(default_factory=set)  # (year, month)
    undated_months: set[int] = field(default_factory=set)  # named without a year
    days: set[tuple[int, int]] = field(default_factory=set)  # (month, day), any year
    dated_days: set[tuple[int, int, int]] = field(default_factory=set)  # (year, month, day)
    undated_days: set[tuple[int, int]] = field(default_factory=set)  # written without a year
    # Texts whose weekdays ("on Friday") name days relative to their publication date; read
    # only when a summary states a day, which most sentences do not.
    relative: list[tuple[str, dt.date]] = field(default_factory=list)
    # ``numbers`` by value, built on the first question: a figure is compared with the few
    # values within a step of it, not with every number of a long context.
    _by_value: list[tuple[float, int]] | None = None

    def near(self, low: float, high: float) -> list[Quantity]:
        """The numbers whose value lies in ``[low, high]``."""
        if self._by_value is None:
            self._by_value = sorted((e.value, i) for i, e in enumerate(self.numbers))
        by_value = self._by_value
        first = bisect_left(by_value, (low, -1))
        last = bisect_right(by_value, (high, len(by_value)))
        return [self.numbers[i] for _, i in by_value[first:last]]

    def add_day(self, day: dt.date) -> None:
        self.years.add(day.year)
        self.months.add(day.month)
        self.dated_months.add((day.year, day.month))
        self.days.add((day.month, day.day))
        self.dated_days.add((day.year, day.month, day.day))

    def supports(self, quantity: Quantity) -> bool:
        kind = quantity.kind
        if kind == "year":
            return quantity.year in self.years or bool(
                self.near(quantity.value - 1e-6, quantity.value + 1e-6)
            )
        if kind == "day":
            if self.relative:
                for text, published in self.relative:
                    for day in relative_days(text, published):
                        self.add_day(day)
                self.relative.clear()
            key = (quantity.month, quantity.day)
            if not quantity.year:
                return key in self.days
            return (quantity.year, *key) in self.dated_days or (
                key in self.undated_days and quantity.year in self.years
            )
        if kind == "month":
            if not quantity.year:
                return quantity.month in self.months
            # "February 2023" needs February of 2023, or a February the text names without a
            # year next to a 2023: not a February of 2022 and a source dated 2023.
            return (quantity.year, quantity.month) in self.dated_months or (
                quantity.month in self.undated_months and quantity.year in self.years
            )
        # Every hedge and rounding stays within one step of the figure.
        slack = quantity.step * (1 + 1e-9) + 1e-9 * abs(quantity.value)
        return any(
            _agrees(quantity, e) for e in self.near(quantity.value - slack, quantity.value + slack)
        )


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _agrees(stated: Quantity, found: Quantity) -> bool:
    """Whether evidence value ``found`` supports the figure ``stated``, hedge and all."""
    if stated.unit and found.unit and stated.unit != found.unit:
        return False
    value, target, step = found.value, stated.value, stated.step
    if _close(value, target):
        return True
    if found.kind == "year" or found.kind == "day":
        return False  # a year or a day backs the same number, never a rounded one near it
    slack = 1e-9 * max(1.0, abs(target))
    hedge = stated.hedge
    if hedge == ABOVE:
        return target - slack <= value < target + step - slack
    if hedge == BELOW:
        return target - step + slack < value <= target + slack
    if hedge == ABOUT or stated.scaled:
        # "about 40%" and an unhedged "1.9 billion" are rounded figures: within half a step.
        return abs(value - target) <= step / 2 + slack
    return False


# How many occurrences a quick look examines: a text of ten thousand "4"s must not make
# every figure "4" a loop over all of them (the full reading is linear and decides then).
_LOOKS = 50
# What, after a figure, would make it another value or unit: "17 million", "40 %", "5 percent".
_CHANGES_VALUE = lazy_re.compile(
    r"[ \u00a0]?(?:%|percent|per[ \u00a0]cent|hundred|thousand|million|billion|trillion|-?decades?)"
    r"|,?[ \u00a0]\d"
)


def _holds(text: str, digits: str) -> bool:
    """Whether ``digits`` stand in ``text`` as a whole number ("24", not the 24 of "2024")."""
    find = text.find
    index = find(digits)
    size = len(digits)
    for _ in range(_LOOKS):
        if index == -1:
            return False
        before = text[index - 1] if index else " "
        after = text[index + size : index + size + 2]
        if not (before.isdigit() or before in ",.") and not (
            after[:1].isdigit() or (after[:1] in ",." and after[1:2].isdigit())
        ):
            return True
        index = find(digits, index + 1)
    return index != -1  # too many near misses to look at: say maybe, the full reading decides


class ClaimText:
    """A claim's text and what a glance at it tells, before any figure is read from it."""

    __slots__ = ("_digits", "_number_words", "evidence", "published", "text")
    _number_words: bool | None
    _digits: str | None

    @property
    def number_words(self) -> bool:
        """Whether the text spells a number in words ("nine", "a dozen"): looked up once."""
        if self._number_words is None:
            words = words_of(self.text)
            self._number_words = bool(words & SPELLING_WORDS) or (
                bool(words & NUMBER_WORDS) and any(a in self.text.lower() for a in A_SCALES)
            )
        return self._number_words

    def __init__(self, claim: Claim) -> None:
        sentence, context = claim.sentence.value, claim.context.value
        self.text = context if sentence in context else f"{sentence}\n{context}"
        self._number_words = None
        self._digits = None
        self.published = claim.source.date if claim.source is not None else None
        self.evidence: Evidence | None = None

    def states(self, written: str) -> bool:
        """Whether the text states the figure exactly as the summary writes it ("689 percent",
        "Dec. 17", "$2 billion"), with nothing that would change its value around it: the
        common case, settled with a substring search instead of reading the claim's figures."""
        # A hedge needs no weighing here: the same value written the same way agrees with
        # any hedge ("more than 70" is supported by a claim's "70").
        text = self.text
        find = text.find
        size = len(written)
        index = find(written)
        for _ in range(_LOOKS):
            if index == -1:
                break
            before = text[index - 1] if index else " "
            after = text[index + size : index + size + 12]
            if (
                not (before.isalnum() or before in ",.$€£¥")
                and not (after[:1].isalnum() or (after[:1] in ",." and after[1:2].isdigit()))
                and not _CHANGES_VALUE.match(after)
            ):
                return True
            index = find(written, index + 1)
        return False

    def may_support(self, quantity: Quantity) -> bool:
        """False when the claim cannot hold ``quantity``: no spelling of it is in the text.

        A necessary condition only, checked with substring searches: most figures a summary
        gets wrong are ruled out here without reading every figure of every cited claim.
        """
        text, published = self.text, self.published
        kind = quantity.kind
        if kind == "year":
            return (
                str(quantity.year) in text
                or f"{quantity.year:,}" in text  # "1,800 ships" holds the value of "1800"
                or (published is not None and published.year == quantity.year)
            )
        if kind in ("day", "month"):
            return (
                _MONTH_ABBREVIATIONS[quantity.month - 1] in text
                or f"-{quantity.month:02d}-" in text  # ISO dates
                or (published is not None and (published.month == quantity.month or "day" in text))
            )
        if kind != "number":
            return True
        value = quantity.value
        if quantity.step != 1 or quantity.scaled or value != int(value) or quantity.hedge:
            return self._may_round_to(quantity)
        # An exact integer figure: its digits must stand in the text, or its words.
        number = int(value)
        if _holds(text, str(number)) or (number >= 1000 and _holds(text, f"{number:,}")):
            return True
        return self.number_words

    def _may_round_to(self, quantity: Quantity) -> bool:
        """For a rounded or hedged figure: whether some number of the text may lie within a
        step of it. Every such number starts with one of the two-digit prefixes of that range
        ("1.85 billion" starts "18", for a stated "1.9 billion"), or is one digit alone."""
        low, high = quantity.value - quantity.step, quantity.value + quantity.step
        if low <= 0 or self.number_words:
            return True
        exponent = math.floor(math.log10(high))
        if math.floor(math.log10(low)) != exponent:
            return True  # the range spans a power of ten: rare, read the claim
        unit = 10.0 ** (exponent - 1)
        first, last = int(low // unit), int(high // unit)
        if last - first > 12:
            return True
        if self._digits is None:
            self._digits = self.text.replace(",", "").replace(".", "")
        digits = self._digits
        if "0." in self.text:
            return True  # "0.5 million": the prefix hides behind a zero
        for prefix in range(first, last + 1):
            written = str(prefix)
            if written in digits or (written[1] == "0" and _holds(digits, written[0])):
                return True
        return False

    def read(self) -> Evidence:
        if self.evidence is None:
            self.evidence = _read(self.text, self.published)
        return self.evidence


def _read(text: str, published: dt.date | None) -> Evidence:
    evidence = Evidence()
    found = quantities(text, names=False)
    for quantity in _day_lists(text, found):
        kind = quantity.kind
        if kind == "number" or kind == "fraction":
            evidence.numbers.append(quantity)
        elif kind == "year":
            evidence.numbers.append(quantity)
            evidence.years.add(quantity.year)
        else:
            evidence.months.add(quantity.month)
            if quantity.year:
                evidence.dated_months.add((quantity.year, quantity.month))
            else:
                evidence.undated_months.add(quantity.month)
            if quantity.year:
                evidence.years.add(quantity.year)
            if kind == "day":
                evidence.days.add((quantity.month, quantity.day))
                # A day is a figure too: "the 17th" may be "December 17".
                evidence.numbers.append(quantity._replace(value=float(quantity.day)))
                if quantity.year:
                    evidence.dated_days.add((quantity.year, quantity.month, quantity.day))
                else:
                    evidence.undated_days.add((quantity.month, quantity.day))
    if published is not None:
        evidence.add_day(published)
        if "day" in text:
            evidence.relative.append((text, published))
    return evidence


# Between the days of one month: "December 7 and 8", "7-8 December", "7, 8 or 9 May".
_DAY_LINK = lazy_re.compile(r"[ \u00a0]{0,2}(?:,|and|or|to|through|-|\u2013|&)[ \u00a0]{0,2}")


def _day_lists(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found``, with a bare number that a day lists beside it read as a day of that month."""
    result = list(found)
    for index, day in enumerate(found):
        if day.kind != "day":
            continue
        for step in (-1, 1):
            anchor = day
            other = index + step
            while 0 <= other < len(found):
                near = found[other]
                gap = text[near.end : anchor.start] if step < 0 else text[anchor.end : near.start]
                if (
                    near.kind != "number"
                    or near.value != int(near.value)
                    or not 1 <= near.value <= 31
                    or not _DAY_LINK.fullmatch(gap)
                ):
                    break
                result.append(day._replace(start=near.start, end=near.end, day=int(near.value)))
                anchor = near
                other += step
    return result


def claim_evidence(claim: Claim) -> Evidence:
    return ClaimText(claim).read()


def supported(parts: list[Evidence], quantity: Quantity) -> bool:
    """Whether the evidence of the cited claims, taken together, supports ``quantity``."""
    if quantity.kind == "day" or quantity.kind == "month":
        # A day may be in one claim and its year in another: the parts are merged.
        return merged(parts).supports(quantity)
    return any(part.supports(quantity) for part in parts)


def merged(parts: list[Evidence]) -> Evidence:
    if len(parts) == 1:
        return parts[0]
    whole = Evidence()
    for part in parts:
        whole.numbers.extend(part.numbers)
        whole.years |= part.years
        whole.months |= part.months
        whole.dated_months |= part.dated_months
        whole.undated_months |= part.undated_months
        whole.days |= part.days
        whole.dated_days |= part.dated_days
        whole.undated_days |= part.undated_days
        whole.relative.extend(part.relative)
    return whole
