"""The Source cell, read by role: bias chart, rating link, source link, outlet, type, date.

Each part is found by what it is, wherever it stands (spec §1, "Layouts"): the bias label
is the ``bias`` attribute of a ``BiasChart`` (or ``bias-chart``) element, inside any
wrapper; the rating page is the link that encloses that chart; the source link is the
first other link, the outlet its text; the type is the text in ``*(…)*`` or ``(…)``; the
date is the remaining short text, in whatever element holds it. Text that fits none of
these is kept as ``unplaced`` so that a rule can say so: nothing is silently lost.
"""

from __future__ import annotations

from typing import NamedTuple

from claimkit import lazy_re
from claimkit.model import Field, Source
from claimkit.parse.dates import parse_date
from claimkit.parse.html import Attr, Tag, Text, Token, tokens, unescape, visible_text
from claimkit.parse.positions import Locator

_CHARTS = frozenset({"biaschart", "bias-chart"})
_TYPE = lazy_re.compile(r"[ \t]{0,50}\*?\(([^()]{0,200})\)\*?[ \t]{0,50}")
_EMPTY = Field("", None)
# Elements whose emptiness means an absent type or date (<div></div>), unlike wrappers.
_HOLDERS = frozenset({"div", "p", "span", "em", "i", "small", "time"})
# A date is short; longer leftover text is not taken for one.
DATE_MAX = 40


class _Slot(NamedTuple):
    """A piece of text outside every link: the inner text of an element, or bare text."""

    start: int
    end: int
    blank: bool


def _value_field(original: str, attribute: Attr, locate: Locator) -> Field:
    raw = original[attribute.start : attribute.end] if attribute.value is not None else ""
    return Field(unescape(raw).strip(), locate.span(attribute.start, attribute.end))


def _bias(original: str, tag: Tag, locate: Locator) -> Field:
    attribute = tag.attr("bias")
    if attribute is None or attribute.value is None:
        return Field("", locate.span(tag.start, tag.start + 1 + len(tag.name)))
    field = _value_field(original, attribute, locate)
    # bias=Lean Left without quotes reads as bias="Lean" and a bare attribute "left".
    if field.value.lower() == "lean":
        following = tag.attrs.index(attribute) + 1
        if following < len(tag.attrs) and tag.attrs[following].name in ("left", "right"):
            extra = tag.attrs[following]
            raw = original[attribute.start : extra.end]
            return Field(" ".join(raw.split()), locate.span(attribute.start, extra.end))
    return field


def parse_source(original: str, masked: str, start: int, end: int, locate: Locator) -> Source:
    """Take the cell ``original[start:end]`` apart (structure read from ``masked``); never fails."""
    found = tokens(masked, start, end)
    bias_label: Field | None = None
    rating_url = _EMPTY
    url: Field | None = None
    outlet = _EMPTY
    slots: list[_Slot] = []
    extra: list[Field] = []  # a second chart or source link
    open_links: list[tuple[int, bool]] = []  # (token index, encloses the chart)
    for index, token in enumerate(found):
        if isinstance(token, Text):
            if not open_links:
                blank = not masked[token.start : token.end].strip()
                if not blank or _empty_element(found, index):
                    slots.append(_Slot(token.start, token.end, blank))
            continue
        if token.name in _CHARTS and not token.closing:
            if bias_label is None:
                bias_label = _bias(original, token, locate)
                open_links = [(i, True) for i, _ in open_links]
            else:  # a second chart: which one is the source's cannot be told
                extra.append(_bias(original, token, locate))
            continue
        if token.name != "a":
            if token.name in _HOLDERS and not token.closing and not open_links:
                close = found[index + 1] if index + 1 < len(found) else None
                if isinstance(close, Tag) and close.closing and close.name == token.name:
                    slots.append(_Slot(token.end, token.end, True))  # <div></div>
            continue
        if not token.closing:
            open_links.append((index, False))
            continue
        if not open_links:
            continue
        opened, encloses_chart = open_links.pop()
        tag = found[opened]
        assert isinstance(tag, Tag)
        href = tag.attr("href")
        if encloses_chart:
            if href is not None and rating_url.span is None:
                rating_url = _value_field(original, href, locate)
        elif url is None:
            if href is not None:
                url = _value_field(original, href, locate)
            else:
                url = Field("", locate.span(tag.start, token.end))
            inner = tokens(original, tag.end, token.start)
            outlet = Field(visible_text(original, inner), locate.span(tag.end, token.start))
        else:  # a second source link: reported, not silently dropped
            inner = tokens(original, tag.end, token.start)
            extra.append(Field(visible_text(original, inner), locate.span(tag.start, token.end)))

    source_type, date_raw, unplaced = _place(original, slots, locate)
    if url is None and unplaced:
        # No link to the source: the outlet's name stands as plain text (CK201 says the rest).
        outlet, unplaced = unplaced[0], unplaced[1:]
    if extra:
        unplaced = tuple(sorted((*unplaced, *extra), key=lambda f: f.span.start if f.span else 0))
    return Source(
        rating_url=rating_url,
        bias_label=bias_label,
        url=url,
        outlet=outlet,
        source_type=source_type,
        date_raw=date_raw,
        date=parse_date(date_raw.value) if date_raw.value else None,
        unplaced=unplaced,
    )


def _empty_element(found: list[Token], index: int) -> bool:
    """Whether the blank text at ``index`` is all an element holds (``<div> </div>``)."""
    before = found[index - 1] if index else None
    after = found[index + 1] if index + 1 < len(found) else None
    return (
        isinstance(before, Tag)
        and before.name in _HOLDERS
        and isinstance(after, Tag)
        and not before.closing
        and after.closing
        and before.name == after.name
    )


def _place(
    original: str, slots: list[_Slot], locate: Locator
) -> tuple[Field, Field, tuple[Field, ...]]:
    """Tell the type, the date and the rest apart among the cell's texts."""
    source_type: Field | None = None
    texts: list[_Slot] = []
    for slot in slots:
        if slot.blank:
            continue
        if source_type is None and (kind := _TYPE.fullmatch(original, slot.start, slot.end)):
            source_type = Field(
                visible_text(original, tokens(original, kind.start(1), kind.end(1))),
                locate.span(kind.start(1), kind.end(1)),
            )
            continue
        texts.append(slot)
    date_slot = next((s for s in texts if parse_date(_text(original, s))), None)
    if date_slot is None:
        date_slot = next((s for s in texts if len(_text(original, s)) <= DATE_MAX), None)
    type_at = source_type.span.start if source_type is not None and source_type.span else None
    blanks = [s for s in slots if s.blank]
    if source_type is None:
        # An empty element before the date is the (absent) source type, as pipelines write it.
        limit = date_slot.start if date_slot is not None else None
        first = next((s for s in blanks if limit is None or s.start < limit), None)
        if first is not None and (date_slot is not None or len(blanks) > 1):
            source_type = Field("", locate.span(first.start, first.end))
            type_at = first.start
            blanks.remove(first)
    date_raw: Field
    if date_slot is not None:
        date_raw = Field(_text(original, date_slot), locate.span(date_slot.start, date_slot.end))
    else:
        after = next((s for s in blanks if type_at is None or s.start > type_at), None)
        date_raw = Field("", locate.span(after.start, after.end)) if after else _EMPTY
    unplaced = tuple(
        Field(_text(original, s), locate.span(s.start, s.end)) for s in texts if s is not date_slot
    )
    return source_type or _EMPTY, date_raw, unplaced


def _text(original: str, slot: _Slot) -> str:
    return unescape(original[slot.start : slot.end]).strip()
