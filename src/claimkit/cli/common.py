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


def write_report(text: str, output_file: str | None) -> None:
    """A command's report: to standard output, or (``-o FILE``) atomically to FILE.

    The file is created with its directory, with the mode the umask gives (an existing one
    keeps its mode), so the next CI step can read it.
    """
    if output_file is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import os

    from claimkit.fix.write import WriteError, write_output

    try:
        parent = os.path.dirname(output_file)
        if parent:
            os.makedirs(parent, exist_ok=True)
        write_output(output_file, text.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {output_file}: {exc.strerror or exc}")
    except WriteError as exc:
        fail(f"cannot write {output_file}: {exc.reason}")
