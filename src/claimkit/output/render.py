"""Pick the renderer for ``--format``; each format lives in its own module, imported on use."""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.diagnostics import Diagnostic
from claimkit.output.source import Sources

# "text" and "concise" are one format (ruff's name beside the historical one).
FORMATS: tuple[str, ...] = (
    "text", "concise", "full", "json", "json-lines", "sarif", "github", "junit",
)  # fmt: skip
# The formats that print each fix's edits; the others show at most its title and kind.
SHOWS_EDITS = frozenset({"json", "json-lines", "sarif"})


def render(
    output_format: str,
    diagnostics: Sequence[Diagnostic],
    files: Sequence[str],
    color: bool,
    sources: Sources | None = None,
) -> str:
    if output_format in ("json", "json-lines"):
        from claimkit.output import json_format

        if output_format == "json-lines":
            return json_format.render_lines(diagnostics, sources)
        return json_format.render(diagnostics, sources)
    if output_format == "sarif":
        from claimkit.output import sarif
        from claimkit.rules import RULES
        from claimkit.version import __version__

        return sarif.render(diagnostics, RULES, __version__, sources)
    if output_format == "github":
        from claimkit.output import github

        return github.render(diagnostics)
    if output_format == "junit":
        from claimkit.output import junit

        return junit.render(diagnostics, files)
    if output_format == "full":
        from claimkit.output import full

        return full.render(diagnostics, sources or Sources(), color)
    from claimkit.output import text

    return text.render(diagnostics, color)
