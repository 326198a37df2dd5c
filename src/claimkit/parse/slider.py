"""The DetailSlider: its levels, the citations in them and the brackets that group citations."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from claimkit.model import Citation, CitationGroup, Level, MalformedCitation, Slider
from claimkit.parse.positions import Locator

_OPEN = re.compile(r"<DetailSlider\b[^<>]{0,1000}>", re.IGNORECASE)
_CLOSE = re.compile(r"</DetailSlider\s*>", re.IGNORECASE)
_TEMPLATE_OPEN = re.compile(r"<template\b([^<>]{0,1000})>", re.IGNORECASE)
_TEMPLATE_CLOSE = re.compile(r"</template\s*>", re.IGNORECASE)
_SLOT = re.compile(r"(?:v-slot:|#)([\w.-]+)")
_A_OPEN = re.compile(r"<a\b([^<>]{0,4000})>", re.IGNORECASE)
_A_SIMPLE = re.compile(r'<a href="#([^"<>\s]+)">([^<>&]*)</a>')
_A_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\(\s*(#[^)\s]*)\s*\)")
_BRACKET = re.compile(r"[\[\]]")
_TAG = re.compile(r"<[^<>]{0,1000}>")
# The start of the Claims section ends an unclosed slider.
_CLAIMS_HEADING = re.compile(r"^ {0,3}##\s+Claims\b", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SliderParts:
    slider: Slider | None
    citations: tuple[Citation, ...]
    groups: tuple[CitationGroup, ...]
    malformed: tuple[MalformedCitation, ...]


def visible_label(raw: str) -> str:
    """A citation's label as a reader sees it: no tags, entities decoded, outer brackets off."""
    label = html.unescape(_TAG.sub("", raw)).strip()
    if len(label) >= 2 and label[0] == "[" and label[-1] == "]":
        label = label[1:-1].strip()
    return label


def _links(
    masked: str, start: int, end: int, level: str | None, locate: Locator
) -> tuple[list[Citation], list[MalformedCitation]]:
    citations: list[Citation] = []
    malformed: list[MalformedCitation] = []
    position = start
    while (match := _A_OPEN.search(masked, position, end)) is not None:
        simple = _A_SIMPLE.match(masked, match.start(), end)
        if simple is not None:
            # The shape pipelines write; the general path below reads it the same way.
            citations.append(
                Citation(
                    target=simple[1],
                    label=visible_label(simple[2]),
                    span=locate.span(simple.start(), simple.end()),
                    target_span=locate.span(simple.start(1), simple.end(1)),
                    label_span=locate.span(simple.start(2), simple.end(2)),
                    level=level,
                    group=-1,
                    form="html",
                )
            )
            position = simple.end()
            continue
        position = match.end()
        href = _HREF.search(match[1])
        close = _A_CLOSE.search(masked, match.end(), end)
        next_open = _A_OPEN.search(masked, match.end(), end)
        if href is None:
            malformed.append(
                MalformedCitation(locate.span(match.start(), match.end()), '<a> without href="#ID"')
            )
            continue
        value = next(group for group in href.groups() if group is not None)
        if not value.startswith("#"):
            if value.strip().isdigit():  # href="3": a citation that lost its "#"
                malformed.append(
                    MalformedCitation(
                        locate.span(match.start(), match.end()),
                        f'citation href="{value}" is missing its "#"',
                    )
                )
            continue  # otherwise a link to another page, not a citation
        if close is None or (next_open is not None and next_open.start() < close.start()):
            malformed.append(
                MalformedCitation(
                    locate.span(match.start(), match.end()), "<a> is never closed with </a>"
                )
            )
            continue
        target_start = match.start(1) + href.start(href.lastindex or 1) + 1
        target = value[1:].strip()
        if not target:
            malformed.append(
                MalformedCitation(
                    locate.span(match.start(), close.end()), 'citation with an empty target "#"'
                )
            )
            continue
        citations.append(
            Citation(
                target=target,
                label=visible_label(masked[match.end() : close.start()]),
                span=locate.span(match.start(), close.end()),
                target_span=locate.span(target_start, target_start + len(value) - 1),
                label_span=locate.span(match.end(), close.start()),
                level=level,
                group=-1,
                form="html",
            )
        )
        position = close.end()
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
    # Tokens are (offset, kind, citation index); kinds sort "[" < "]" < "c" at one offset,
    # which never happens anyway: a bracket inside a citation belongs to the citation.
    tokens: list[tuple[int, str, int]] = [
        (citation.span.start, "c", index) for index, citation in enumerate(citations)
    ]
    covered = iter(citations)
    current = next(covered, None)
    for bracket in _BRACKET.finditer(masked, start, end):
        offset = bracket.start()
        while current is not None and current.span.end <= offset:
            current = next(covered, None)
        if current is not None and current.span.start <= offset:
            continue  # part of the citation itself: [1](#1) or <a href="#1">[1]</a>
        tokens.append((offset, bracket[0], -1))
    tokens.sort()
    stack: list[tuple[int, list[int]]] = []
    group_of = [-1] * len(citations)
    for offset, kind, citation_index in tokens:
        if kind == "[":
            stack.append((offset, []))
        elif kind == "c":
            if stack:
                stack[-1][1].append(citation_index)
        elif stack:
            opened, members = stack.pop()
            if members:
                for member in members:
                    group_of[member] = len(groups)
                groups.append(
                    CitationGroup(
                        locate.span(opened, offset + 1),
                        tuple(first_index + m for m in members),
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
    return [
        citation if group_of[i] == -1 else citation._replace(group=group_of[i])
        for i, citation in enumerate(citations)
    ]


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
    while (template := _TEMPLATE_OPEN.search(masked, position, region_end)) is not None:
        chunks.append((position, template.start(), None))
        slot = _SLOT.search(template[1])
        name = slot[1] if slot else ""
        close = _TEMPLATE_CLOSE.search(masked, template.end(), region_end)
        following = _TEMPLATE_OPEN.search(masked, template.end(), region_end)
        closed = close is not None and (following is None or close.start() < following.start())
        if closed and close is not None:
            content_end, position = close.start(), close.end()
        else:
            content_end = following.start() if following is not None else region_end
            position = content_end
        levels.append(
            Level(
                name=name,
                span=locate.span(template.start(), template.end()),
                content=locate.span(template.end(), content_end),
                text=masked[template.end() : content_end],
                closed=closed,
            )
        )
        chunks.append((template.end(), content_end, name))
    chunks.append((position, region_end, None))

    citations: list[Citation] = []
    groups: list[CitationGroup] = []
    malformed: list[MalformedCitation] = []
    for start, end, level in chunks:
        if start >= end:
            continue
        found, bad = _links(masked, start, end, level, locate)
        malformed.extend(bad)
        citations.extend(
            _group(masked, start, end, found, len(citations), locate, groups, malformed)
        )
    malformed.sort(key=lambda m: m.span.start)
    slider = Slider(locate.span(opening.start(), opening.end()), closing is not None, tuple(levels))
    return SliderParts(slider, tuple(citations), tuple(groups), tuple(malformed))
