"""``path:line:col: CODE severity message``, one line per diagnostic."""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.diagnostics import Diagnostic, Severity

_STYLE = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render_line(diagnostic: Diagnostic, color: bool = False) -> str:
    d = diagnostic
    if not color:
        return f"{d.path}:{d.line}:{d.column}: {d.code} {d.severity.label} {d.message}"
    return (
        f"{_BOLD}{d.path}{_RESET}{_DIM}:{d.line}:{d.column}:{_RESET} "
        f"{_STYLE[d.severity]}{d.code}{_RESET} {_STYLE[d.severity]}{d.severity.label}{_RESET} "
        f"{d.message}"
    )


def render(diagnostics: Iterable[Diagnostic], color: bool = False) -> str:
    return "".join(render_line(d, color) + "\n" for d in diagnostics)
