"""The lean chart and the graded blindspot, shared by the bias report's HTML and the audit site.

The chart is SVG with presentation attributes only (``fill``, ``x``, ``width``): no ``style``
attribute anywhere, so a page under a Content-Security-Policy without ``'unsafe-inline'``
styles draws it unchanged.
"""

from __future__ import annotations

from html import escape
from typing import NamedTuple

from claimkit.report.model import UnitStats
from claimkit.report.text import COLORS, percent

# Segments a light colour carries dark numbers on, the others white ones (contrast >= 4.5).
_DARK_TEXT = frozenset({"Lean Left", "Lean Right", "Mixed", "Unrated"})
_MARGIN = 10
_BAR = 28
_OFF = 20


class Grade(NamedTuple):
    """How one-sided the sided sources are: 0 balanced, 1 uneven, 2 thin, 3 blindspot."""

    level: int
    word: str
    detail: str


GRADE_WORDS = ("balanced", "uneven", "thin", "blindspot")


def blindspot_grade(stats: UnitStats) -> Grade:
    """A yes/no blindspot hides "nine left, one right"; the grade says how far it is from it.

    The minority side's share of the sided sources (left + right, Center and Mixed left out):
    none is the blindspot of the bias report, under 20% thin, under a third uneven.
    """
    counts = stats.counts
    left = counts["Left"] + counts["Lean Left"]
    right = counts["Lean Right"] + counts["Right"]
    sided = left + right
    if not sided:
        return Grade(0, "balanced", "no left- or right-leaning sources")
    small, side = (right, "right") if right <= left else (left, "left")
    share = small / sided
    if small == 0:
        level = 3
        detail = f"no {side}-leaning source against {sided} on the other side"
    else:
        level = 2 if share < 0.2 else 1 if share < 1 / 3 else 0
        detail = f"{small} of {sided} sided sources on the {side} ({percent(share)})"
    return Grade(level, GRADE_WORDS[level], detail)


def grade_html(grade: Grade) -> str:
    """Three cells filled up to the grade (classes only: the page's CSS colours them), then words.

    Readable without colour (the word and the detail say it) and at a glance with it.
    """
    return (
        f'<span class="grade g{grade.level}" title="{escape(grade.detail)}">'
        '<span class="meter" aria-hidden="true"><i></i><i></i><i></i></span> '
        f"<b>{escape(grade.word)}</b>: {escape(grade.detail)}</span>"
    )


# The meter's look, for pages that inline their CSS and for the audit's stylesheet alike.
GRADE_CSS = (
    ".meter i{display:inline-block;width:.8em;height:.65em;margin-right:2px;"
    "border:1px solid #999;background:#eee}"
    ".g1 .meter i:nth-child(-n+1){background:#e0a800}"
    ".g2 .meter i:nth-child(-n+2){background:#f08a40}"
    ".g3 .meter i{background:#b00020}.g3 b{color:#b00020}"
)


def _number(x: float, width: float, y: float, count: int, label: str) -> str:
    text = str(count)
    colour = "#111" if label in _DARK_TEXT else "#fff"
    if width < 7 * len(text) + 6:
        # Too narrow to hold its number: write it above the bar, in the axis row.
        return (
            f'<text x="{x + width / 2:.1f}" y="11" font-size="11" text-anchor="middle" '
            f'fill="#333">{text}</text>'
        )
    return (
        f'<text x="{x + width / 2:.1f}" y="{y:.1f}" font-size="12" text-anchor="middle" '
        f'fill="{colour}" stroke="{COLORS[label]}" stroke-width="4" paint-order="stroke">'
        f"{text}</text>"
    )


def _segment(
    x: float, y: int, width: float, height: int, label: str, count: int, whole: int
) -> str:
    return (
        f'<rect x="{x:.2f}" y="{y}" width="{width:.2f}" height="{height}" '
        f'fill="{COLORS[label]}"><title>{escape(label)}: {count} '
        f"({percent(count / whole if whole else 0)})</title></rect>"
    )


def lean_chart(stats: UnitStats, title: str, width: int = 600) -> str:
    """A diverging bar: left labels grow left of the centre axis, right ones right of it.

    Center straddles the axis; Mixed and Unrated, on no side, sit in a thinner bar below at
    the same scale. Every segment carries its count.
    """
    counts = stats.counts
    centre = width / 2
    half = centre - _MARGIN
    c = counts["Center"]
    left_need = counts["Left"] + counts["Lean Left"] + c / 2
    right_need = counts["Lean Right"] + counts["Right"] + c / 2
    off = counts["Mixed"] + counts["Unrated"]
    scale = half / max(left_need, right_need, off / 2, 1)
    top = 16
    # The thinner bar below only when there is something off the scale to show.
    height = top + _BAR + 4 + (_OFF + 8 if off else 0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">',
        f'<text x="{_MARGIN}" y="11" font-size="11" fill="#555">◀ left</text>',
        f'<text x="{width - _MARGIN}" y="11" font-size="11" fill="#555" '
        'text-anchor="end">right ▶</text>',
    ]
    if not stats.total:
        parts.append(
            f'<text x="{centre}" y="{top + 19}" font-size="13" fill="#555" '
            'text-anchor="middle">nothing to count</text>'
        )
    mid = top + _BAR / 2 + 4
    placed: list[tuple[float, float, str]] = []
    if c:
        placed.append((centre - c * scale / 2, c * scale, "Center"))
    x = centre - c * scale / 2
    for label in ("Lean Left", "Left"):
        if counts[label]:
            x -= counts[label] * scale
            placed.append((x, counts[label] * scale, label))
    x = centre + c * scale / 2
    for label in ("Lean Right", "Right"):
        if counts[label]:
            placed.append((x, counts[label] * scale, label))
            x += counts[label] * scale
    for sx, sw, label in placed:
        parts.append(_segment(sx, top, sw, _BAR, label, counts[label], stats.total))
    # The axis goes over the segments and under the numbers, which a halo of their segment's
    # colour keeps legible where they cross it.
    parts.append(
        f'<line x1="{centre}" y1="{top - 3}" x2="{centre}" y2="{top + _BAR + 3}" '
        'stroke="#111" stroke-width="1.5"/>'
    )
    for sx, sw, label in placed:
        parts.append(_number(sx, sw, mid, counts[label], label))
    y_off = top + _BAR + 8
    x = float(_MARGIN)
    for label in ("Mixed", "Unrated"):
        if counts[label]:
            sw = counts[label] * scale
            parts.append(_segment(x, y_off, sw, _OFF, label, counts[label], stats.total))
            inside = sw >= 7 * len(f"{label} {counts[label]}") + 6
            tx = x + 4 if inside else x + sw + 4
            colour = "#111"
            parts.append(
                f'<text x="{tx:.1f}" y="{y_off + 14}" font-size="11" fill="{colour}">'
                f"{escape(label)} {counts[label]}</text>"
            )
            x += sw + (0 if inside else 7 * len(f"{label} {counts[label]}") + 10)
    parts.append("</svg>")
    return "".join(parts)
