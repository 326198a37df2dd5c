"""The DetailSlider: its levels, the citations in them and the brackets that group citations."""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass

from claimkit import lazy_re
from claimkit.model import Citation, CitationGroup, Level, MalformedCitation, Slider
from claimkit.parse.html import Tag, separators_only, tag_at, tokens, without_tags
from claimkit.parse.positions import Locator

_OPEN = lazy_re.compile(r"<DetailSlider\b[^<>]{0,1000}>", re.IGNORECASE)
_CLOSE = lazy_re.compile(r"</DetailSlider\s*>", re.IGNORECASE)
_TEMPLATE_OPEN = lazy_re.compile(r"<template\b", re.IGNORECASE)
_TEMPLATE_CLOSE = lazy_re.compile(r"</template\s{0,100}>", re.IGNORECASE)
# Inline elements that hold a citation group written without brackets: <sup><a>..</a></sup>.
_HOLDERS = frozenset({"font", "sup", "span"})
# NamedTuple's own __new__ is a Python function; tuple's is not (see positions._new).
_new = tuple.__new__
_A_START = lazy_re.compile(r"</?[aA](?=[\s/>])")
_A_SIMPLE = lazy_re.compile(r'<a href="#([^"<>\s]+)">([^<>&\[\]]*)</a>')
_MD_LINK = lazy_re.compile(r"\[([^\[\]\n]{0,500})\]\(\s*(#[^)\s]*)\s*\)")
_BRACKET = lazy_re.compile(r"[\[\]]")
# The start of the Claims section ends an unclosed slider.
_CLAIMS_HEADING = lazy_re.compile(r"^ {0,3}##\s+Claims\b", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SliderParts:
    slider: Slider | None
    citations: tuple[Citation, ...]
    groups: tuple[CitationGroup, ...]
    malformed: tuple[MalformedCitation, ...]


def visible_label(raw: str) -> str:
    """A citation's label as a reader sees it: no tags, entities decoded, outer brackets off."""
    label = html.unescape(without_tags(raw)).strip()
    if len(label) >= 2 and label[0] == "[" and label[-1] == "]":
        label = label[1:-1].strip()
    return label


def _citation(
    masked: str,
    tag: Tag,
    close: Tag,
    target_start: int,
    target: str,
    level: str | None,
    locate: Locator,
) -> Citation:
    return Citation(
        target=target,
        label=visible_label(masked[tag.end : close.start]),
        span=locate.span(tag.start, close.end),
        target_span=locate.span(target_start, target_start + len(target)),
        label_span=locate.span(tag.end, close.start),
        level=level,
        group=-1,
        form="html",
    )


def _links(
    masked: str, start: int, end: int, level: str | None, locate: Locator
) -> tuple[list[Citation], list[MalformedCitation]]:
    """Citations and malformed ones, in one pass over the chunk's ``<a>`` tags.

    An ``<a href="#...">`` waits for its ``</a>``; a second ``<a`` before it means the first
    is never closed. The shape pipelines write is read in one match; every other shape goes
    through the tokenizer, and both read it the same (tests/test_parse_fast_paths.py).
    """
    citations: list[Citation] = []
    malformed: list[MalformedCitation] = []
    pending: tuple[Tag, int, str] | None = None  # an <a href="#..."> waiting for </a>
    position = start
    for candidate in _A_START.finditer(masked, start, end):
        at = candidate.start()
        if at < position:
            continue
        if pending is None and (simple := _A_SIMPLE.match(masked, at, end)) is not None:
            citations.append(
                Citation(
                    target=simple[1],
                    label=visible_label(simple[2]),
                    span=locate.span(at, simple.end()),
                    target_span=locate.span(simple.start(1), simple.end(1)),
                    label_span=locate.span(simple.start(2), simple.end(2)),
                    level=level,
                    group=-1,
                    form="html",
                )
            )
            position = simple.end()
            continue
        token = tag_at(masked, at, end)
        if token is None:
            continue
        position = token.end
        if token.closing:
            if pending is not None:
                tag, target_start, target = pending
                pending = None
                if not target:
                    malformed.append(
                        MalformedCitation(
                            locate.span(tag.start, token.end), 'citation with an empty target "#"'
                        )
                    )
                    continue
                citations.append(_citation(masked, tag, token, target_start, target, level, locate))
            continue
        if pending is not None:
            malformed.append(
                MalformedCitation(
                    locate.span(pending[0].start, pending[0].end), "<a> is never closed with </a>"
                )
            )
            pending = None
        href = token.attr("href")
        if href is None or href.value is None:
            malformed.append(
                MalformedCitation(locate.span(token.start, token.end), '<a> without href="#ID"')
            )
            continue
        value = href.value
        if not value.startswith("#"):
            if value.strip().isdigit():  # href="3": a citation that lost its "#"
                malformed.append(
                    MalformedCitation(
                        locate.span(token.start, token.end),
                        f'citation href="{value}" is missing its "#"',
                    )
                )
            continue  # otherwise a link to another page, not a citation
        raw_target = value[1:]
        target = raw_target.strip()
        lead = len(raw_target) - len(raw_target.lstrip())
        pending = (token, href.start + 1 + lead, target)
    if pending is not None:
        malformed.append(
            MalformedCitation(
                locate.span(pending[0].start, pending[0].end), "<a> is never closed with </a>"
            )
        )
    for link in _MD_LINK.finditer(masked, start, end):
        target = link[2][1:].strip()
        if not target:
            malformed.append(
                MalformedCitation(
                    locate.span(link.start(), link.end()), 'citation with an empty target "#"'
                )
            )
            continue
        citations.append(
            Citation(
                target=target,
                label=visible_label(link[1]),
                span=locate.span(link.start(), link.end()),
                target_span=locate.span(link.start(2) + 1, link.start(2) + len(link[2])),
                label_span=locate.span(link.start(1), link.end(1)),
                level=level,
                group=-1,
                form="markdown",
            )
        )
    citations.sort(key=lambda c: c.span.start)
    return citations, malformed


def _holders(
    masked: str, start: int, end: int, citations: list[Citation], loose: set[int]
) -> list[tuple[int, int, list[int]]]:
    """Inline elements (``<sup>``, ``<font>``, ``<span>``) and the loose citations they hold."""
    at = {citation.span.start: index for index, citation in enumerate(citations)}
    holders: list[tuple[int, int, list[int]]] = []
    open_holders: list[tuple[Tag, list[int]]] = []
    for token in tokens(masked, start, end):
        if not isinstance(token, Tag):
            continue
        index = at.get(token.start)
        if index is not None and index in loose and open_holders:
            open_holders[-1][1].append(index)
        if token.name not in _HOLDERS or token.empty:
            continue
        if not token.closing:
            open_holders.append((token, []))
        elif open_holders and open_holders[-1][0].name == token.name:
            opened, members = open_holders.pop()
            if members:
                holders.append((opened.start, token.end, members))
    return holders


def _group(
    masked: str,
    start: int,
    end: int,
    citations: list[Citation],
    first_index: int,
    locate: Locator,
    groups: list[CitationGroup],
    malformed: list[MalformedCitation],
) -> list[Citation]:
    """Match brackets in one chunk of summary text; attach each citation to its innermost group."""
    # One merged walk over the citations (sorted, never overlapping) and the brackets: a
    # citation joins the innermost open bracket; a bracket inside a citation is its own.
    stack: list[tuple[int, list[int]]] = []
    group_of = [-1] * len(citations)
    count = len(citations)
    next_citation = 0
    for bracket in _BRACKET.finditer(masked, start, end):
        offset = bracket.start()
        while next_citation < count and citations[next_citation].span.end <= offset:
            if stack:
                stack[-1][1].append(next_citation)
            next_citation += 1
        if next_citation < count and citations[next_citation].span.start <= offset:
            continue  # part of the citation itself: [1](#1) or <a href="#1">[1]</a>
        if bracket[0] == "[":
            stack.append((offset, []))
        elif stack:
            opened, members = stack.pop()
            if members:
                for member in members:
                    group_of[member] = len(groups)
                groups.append(
                    _new(
                        CitationGroup,
                        (
                            locate.span(opened, offset + 1),
                            tuple([first_index + m for m in members]),
                        ),
                    )
                )
        else:
            malformed.append(
                MalformedCitation(locate.span(offset, offset + 1), 'unbalanced "]" in the summary')
            )
    for opened, _members in stack:
        malformed.append(
            MalformedCitation(locate.span(opened, opened + 1), 'unbalanced "[" in the summary')
        )
    loose = {i for i, group in enumerate(group_of) if group == -1}
    holders = _holders(masked, start, end, citations, loose) if loose else []
    for holder_start, holder_end, members in holders:
        # <sup><a href="#1">1</a>, <a href="#2">2</a></sup>: the element is the group.
        if any(group_of[m] != -1 for m in members):
            continue
        if not all(
            separators_only(masked[citations[a].span.end : citations[b].span.start])
            for a, b in itertools.pairwise(members)
        ):
            continue
        for member in members:
            group_of[member] = len(groups)
        groups.append(
            CitationGroup(
                locate.span(holder_start, holder_end), tuple(first_index + m for m in members)
            )
        )
    # Citation(..., group=g) without NamedTuple's Python-level _replace: one per citation.
    return [
        citation if group == -1 else _new(Citation, (*citation[:6], group, citation[7]))
        for citation, group in zip(citations, group_of, strict=True)
    ]


def _slot_name(template: Tag) -> str:
    """``v-slot:NAME`` or Vue's shorthand ``#NAME``; "" when the template names no slot."""
    for attribute in template.attrs:
        if attribute.name.startswith("v-slot:"):
            return attribute.name[7:]
        if attribute.name.startswith("#") and len(attribute.name) > 1:
            return attribute.name[1:]
    return ""


def _next_template(masked: str, start: int, end: int) -> int | None:
    for found in _TEMPLATE_OPEN.finditer(masked, start, end):
        tag = tag_at(masked, found.start(), end)
        if tag is not None and not tag.closing:
            return tag.start
    return None


def parse_slider(masked: str, locate: Locator) -> SliderParts:
    opening = _OPEN.search(masked)
    if opening is None:
        return SliderParts(None, (), (), ())
    closing = _CLOSE.search(masked, opening.end())
    if closing is not None:
        region_end = closing.start()
    else:
        heading = _CLAIMS_HEADING.search(masked, opening.end())
        region_end = heading.start() if heading else len(masked)

    # Chunks of summary text: each template's content, and the text between templates.
    chunks: list[tuple[int, int, str | None]] = []
    levels: list[Level] = []
    position = opening.end()
    search_from = position
    while (found := _TEMPLATE_OPEN.search(masked, search_from, region_end)) is not None:
        template = tag_at(masked, found.start(), region_end)
        if template is None or template.closing:
            search_from = found.end()
            continue
        chunks.append((position, template.start, None))
        name = _slot_name(template)
        close = _TEMPLATE_CLOSE.search(masked, template.end, region_end)
        following = _next_template(masked, template.end, region_end)
        closed = close is not None and (following is None or close.start() < following)
        if closed and close is not None:
            content_end, position = close.start(), close.end()
        else:
            content_end = following if following is not None else region_end
            position = content_end
        search_from = position
        levels.append(
            Level(
                name=name,
                span=locate.span(template.start, template.end),
                content=locate.span(template.end, content_end),
                text=masked[template.end : content_end],
                closed=closed,
            )
        )
        chunks.append((template.end, content_end, name))
    chunks.append((position, region_end, None))

    citations: list[Citation] = []
    groups: list[CitationGroup] = []
    malformed: list[MalformedCitation] = []
    for start, end, level in chunks:
        if start >= end:
            continue
        links, bad = _links(masked, start, end, level, locate)
        malformed.extend(bad)
        citations.extend(
            _group(masked, start, end, links, len(citations), locate, groups, malformed)
        )
    malformed.sort(key=lambda m: m.span.start)
    slider = Slider(locate.span(opening.start(), opening.end()), closing is not None, tuple(levels))
    return SliderParts(slider, tuple(citations), tuple(groups), tuple(malformed))
