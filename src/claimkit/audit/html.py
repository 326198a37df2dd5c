"""What every audit page shares: escaping, the head with its policy, the small lean bar."""

from __future__ import annotations

import re
from html import escape, unescape

from claimkit.report.model import UnitStats
from claimkit.report.text import lean

# Nothing runs or loads but the site's own files: no inline script or style, no plugins, no
# forms, no base URL, nothing from the network. 'self' covers file:// in Chromium (the
# browser test loads the site from disk under exactly this policy); docs/audit.md says more.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)

_TAG = re.compile(r"<[^<>]*>")


def text(value: str) -> str:
    """Markdown/HTML source as plain text, escaped: tags dropped, entities read, space folded.

    Entities are decoded first so ``&amp;`` shows as ``&`` and not as ``&amp;amp;``; what
    is left is escaped whole, so no markup from a document ever reaches the page as markup.
    """
    if "<" in value:
        value = _TAG.sub("", value)
    if "&" in value:
        value = unescape(value)
    return escape(" ".join(value.split()))


def plain(value: str) -> str:
    """Text that should hold no markup (a claim, a context, a title), shown as written.

    Markup in it is a defect worth seeing, so it is escaped, not dropped.
    """
    if "&" in value:
        value = unescape(value)
    return escape(" ".join(value.split()))


def attr(value: str) -> str:
    return escape(value, quote=True)


def head(title: str, root: str, script: bool) -> str:
    """``root``: the path from the page to the site's root ("" or "../")."""
    js = f'<script src="{root}assets/audit.js" defer></script>' if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="stylesheet" href="{root}assets/audit.css">{js}</head>'
    )


_ON_SCALE = ("Left", "Lean Left", "Center", "Lean Right", "Right")
_KEYS = {"Left": "l2", "Lean Left": "l1", "Center": "c0", "Lean Right": "r1", "Right": "r2"}
MINI_WIDTH = 80


def mini_bar(stats: UnitStats | None) -> str:
    """The outlets on the scale as a stacked bar, the mean marked, a tick at the centre.

    Colours come from classes (the stylesheet), so the bar needs no inline style; a few
    hundred bytes per index row keeps a thousand rows well under a megabyte.
    """
    if stats is None:
        return ""
    on_scale = sum(stats.counts[x] for x in _ON_SCALE)
    if not on_scale:
        return '<span class="muted">no rated outlet</span>'
    parts = [
        f'<svg class="mb" viewBox="0 0 {MINI_WIDTH} 12" '
        f'role="img" aria-label="mean lean {lean(stats.mean_lean)}">'
    ]
    x = 0.0
    for label in _ON_SCALE:
        count = stats.counts[label]
        if count:
            width = MINI_WIDTH * count / on_scale
            parts.append(
                f'<rect class="{_KEYS[label]}" x="{x:.1f}" y="2" width="{width:.1f}" height="8"/>'
            )
            x += width
    parts.append(f'<rect class="ax" x="{MINI_WIDTH / 2 - 0.5}" y="0" width="1" height="12"/>')
    if stats.mean_lean is not None:
        mean_x = (stats.mean_lean + 2) / 4 * MINI_WIDTH
        parts.append(
            f'<rect class="mean" x="{max(0.0, mean_x - 1.5):.1f}" y="0" width="3" height="12"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
