"""GitHub Actions workflow commands: annotations on the pull request's changed lines."""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.diagnostics import Diagnostic, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render_line(d: Diagnostic) -> str:
    properties = [
        # GitHub matches annotations to repository paths, which never start with "./".
        f"file={escape_property(d.path.removeprefix('./'))}",
        f"line={d.line}",
        f"col={d.column}",
    ]
    # GitHub only honours endColumn on a one-line range.
    if d.end_line is not None and d.end_line == d.line and d.end_column is not None:
        properties += [f"endLine={d.end_line}", f"endColumn={d.end_column}"]
    properties.append(f"title={escape_property(d.code)}")
    message = f"{d.code} {d.name}: {d.message}"
    return f"::{_COMMAND[d.severity]} {','.join(properties)}::{escape_data(message)}"


def render(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(render_line(d) + "\n" for d in diagnostics)
