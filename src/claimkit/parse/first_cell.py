"""The first cell of a claim row, read by role: the anchor, its visible label, the sentence.

Layouts differ in where these sit, never in what they are (spec §1, "Layouts"):

    <font id="1" color=#FF3399>[1]</font> SENTENCE
    <div style="..."><span class="anchor" id="1"></span><font>[1]</font> SENTENCE</div>
    <p><a name="1"></a><sup>[1]</sup> SENTENCE</p>
    <sup id=1>1</sup> SENTENCE

The cell opens with a run of elements (wrappers, the anchor, the label) before the first
word of the sentence. The anchor is the first of them to carry ``id`` (or an ``<a
name>``); the label is a ``[N]`` in it or after it; wrappers opened there and closed at
the end of the cell are not part of the sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claimkit import lazy_re
from claimkit.model import Field, Span
from claimkit.parse.html import Tag, Text, Token, closing_index, tokens, unescape
from claimkit.parse.positions import Locator

_LABEL = lazy_re.compile(r"[ \t]{0,50}\[[ \t]{0,50}([^\[\]<>\s]{1,20})[ \t]{0,50}\]")
# Elements that may hold the visible label after the anchor; any other one starts the sentence.
_LABEL_HOLDERS = frozenset({"font", "sup", "span", "b", "strong", "a", "small"})
_BARE_NUMBER = lazy_re.compile(r"[ \t]{0,50}([0-9]{1,9})[ \t]{0,50}$")


class FirstCell(NamedTuple):
    id: str | None  # the anchor's ID (stripped), None without an anchor
    shown_id: str | None  # the [N] label's text, whether or not there is an anchor
    anchor: Span | None
    id_span: Span | None
    anchor_label: Span | None  # the label's text, when it shows the anchor's ID
    sentence: Field


def _anchor_id(tag: Tag) -> tuple[str, int, int] | None:
    attribute = tag.attr("id")
    if attribute is None and tag.name == "a":
        attribute = tag.attr("name")
    if attribute is None:
        return None
    if attribute.value is None:  # a bare ``id``: present, but empty
        return "", attribute.end, attribute.end
    return attribute.value, attribute.start, attribute.end


def read_first_cell(original: str, masked: str, start: int, end: int, locate: Locator) -> FirstCell:
    """Read ``original[start:end]`` (the cell, trimmed); structure is read from ``masked``."""
    found = tokens(masked, start, end)
    wrappers: list[tuple[str, int]] = []  # (name, token index) opened before the sentence
    anchor_index: int | None = None
    anchor_value: tuple[str, int, int] | None = None
    label: re.Match[str] | None = None
    label_is_bare = False
    holder_from: int | None = None  # the first element opened after the anchor, before a label
    index = 0
    sentence_start = start
    while index < len(found):
        token = found[index]
        if isinstance(token, Text):
            raw = masked[token.start : token.end]
            if not raw.strip():
                index += 1
                continue
            if label is None:
                label = _LABEL.match(masked, token.start, token.end)
                if label is not None and not _is_label(
                    label[1], anchor_value, wrappers, anchor_index
                ):
                    label = None  # "[Update] Officials said": the sentence's own bracket
                if label is None and anchor_index is not None and wrappers:
                    # <sup id="3">3</sup>: the anchor shows its number without brackets.
                    bare = _BARE_NUMBER.match(masked, token.start, token.end)
                    if bare is not None and _inside_anchor(found, anchor_index, index):
                        label, label_is_bare = bare, True
                if label is not None:
                    sentence_start = label.end()
                    if masked[label.end() : token.end].strip():
                        break  # the sentence follows in the same text
                    index += 1
                    sentence_start = token.end
                    continue
            if label is None and holder_from is not None:
                # <span id="1"></span><b>Kyiv</b> was hit: no label, so the <b> is the sentence's.
                sentence_start = found[holder_from].start
                wrappers = [w for w in wrappers if w[1] < holder_from]
            break
        if token.closing:
            if wrappers and wrappers[-1][0] == token.name:
                if anchor_index is not None and wrappers[-1][1] < anchor_index:
                    break  # a wrapper of the whole cell closes: the sentence is empty
                wrappers.pop()
                # Wrappers are in opening order, so the last one tells whether any is open.
                if holder_from is not None and not (wrappers and wrappers[-1][1] >= holder_from):
                    holder_from = None  # an empty element, now closed
                index += 1
                sentence_start = token.end
                continue
            break
        if label is not None or (anchor_index is not None and token.name not in _LABEL_HOLDERS):
            break  # after the label, a new element belongs to the sentence
        if anchor_index is None and (value := _anchor_id(token)) is not None:
            anchor_index, anchor_value = index, value
        elif anchor_index is not None and holder_from is None and not token.empty:
            holder_from = index
        if not token.empty:
            wrappers.append((token.name, index))
        index += 1
        sentence_start = token.end

    # Trailing whitespace and the closing tags of the wrappers still open are not the sentence.
    sentence_end = end
    back = len(found) - 1
    while back >= index and wrappers:
        token = found[back]
        if isinstance(token, Text) and not masked[token.start : token.end].strip():
            sentence_end = token.start
        elif isinstance(token, Tag) and token.closing and token.name == wrappers[-1][0]:
            wrappers.pop()
            sentence_end = token.start
        else:
            break
        back -= 1
    sentence_end = max(sentence_end, sentence_start)
    sentence = _sentence(original, sentence_start, sentence_end, locate)

    claim_id = anchor = id_span = anchor_label = None
    if anchor_index is not None and anchor_value is not None:
        raw_id, value_start, value_end = anchor_value
        claim_id = raw_id.strip()
        tag = found[anchor_index]
        close = closing_index(found, anchor_index)
        anchor_end = found[close].end if close is not None else tag.end
        anchor = locate.span(tag.start, anchor_end)
        id_span = locate.span(value_start, value_end)
        if label is not None and label[1] == claim_id and claim_id:
            anchor_label = locate.span(label.start(1), label.end(1))
    shown = label[1] if label is not None and not label_is_bare else None
    return FirstCell(claim_id, shown, anchor, id_span, anchor_label, sentence)


def _is_label(
    text: str,
    anchor: tuple[str, int, int] | None,
    wrappers: list[tuple[str, int]],
    anchor_index: int | None,
) -> bool:
    """A bracketed word is the row's label when it is a number, the anchor's ID, or sits in
    an element of its own at or after the anchor (``<font id="3">[4]</font>``, a wrong one)."""
    if text.isdigit() or (anchor is not None and text == anchor[0].strip()):
        return True
    return anchor_index is not None and bool(wrappers) and wrappers[-1][1] >= anchor_index


def _inside_anchor(found: list[Token], anchor_index: int, index: int) -> bool:
    close = closing_index(found, anchor_index)
    return close is None or close > index


def _sentence(original: str, start: int, end: int, locate: Locator) -> Field:
    raw = original[start:end]
    if not raw.strip():  # an empty sentence is an empty span right after the anchor
        return Field("", locate.span(start, start))
    lead = len(raw) - len(raw.lstrip())
    span = locate.span(start + lead, start + len(raw.rstrip()))
    # Inline tags inside the sentence are part of what it says (spec: only wrappers go).
    return Field(unescape(raw).strip(), span)
