"""``full``: each finding with the line it points at and a caret under the column, as ruff
shows it; then the fix's title when there is one."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from claimkit.diagnostics import Applicability, Diagnostic
from claimkit.output.source import Sources
from claimkit.output.text import render_line

_BLUE, _RED, _RESET = "\x1b[1;34m", "\x1b[1;31m", "\x1b[0m"
# Longer lines are cut around the column: a claim row can run to thousands of characters.
_WINDOW = 120
_CONTROLS = {code: "\ufffd" for code in [*range(0x20), 0x7F]} | {0x09: " "}


def _width(text: str) -> int:
    """Terminal cells: wide characters (CJK) take two, combining marks none."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return cells


def _excerpt(line: str, column: int, length: int) -> tuple[str, int, int]:
    """The part of ``line`` to show, and the caret's start and length within it."""
    # One cell per character, and no terminal control sequences from a hostile file.
    line = line.translate(_CONTROLS)
    start = column - 1
    if len(line) <= _WINDOW:
        return line, start, length
    left = max(0, min(start - _WINDOW // 3, len(line) - _WINDOW))
    shown = line[left : left + _WINDOW]
    prefix = "…" if left else ""
    suffix = "…" if left + _WINDOW < len(line) else ""
    caret = start - left + len(prefix)
    return prefix + shown + suffix, caret, min(length, len(shown) - (start - left))


def render_one(d: Diagnostic, sources: Sources, color: bool = False) -> str:
    blue, red, reset = (_BLUE, _RED, _RESET) if color else ("", "", "")
    out = [render_line(d, color)]
    line = sources.line(d.path, d.line)
    if line is not None:
        length = 1
        if d.end_line == d.line and d.end_column is not None and d.end_column > d.column:
            length = d.end_column - d.column
        length = max(1, min(length, len(line) - d.column + 1))
        shown, caret, length = _excerpt(line, d.column, length)
        gutter = str(d.line)
        pad = " " * len(gutter)
        out.append(f"{blue}{pad} |{reset}")
        out.append(f"{blue}{gutter} |{reset} {shown}")
        under = " " * _width(shown[:caret]) + "^" * max(1, _width(shown[caret : caret + length]))
        out.append(f"{blue}{pad} |{reset} {red}{under}{reset}")
    if d.offers_fix and d.fix is not None:
        how = {
            Applicability.SAFE: "fix with --fix",
            Applicability.UNSAFE: "fix with --fix --unsafe-fixes",
            Applicability.DISPLAY_ONLY: "suggestion",
        }[d.fix.applicability]
        out.append(f"  = help: {d.fix.title} ({how})")
    return "\n".join(out) + "\n"


def render(diagnostics: Iterable[Diagnostic], sources: Sources, color: bool = False) -> str:
    return "\n".join(render_one(d, sources, color) for d in diagnostics)
