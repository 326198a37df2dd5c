"""Inline HTML as tokens with exact offsets: the one reader of tags and attributes.

Explainers carry HTML fragments inside markdown (table cells, the DetailSlider), written by
pipelines and by hand: attributes in any order, with double, single or no quotes, tag
names in any case, stray ``/`` and extra whitespace. Every reader of those fragments (the
claim row, the source cell, the slider and its citations) goes through this module, so a
layout that one of them understands, all of them understand.

The scanner runs in linear time: each ``<`` is looked at once, and every quantifier that
could run on is bounded (a tag is at most ``MAX_TAG`` characters), so no input can make
it backtrack.
"""

from __future__ import annotations

import html
from typing import NamedTuple

from claimkit import lazy_re

MAX_TAG = 8000

_TAG_NAME = lazy_re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:._-]{0,60})")
# One attribute: a name, then optionally "=" and a value in any quoting. The bounds keep a
# run-away quote from scanning the rest of the line at every "<".
_ATTRIBUTE = lazy_re.compile(
    r"""[\s/]{0,200}([^\s<>/=][^\s<>/=]{0,199})"""
    r"""(?:[ \t\r\n]{0,50}=[ \t\r\n]{0,50}"""
    r"""(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'<>`]{1,4000})))?"""
)
# Possessive blanks: a run of blanks is taken once, never re-tried around the optional "/".
_TAG_END = lazy_re.compile(r"\s{0,200}+(/?)\s{0,200}+>")
# Elements that never have content, so never wait for a closing tag.
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"})
# Tags that separate words when they are dropped from visible text.
_BREAKING = frozenset({"br", "div", "p", "li", "tr", "td", "th", "hr"})


class Attr(NamedTuple):
    """One attribute. ``name`` is lower-cased; ``value`` is raw (entities not decoded)."""

    name: str
    value: str | None  # None for a bare attribute (``<input disabled>``)
    start: int  # the value's first character (inside its quotes); the name's for a bare one
    end: int


class Tag(NamedTuple):
    name: str  # lower-cased
    start: int  # the "<"
    end: int  # after the ">"
    closing: bool  # </name>
    self_closing: bool  # <name ... />
    attrs: tuple[Attr, ...]

    def attr(self, name: str) -> Attr | None:
        for attribute in self.attrs:
            if attribute.name == name:
                return attribute
        return None

    @property
    def empty(self) -> bool:
        """Has no content and no closing tag of its own."""
        return self.self_closing or self.name in VOID


class Text(NamedTuple):
    start: int
    end: int


Token = Tag | Text


def tag_at(text: str, position: int, limit: int) -> Tag | None:
    """The tag that starts at ``text[position]`` (a ``<``), or None when it is not one."""
    head = _TAG_NAME.match(text, position, limit)
    if head is None:
        return None
    closing = bool(head[1])
    bound = min(limit, position + MAX_TAG)
    at = head.end()
    attrs: list[Attr] = []
    while True:
        end = _TAG_END.match(text, at, bound)
        if end is not None:
            return Tag(head[2].lower(), position, end.end(), closing, bool(end[1]), tuple(attrs))
        attribute = _ATTRIBUTE.match(text, at, bound)
        if attribute is None or attribute.end() == at:
            return None
        group = attribute.lastindex or 1
        if group == 1:
            attrs.append(Attr(attribute[1].lower(), None, attribute.start(1), attribute.end(1)))
        else:
            value_start, value_end = attribute.span(group)
            value = attribute[group]
            if (
                group == 4
                and len(value) > 1
                and value[-1] == "/"
                and text.startswith(">", value_end)
            ):
                # <bias-chart bias=Left/>: the writer meant a self-closing tag, not "Left/".
                attrs.append(Attr(attribute[1].lower(), value[:-1], value_start, value_end - 1))
                at = value_end - 1
                continue
            attrs.append(Attr(attribute[1].lower(), value, value_start, value_end))
        at = attribute.end()


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Tags and the text between them in ``text[start:end]``; a ``<`` that opens no tag is text."""
    found: list[Token] = []
    text_start = start
    position = text.find("<", start, end)
    while position != -1:
        tag = tag_at(text, position, end)
        if tag is None:
            position = text.find("<", position + 1, end)
            continue
        if position > text_start:
            found.append(Text(text_start, position))
        found.append(tag)
        text_start = tag.end
        position = text.find("<", tag.end, end)
    if text_start < end:
        found.append(Text(text_start, end))
    return found


def closing_index(found: list[Token], opening: int) -> int | None:
    """The index of the tag that closes ``found[opening]``, honouring nesting of its name."""
    tag = found[opening]
    assert isinstance(tag, Tag)
    if tag.empty:
        return None
    depth = 0
    for index in range(opening + 1, len(found)):
        other = found[index]
        if isinstance(other, Tag) and other.name == tag.name and not other.empty:
            if not other.closing:
                depth += 1
            elif depth == 0:
                return index
            else:
                depth -= 1
    return None


def visible_text(text: str, found: list[Token], first: int = 0, last: int | None = None) -> str:
    """What a reader sees of tokens ``first..last``: tags dropped, entities decoded."""
    parts: list[str] = []
    for token in found[first:last]:
        if isinstance(token, Text):
            parts.append(text[token.start : token.end])
        elif token.name in _BREAKING:
            parts.append(" ")
    return unescape("".join(parts)).strip()


def unescape(raw: str) -> str:
    """A cell's text as the reader sees it: entities decoded, escaped pipes unescaped."""
    if "\\|" in raw:
        raw = raw.replace("\\|", "|")
    return html.unescape(raw) if "&" in raw else raw


_ANY_TAG = lazy_re.compile(r"<[^<>]{0,1000}>")


def without_tags(text: str) -> str:
    """``text`` with every tag taken out (a citation's label, what lies between citations)."""
    return _ANY_TAG.sub("", text)


def separators_only(text: str) -> bool:
    """Whether ``text`` holds nothing but markup and citation separators (``, ; `` or none):
    what may stand between the members of one citation group, or two groups side by side."""
    return not without_tags(text).strip(" \t,;")
