"""Numbers and dates in prose, by value and unit, with the hedge that qualifies them.

CK601 compares every figure a summary states with the figures of the claims it cites.
Text is compared by *value*: ``1,200,000`` == ``1.2 million``, ``nine`` == ``9``,
``40%`` == ``40 percent``, ``Dec. 17`` == ``17 December``. Names that contain digits
(``COVID-19``, ``F-16``, ``G7``, ``resolution 2233``, ``Nord Stream 2``) are not quantities
and are left out.

Every pattern is anchored on a literal or a bounded class, and no quantifier is nested in
another unbounded one, so a pathological line costs linear time.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from claimkit import lazy_re

# Hedge directions: what an evidence value may be, relative to the stated one.
EXACT = 0
ABOVE = 1  # "more than 1,300": the true value is at or above the figure
BELOW = 2  # "nearly $2 billion": at or below
ABOUT = 3  # "about 40%": either side, within half a step

_MONTH_NAMES = {
    "Jan": 1,
    "January": 1,
    "Feb": 2,
    "February": 2,
    "Mar": 3,
    "March": 3,
    "Apr": 4,
    "April": 4,
    "May": 5,
    "Jun": 6,
    "June": 6,
    "Jul": 7,
    "July": 7,
    "Aug": 8,
    "August": 8,
    "Sep": 9,
    "Sept": 9,
    "September": 9,
    "Oct": 10,
    "October": 10,
    "Nov": 11,
    "November": 11,
    "Dec": 12,
    "December": 12,
}
# Capitalised only: "may" is a verb far more often than a month.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Full names only, and not May: a bare "March" is a month, a bare "May" is a verb.
_FULL_MONTH = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December)"
)
_MONTH_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "during",
        "through",
        "throughout",
        "before",
        "after",
        "early",
        "late",
        "mid",
    ]
)
# "the two sides": a small count after these refers back to things the sentence names.
_DETERMINERS = frozenset(("the", "these", "those", "both", "its", "their", "all"))
_DECADE = lazy_re.compile(r"[- \u00a0]decades?\b")
_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_GLUED_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1e9}
_GLUED_SCALES["tn"] = 1_000_000_000_000
_FRACTIONS = {  # as percentages; a fraction is always an approximation
    "half": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
}
_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)"
)
_CURRENCY = r"(?P<cur>US\$|A\$|C\$|\$|€|£|¥)"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_TOKEN = lazy_re.compile(
    # Dates come first: at one position the longest reading wins by order.
    rf"(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<md>\b{_MONTH}\.?[ \u00a0](?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?[ \u00a0](?P<md_year>\d{{4}})\b)?)"
    rf"|(?P<dm>\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?[ \u00a0](?:of[ \u00a0])?"
    rf"(?P<dm_month>{_MONTH})\b\.?(?:,?[ \u00a0](?P<dm_year>\d{{4}})\b)?)"
    rf"|(?P<part>\b(?:[Mm]id|[Ee]arly|[Ll]ate)[- \u00a0](?P<part_month>{_MONTH})\b"
    rf"(?:[ \u00a0](?P<part_year>\d{{4}})\b)?)"
    rf"|(?P<my>\b(?P<my_month>{_MONTH})\.?[ \u00a0](?P<my_year>\d{{4}})\b)"
    rf"|(?P<time>\b\d{{1,2}}:\d{{2}}\b)"
    rf"|(?P<bare>\b(?P<bare_month>{_FULL_MONTH})\b)"
    rf"|(?:{_CURRENCY}[ \u00a0]?)?{_NUMBER}(?P<glued>[A-Za-z]{{1,12}})?"
    r"(?:[ \u00a0](?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>[ \u00a0]?%|[ \u00a0](?:percent|per[ \u00a0]cent|percentage[ \u00a0]points?)\b)?"
    rf"|(?P<frac>\b(?:(?:[Oo]ne|[Tt]wo|[Aa])[- \u00a0]thirds?|(?:[Oo]ne|[Tt]hree|[Aa])"
    r"[- \u00a0]quarters?)(?=[ \u00a0]of\b))"
    rf"|(?P<words>\b(?:[Aa][ \u00a0](?=(?:dozen|hundred|thousand|million|billion)\b))?"
    rf"(?i:{_WORD}(?:[- \u00a0]{_WORD}){{0,6}})\b)"
)
_CURRENCY_AFTER = lazy_re.compile(
    r"[ \u00a0](?:(?:US|U\.S\.|Canadian|Australian)[ \u00a0])?(dollars|euros|pounds|yuan|yen)\b"
)
_CURRENCY_WORDS = {"dollars": "$", "euros": "€", "pounds": "£", "yuan": "¥", "yen": "¥"}
_HEDGE_PHRASES = frozenset(
    (
        "about",
        "around",
        "roughly",
        "approximately",
        "approx.",
        "nearly",
        "almost",
        "some",
        "over",
        "more than",
        "at least",
        "under",
        "fewer than",
        "less than",
        "up to",
        "close to",
        "just over",
        "just under",
        "upwards of",
        "in excess of",
        "as many as",
        "as much as",
        "an estimated",
        "estimated",
        "below",
        "above",
        "exceeding",
        "at most",
        "no more than",
        "no fewer than",
        "no less than",
        "almost exactly",
    )
)
_HEDGES = {
    "over": ABOVE,
    "more than": ABOVE,
    "at least": ABOVE,
    "just over": ABOVE,
    "upwards of": ABOVE,
    "in excess of": ABOVE,
    "above": ABOVE,
    "exceeding": ABOVE,
    "no fewer than": ABOVE,
    "no less than": ABOVE,
    "nearly": BELOW,
    "almost": BELOW,
    "under": BELOW,
    "fewer than": BELOW,
    "less than": BELOW,
    "up to": BELOW,
    "just under": BELOW,
    "below": BELOW,
    "at most": BELOW,
    "no more than": BELOW,
    "as many as": BELOW,
    "as much as": BELOW,
}
# A number right after one of these words is a name: "resolution 2233", "Article 5".
_NAME_WORDS = frozenset(
    [
        "resolution",
        "proposition",
        "prop.",
        "resolutions",
        "article",
        "articles",
        "highway",
        "route",
        "flight",
        "no",
        "no.",
        "nos.",
        "number",
        "chapter",
        "section",
        "paragraph",
        "clause",
        "amendment",
        "protocol",
        "phase",
        "stage",
        "level",
        "category",
        "class",
        "type",
        "model",
        "version",
        "season",
        "episode",
        "volume",
        "vol.",
        "page",
        "pages",
        "p.",
        "pp.",
        "item",
        "rule",
        "decree",
        "law",
        "directive",
        "title",
        "district",
        "zone",
        "sector",
        "block",
        "building",
        "platform",
        "gate",
        "terminal",
        "room",
        "unit",
        "brigade",
        "battalion",
        "regiment",
        "division",
        "corps",
        "squadron",
        "line",
        "bus",
        "channel",
        "lot",
        "grade",
        "tier",
        "pillar",
        "point",
        "points",
        "act",
        "bill",
        "decision",
        "convention",
        "code",
        "mk",
        "squad",
        "group",
        "camp",
        "hill",
        "road",
        "interstate",
        "exit",
        "gen",
        "generation",
        "series",
    ]
)
# After an ordinal, these make a name: "the 93rd Brigade", "the 21st century".
_AFTER_ORDINAL = frozenset(
    [
        "brigade",
        "battalion",
        "regiment",
        "division",
        "corps",
        "army",
        "fleet",
        "squadron",
        "amendment",
        "street",
        "avenue",
        "century",
        "centuries",
        "congress",
        "parliament",
        "session",
        "anniversary",
        "floor",
        "district",
        "precinct",
        "round",
        "time",
    ]
)
# Capitalised words that start phrases rather than name things: "In 2022", "By 2030".
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "by",
        "of",
        "for",
        "from",
        "to",
        "since",
        "until",
        "till",
        "after",
        "before",
        "about",
        "around",
        "over",
        "under",
        "between",
        "within",
        "during",
        "and",
        "or",
        "but",
        "nor",
        "with",
        "without",
        "per",
        "than",
        "some",
        "nearly",
        "almost",
        "only",
        "just",
        "least",
        "most",
        "up",
        "as",
        "into",
        "onto",
        "upon",
        "while",
        "when",
        "where",
        "which",
        "that",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "all",
        "each",
        "every",
        "both",
        "more",
        "less",
        "fewer",
        "roughly",
        "approximately",
        "estimated",
        "another",
    ]
)
_WORD_AFTER = lazy_re.compile(r"[ \u00a0-]{1,2}([A-Za-z]{1,30})")


class Quantity(NamedTuple):
    """A figure found in text: ``start``/``end`` are offsets into that text."""

    start: int
    end: int
    kind: str  # "number", "year", "day" (a day of a month), "month", "fraction"
    value: float  # numbers: the value with its scale; dates: 0
    unit: str  # "", "%", or a currency sign
    step: float  # the figure's precision: 1 for "76", 100 for "1,300", 1e8 for "1.2 billion"
    hedge: int  # EXACT, ABOVE, BELOW or ABOUT
    month: int  # dates: 1-12, else 0
    day: int  # dates with a day, else 0
    year: int  # dates and years, else 0
    scaled: bool  # written with a scale word ("1.2 million"), so plainly a rounded figure
    # Read with ``lazy``: the checks still owed before the figure may be reported (is it a
    # name, what is its hedge), as (digits start, digits end, ordinal, plain); None when done.
    pending: tuple[int, int, bool, bool] | None = None


def _hedge(text: str, start: int) -> int:
    """The hedge of the words right before ``start``: "more than", "nearly", "about"."""
    if not start or text[start - 1] not in " \u00a0":
        return EXACT
    low = max(0, start - 30)
    words = text[low:start].lower().split()
    if low and text[low - 1].isalnum() and words:
        words = words[1:]  # cut in the middle
    for count in (3, 2, 1):
        if len(words) >= count:
            phrase = " ".join(words[-count:])
            if phrase in _HEDGE_PHRASES:
                return _HEDGES.get(phrase, ABOUT)
    return EXACT


def _word_before(text: str, start: int) -> tuple[str, int] | None:
    """The word right before ``start`` (one or two spaces between) and where it starts.

    String steps, not a pattern: a backward search tried at every offset of a window costs
    more than everything else done for a figure.
    """
    end = start
    for _ in range(2):
        if end and text[end - 1] in " \u00a0":
            end -= 1
    if end == start:
        return None
    begin = end
    limit = max(0, end - 31)
    while begin > limit and (text[begin - 1].isalpha() or text[begin - 1] in ".-'"):
        begin -= 1
    while begin < end and not text[begin].isalpha():
        begin += 1
    if begin == end:
        return None
    return text[begin:end], begin


def _sentence_initial(text: str, start: int) -> bool:
    """Whether the text before ``start`` ends a sentence (or there is none)."""
    before = text[max(0, start - 80) : start].rstrip()
    return not before or before[-1] in ".!?:\"'\u201c\u201d"


def _is_name(text: str, start: int, end: int, ordinal: bool, plain: bool) -> bool:
    """Whether the digits at ``start:end`` belong to a name or an identifier."""
    before = text[start - 1] if start else " "
    if before.isalpha() or before in "#/\\_":
        return True  # G7, A320, #1, 9/11
    if before in "-\u2010\u2011" and start >= 2 and text[start - 2].isalpha():
        # COVID-19, F-16, Shahed-136, S-300; but "mid-2023" is a year
        tail = text[max(0, start - 7) : start - 1].split()
        return not tail or tail[-1].lower() not in ("mid", "early", "late")
    if text[end : end + 1] == "/" and text[end + 1 : end + 2].isdigit():
        return True  # 24/7, 9/11
    if ordinal:
        after = _WORD_AFTER.match(text, end)
        # "the 93rd Brigade", "the 24th Mechanized Brigade", "the 21st century"
        if after and (after[1].lower() in _AFTER_ORDINAL or after[1][:1].isupper()):
            return True
    found = _word_before(text, start)
    if found is None:
        return False
    word, word_start = found
    lowered = word.lower()
    if lowered in _NAME_WORDS or lowered.rstrip(".") in _NAME_WORDS:
        return True
    if plain and "." in word and word.replace(".", "").isupper() and len(word) <= 5:
        return True  # "H.R. 2617", "S. 3522": a bill
    # "Nord Stream 2", "Apollo 11": a capitalised word that does not open the sentence.
    return (
        plain
        and any(ch.isupper() for ch in word)  # "Leopard 2", "iPhone 14"
        and lowered not in _NOT_NAMES
        and word.rstrip(".") not in _MONTH_NAMES
        and not word.endswith(("'s", "s'", "\u2019s"))
        and "." not in word
        and not _sentence_initial(text, word_start)
    )


def _step(digits: str) -> float:
    """The precision a figure is written to: 0.1 for "2.5", 100 for "1,300", 1 for "0"."""
    if "." in digits:
        return float(10 ** -len(digits.split(".", 1)[1]))
    stripped = digits.replace(",", "")
    zeros = len(stripped) - len(stripped.rstrip("0"))
    if zeros == len(stripped):
        return 1.0
    return float(10**zeros)


def _words_value(words: list[str]) -> float | None:
    """The value of a run of number words ("one hundred billion"), None when not one number."""
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word in _UNITS:
            value = _UNITS[word]
            if (current % 100 and value >= 10) or (current % 10 and value):
                return None  # "two three", "twenty thirty": a list, not a number
            current += value
            seen = True
        elif word == "dozen":
            current = (current or 1) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _month(name: str) -> int:
    return _MONTH_NAMES.get(name.rstrip("."), 0)


def _year(raw: str | None) -> int:
    return int(raw) if raw else 0


def _date(start: int, end: int, month: int, day: int, year: int) -> Quantity:
    kind = "day" if day else "month"
    return Quantity(start, end, kind, 0.0, "", 1.0, EXACT, month, day, year, False)


_DIGIT = lazy_re.compile(r"[\d$€£¥]")
_BEFORE_WORD = lazy_re.compile(r"\b(?:[Mm]id|[Ee]arly|[Ll]ate)[- \u00a0]$|\b[Aa][ \u00a0]$")
NUMBER_WORDS = frozenset((*_UNITS, *_SCALES, "dozen", "third", "thirds", "quarter", "quarters"))
# Words that spell a number on their own; a scale word needs one of them, digits ("2 million":
# its digits are in the text) or "a" ("a million").
SPELLING_WORDS = NUMBER_WORDS - frozenset(_SCALES)
A_SCALES = tuple(f"a {scale}" for scale in _SCALES)
_NOT_WORD_CHARS = str.maketrans({c: " " for c in "-.,;:!?()[]{}\"'\u2019\u201c\u201d/\u00a0"})
_TRIGGERS = NUMBER_WORDS | frozenset(
    name.lower() for name in _MONTH_NAMES if len(name) > 3 or name == "May"
)


def _date_start(text: str, at: int) -> int:
    """Where a figure whose digits begin at ``at`` starts: "Dec. 17", "mid-December 2022"."""
    if (
        at < 4
        or text[at - 1] not in " \u00a0"
        or not (text[at - 2].isalpha() or text[at - 2] == ".")
    ):
        return at
    # A month is one capitalised word of at most nine letters and a full stop.
    space = max(
        text.rfind(" ", max(0, at - 12), at - 1), text.rfind("\u00a0", max(0, at - 12), at - 1)
    )
    word = text[space + 1 : at - 1]
    if word.rstrip(".") not in _MONTH_NAMES:
        return at
    found = (word, space + 1)
    begin = found[1]
    for prefix in ("mid-", "mid ", "early ", "early-", "late ", "late-"):
        size = len(prefix)
        if text[max(0, begin - size) : begin].lower() == prefix and (
            begin == size or not text[begin - size - 1].isalpha()
        ):
            return begin - size
    return begin


def words_of(text: str) -> set[str]:
    """The lower-case words of ``text``, punctuation dropped: a C-speed look at what is there."""
    return set(text.lower().translate(_NOT_WORD_CHARS).split())


def _candidates(text: str) -> list[int]:
    """Where a figure may start, found with C-speed scans: one regular expression tried at
    every position of every claim context costs more than all other rules together."""
    found: list[int] = []
    search = _DIGIT.search
    hit = search(text)
    while hit is not None:
        at = hit.start()
        found.append(_date_start(text, at))
        end = at + 1
        while end < len(text) and (text[end].isdigit() or text[end] in ",."):
            end += 1
        hit = search(text, end)
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # a letter whose lower case is longer: offsets must stay put
    present = set(lowered.translate(_NOT_WORD_CHARS).split()) & _TRIGGERS
    if present:
        for word in present:
            find = lowered.find
            index = find(word)
            while index != -1:
                end = index + len(word)
                if (index == 0 or not text[index - 1].isalnum()) and (
                    end == len(text) or not text[end].isalnum()
                ):
                    before = _BEFORE_WORD.search(text, max(0, index - 6), index)
                    found.append(before.start() if before else index)
                index = find(word, end)
        found.sort()
    return found


def settle(text: str, quantity: Quantity) -> Quantity | None:
    """A figure read with ``lazy``, with the checks it still owed: None when it is a name."""
    if quantity.pending is None:
        return quantity
    start, end, ordinal, plain = quantity.pending
    if start >= 0 and _is_name(text, start, end, ordinal, plain):
        return None
    hedge = _hedge(text, quantity.start) if quantity.kind == "number" else EXACT
    return quantity._replace(hedge=hedge, pending=None)


def quantities(text: str, names: bool = True, lazy: bool = False) -> list[Quantity]:
    """Every figure and date of ``text`` in order; with ``names``, names are left out.

    Evidence is read with ``names=False``: a digit in a name can still support a figure
    (a summary's "Highway 1" is never checked, but a claim's "1" may back a "one").
    With ``lazy``, the name and hedge checks of each figure are left to ``settle``: a figure
    its claims state word for word needs neither, and most figures are such.
    """
    found: list[Quantity] = []
    append = found.append
    last_end = 0
    for candidate in _candidates(text):
        if candidate < last_end:
            continue
        match = _TOKEN.match(text, candidate)
        if match is None:
            continue
        start, end = match.span()
        last_end = end
        if match["num"] is not None:
            quantity = _number(text, match, names, lazy)
            if quantity is not None:
                append(quantity)
        elif match["md"] is not None:
            day = int(match["md_day"])
            month = _month(text[start : match.start("md_day")].strip(" .\u00a0"))
            if 1 <= day <= 31:
                append(_date(start, end, month, day, _year(match["md_year"])))
        elif match["dm"] is not None:
            day = int(match["dm_day"])
            if 1 <= day <= 31 and not (names and _is_name(text, start, start + 1, False, False)):
                append(_date(start, end, _month(match["dm_month"]), day, _year(match["dm_year"])))
        elif match["part"] is not None:
            append(_date(start, end, _month(match["part_month"]), 0, _year(match["part_year"])))
        elif match["my"] is not None:
            append(_date(start, end, _month(match["my_month"]), 0, _year(match["my_year"])))
        elif match["bare"] is not None:
            # In a summary, only "in March", "since March": "the March offensive" names an
            # event. Evidence takes every mention.
            word = _word_before(text, start)
            if not names or (word is not None and word[0].lower() in _MONTH_PREPOSITIONS):
                append(_date(start, end, _month(match["bare_month"]), 0, 0))
        elif match["iso"] is not None:
            year, month, day = (int(part) for part in match[0].split("-"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                append(_date(start, end, month, day, year))
        elif match["frac"] is not None:
            words = match[0].lower().replace("-", " ").split()
            times = 2 if words[0] == "two" else 3 if words[0] == "three" else 1
            value = _FRACTIONS[words[-1]] * times
            append(Quantity(start, end, "fraction", value, "%", 10.0, ABOUT, 0, 0, 0, False))
        elif match["words"] is not None:
            quantity = _words(text, match, names, lazy)
            if quantity is not None:
                append(quantity)
    return found


def _number(text: str, match: re.Match[str], names: bool, lazy: bool) -> Quantity | None:
    start, end = match.span()
    num_start = match.start("num")
    digits = match["num"]
    currency = match["cur"] or ""
    glued = match["glued"]
    scale_word = match["scale"]
    ordinal = False
    scale = 1.0
    if glued:
        lowered = glued.lower()
        if lowered in ("st", "nd", "rd", "th"):
            ordinal = True
        # "$12m" is money; a bare "12m" may be metres, but in evidence reading it as a
        # million only adds support, never a report.
        elif lowered in _GLUED_SCALES and (currency or not names or lowered in ("bn", "tn", "mn")):
            scale = float(_GLUED_SCALES[lowered])
        elif names:
            return None  # 5G, 1990s, 155mm: a name, a decade or a unit we do not weigh
        # In evidence the digits still count: a claim's "1.5C" backs a summary's "1.5 degrees".
    if scale_word:
        scale = float(_SCALES[scale_word])
    unit = currency.replace("US$", "$").replace("A$", "$").replace("C$", "$")
    if match["pct"]:
        unit = "%"
    elif not unit:
        after = _CURRENCY_AFTER.match(text, end)
        if after:
            unit = _CURRENCY_WORDS[after[1]]
    plain = not unit and scale == 1.0 and not ordinal
    name_end = end if ordinal else match.end("num")
    pending = None
    if names and lazy:
        pending = (-1 if currency else num_start, name_end, ordinal, plain)
    elif names and not currency and _is_name(text, num_start, name_end, ordinal, plain):
        return None
    mantissa = float(digits.replace(",", ""))
    if not unit and scale == 1.0 and _DECADE.match(text, end):
        scale = 10.0  # "a 2-decade war" is a 20-year war
    value = mantissa * scale
    step = _step(digits) * scale
    if (
        plain
        and "," not in digits
        and "." not in digits
        and len(digits) == 4
        and 1800 <= mantissa <= 2100
    ):
        year = int(mantissa)
        return Quantity(start, end, "year", value, "", 1.0, EXACT, 0, 0, year, False, pending)
    hedge = _hedge(text, start) if names and not lazy else EXACT
    return Quantity(start, end, "number", value, unit, step, hedge, 0, 0, 0, scale != 1.0, pending)


def _words(text: str, match: re.Match[str], names: bool, lazy: bool) -> Quantity | None:
    start, end = match.span()
    raw = match[0].lower().replace("\u00a0", " ")
    words = raw.replace("-", " ").split()
    if words[0] == "a":
        words = words[1:]
    value = _words_value(words)
    if value is None:
        return None
    if value <= 3 and names:
        before = _word_before(text, start)
        if before is not None and before[0].lower() in _DETERMINERS:
            return None  # "the two nations", "both three": parties named, not a figure
    if end < len(text) and text[end] in "-\u2010\u2011" and text[end + 1 : end + 2].isdigit():
        return None
    if words[-1] in _SCALES and end < len(text) and text[end : end + 1] == "s":
        return None  # "hundreds", "millions": no figure
    unit = ""
    after = _CURRENCY_AFTER.match(text, end)
    if after:
        unit = _CURRENCY_WORDS[after[1]]
    step = _step(str(int(value))) if value == int(value) else 1.0
    if words[-1] == "dozen":
        step = 12.0
    scaled = words[-1] in _SCALES and words[-1] != "hundred"
    if not unit and _DECADE.match(text, end):
        value, step = value * 10, step * 10  # "two decades" are 20 years
    if names and lazy:
        pending = (-1, -1, False, False)
        return Quantity(start, end, "number", value, unit, step, EXACT, 0, 0, 0, scaled, pending)
    hedge = _hedge(text, start) if names else EXACT
    return Quantity(start, end, "number", value, unit, step, hedge, 0, 0, 0, scaled)


_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Alternatives that each open with a literal let the engine skip ahead to their first letters.
_WEEKDAY = lazy_re.compile(r"(?:(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)|(yester|to|Yester|To))day\b")


def relative_days(text: str, published: dt.date) -> list[dt.date]:
    """The days that "on Friday", "yesterday" or "today" name in a text published that day.

    A weekday in a news report is the most recent such day on or before publication.
    """
    days: list[dt.date] = []
    if "day" not in text:
        return days
    for match in _WEEKDAY.finditer(text):
        if match.start() and text[match.start() - 1].isalpha():
            continue
        if match[1]:
            back = (published.weekday() - _WEEKDAYS[match[1].lower() + "day"]) % 7
        else:
            back = 1 if match[2].lower() == "yester" else 0
        days.append(published - dt.timedelta(days=back))
    return days
