"""The Source cell: rating link with BiasChart, outlet link, source type and date."""

from __future__ import annotations

import html
import re

from claimkit.model import Field, Source
from claimkit.parse.dates import parse_date
from claimkit.parse.positions import Locator

_BIAS = re.compile(
    r"""<BiasChart\b[^<>]{0,500}?\bbias\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
_BIAS_CHART = re.compile(r"<BiasChart\b", re.IGNORECASE)
_A = re.compile(
    r"<a\b([^<>]{0,4000})>([^<]{0,2000}(?:<(?!/?a\b)[^<]{0,2000}){0,20}?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# Innermost <div>...</div>: no nested div inside.
_INNER_DIV = re.compile(
    r"<div\b[^<>]{0,2000}>((?:(?!<div\b|</div).){0,4000}?)</div\s*>", re.IGNORECASE | re.DOTALL
)
_TYPE = re.compile(r"^\s*\*\((.*)\)\*\s*$", re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,1000}>")


def _text(raw: str) -> str:
    return html.unescape(_TAG.sub("", raw)).strip()


def _field(cell: str, base: int, start: int, end: int, locate: Locator, value: str) -> Field:
    return Field(value, locate.span(base + start, base + end))


def _href(cell: str, base: int, tag: re.Match[str], locate: Locator) -> Field | None:
    href = _HREF.search(tag[1])
    if href is None:
        return None
    group = href.lastindex or 1
    start = tag.start(1) + href.start(group)
    value = href[group]
    return _field(cell, base, start, start + len(value), locate, html.unescape(value).strip())


def parse_source(cell: str, base: int, locate: Locator) -> Source:
    """Take the cell text ``cell`` found at offset ``base`` apart; never fails."""
    empty = Field("", None)
    bias_label: Field | None = None
    rating_url = empty
    if (bias := _BIAS.search(cell)) is not None:
        group = bias.lastindex or 1
        bias_label = _field(
            cell,
            base,
            bias.start(group),
            bias.end(group),
            locate,
            html.unescape(bias[group]).strip(),
        )
    elif (chart := _BIAS_CHART.search(cell)) is not None:
        bias_label = _field(cell, base, chart.start(), chart.end(), locate, "")

    url: Field | None = None
    outlet = empty
    outlet_end = 0
    for link in _A.finditer(cell):
        if _BIAS_CHART.search(link[2]):
            rating_url = _href(cell, base, link, locate) or empty
            continue
        url = _href(cell, base, link, locate) or Field(
            "", locate.span(base + link.start(), base + link.end())
        )
        outlet = _field(cell, base, link.start(2), link.end(2), locate, _text(link[2]))
        outlet_end = link.end()
        break

    source_type = empty
    date_raw = empty
    for div in _INNER_DIV.finditer(cell, outlet_end):
        inner = div[1]
        if "<a" in inner.lower():
            continue
        if (kind := _TYPE.match(inner)) is not None:
            source_type = _field(
                cell,
                base,
                div.start(1) + kind.start(1),
                div.start(1) + kind.end(1),
                locate,
                _text(kind[1]),
            )
            continue
        if source_type.span is None and not inner.strip() and date_raw.span is None:
            # An empty first div after the link is the (absent) source type.
            source_type = _field(cell, base, div.start(1), div.end(1), locate, "")
            continue
        date_raw = _field(cell, base, div.start(1), div.end(1), locate, _text(inner))
    return Source(
        rating_url=rating_url,
        bias_label=bias_label,
        url=url,
        outlet=outlet,
        source_type=source_type,
        date_raw=date_raw,
        date=parse_date(date_raw.value) if date_raw.value else None,
    )
