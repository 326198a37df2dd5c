"""Options that several commands share, declared once so they read and behave alike."""

from __future__ import annotations

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
