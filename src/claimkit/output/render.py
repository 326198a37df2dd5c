"""Pick the renderer for ``--format``; each format lives in its own module, imported on use."""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.diagnostics import Diagnostic

FORMATS: tuple[str, ...] = ("text", "json", "sarif", "github", "junit")


def render(
    output_format: str, diagnostics: Sequence[Diagnostic], files: Sequence[str], color: bool
) -> str:
    if output_format == "json":
        from claimkit.output import json_format

        return json_format.render(diagnostics)
    if output_format == "sarif":
        from claimkit import __version__
        from claimkit.output import sarif
        from claimkit.rules import RULES

        return sarif.render(diagnostics, RULES, __version__)
    if output_format == "github":
        from claimkit.output import github

        return github.render(diagnostics)
    if output_format == "junit":
        from claimkit.output import junit

        return junit.render(diagnostics, files)
    from claimkit.output import text

    return text.render(diagnostics, color)
