"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

ConfigFile = Annotated[
    str | None,
    typer.Option("--config", help="Use this configuration file instead of searching."),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")]
ForceExclude = Annotated[
    bool,
    typer.Option(
        "--force-exclude", help="Apply configured excludes to files named explicitly too."
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
]
Force = Annotated[
    bool,
    typer.Option(
        "--force", help="With --fix, also rewrite read-only files and files with hard links."
    ),
]
Verbose = Annotated[
    bool, typer.Option("-v", "--verbose", help="Also list files skipped as non-explainers.")
]
RatingsFiles = Annotated[
    list[str] | None,
    typer.Option(
        "--ratings",
        metavar="FILE",
        help="A ratings file layered over the shipped database (repeatable; later wins).",
    ),
]


class ColorMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def _set_color(value: ColorMode | None) -> ColorMode | None:
    # A callback, so every command honours --color by declaring the option and nothing else.
    from claimkit.output import terminal

    terminal.set_mode(value.value if value is not None else "auto")
    return value


Color = Annotated[
    ColorMode | None,
    typer.Option(
        "--color",
        callback=_set_color,
        help="Colour: auto (a terminal, and NO_COLOR unset), always or never.",
        show_default=False,
    ),
]
Exclude = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Skip files matching these globs, instead of the configured exclude (repeatable).",
    ),
]
ExtendExclude = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-exclude",
        metavar="GLOB",
        help="Skip files matching these globs, besides the configured exclude (repeatable).",
    ),
]
OutputFile = Annotated[
    str | None,
    typer.Option(
        "--output-file", "-o", metavar="FILE", help="Write the report to this file (atomically)."
    ),
]


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# Rule selection, the same words on lint and audit.
Select = Annotated[
    list[str] | None,
    typer.Option(
        "--select", help="Only these rules: codes, prefixes (CK1) or names; comma-separated."
    ),
]
Ignore = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rules: codes, prefixes or names; comma-separated."),
]
ExtendSelect = Annotated[
    list[str] | None,
    typer.Option("--extend-select", help="Add rules to the default set (e.g. CK401)."),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 when a finding has at least this severity [default: warning].",
        show_default=False,
    ),
]
