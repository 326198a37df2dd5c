"""``claimkit parse``: show the parsed model of one explainer."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from claimkit.cli.common import fail


class ParseFormat(StrEnum):
    json = "json"
    text = "text"


def parse(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="An explainer, or - for standard input.")
    ],
    output_format: Annotated[
        ParseFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = ParseFormat.json,
) -> None:
    """Print the parsed document model (title, levels, citations, claims) with positions."""
    from claimkit.files import parse_path
    from claimkit.output import model_json
    from claimkit.parse import UnreadableError, parse_bytes

    try:
        if file == "-":
            document = parse_bytes(sys.stdin.buffer.read(), "-")
        else:
            import os

            if not os.path.lexists(file):
                fail(f"path does not exist: {file}")
            if os.path.isdir(file):
                fail(f"{file} is a directory; parse takes one file")
            document = parse_path(file)
    except UnreadableError as exc:
        fail(f"{file}: {exc}")
    if output_format is ParseFormat.json:
        sys.stdout.write(model_json.render(document))
    else:
        sys.stdout.write(model_json.render_outline(document))
