"""What every command shares: exit codes and the one-line error."""

from __future__ import annotations

import enum
import sys
from typing import NoReturn

import typer


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2


def fail(message: str) -> NoReturn:
    """A usage, configuration or input error: one line on stderr, exit 2."""
    sys.stderr.write(f"claimkit: error: {message}\n")
    raise typer.Exit(ExitCode.USAGE)


def note(message: str) -> None:
    sys.stderr.write(f"claimkit: {message}\n")
