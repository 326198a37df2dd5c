"""The ``claimkit`` command. Each command lives in its own module and imports lazily."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimkit import __version__
from claimkit.cli import bias_report as _bias_report
from claimkit.cli import config_cmd as _config
from claimkit.cli import dedupe as _dedupe
from claimkit.cli import lint as _lint
from claimkit.cli import parse_cmd as _parse
from claimkit.cli import ratings_cmd as _ratings
from claimkit.cli import rules_cmd as _rules
from claimkit.cli import verify as _verify

app = typer.Typer(
    name="claimkit",
    help="Audit claims, citations and sources in explainer documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claimkit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Audit claims, citations and sources in explainer documents."""


app.command("lint")(_lint.lint)
app.command("parse")(_parse.parse)
app.command("rules")(_rules.rules)
app.command("rule")(_rules.rule)
app.add_typer(_config.config_app, name="config")
app.command("bias-report")(_bias_report.bias_report)
app.add_typer(_ratings.app, name="ratings")
app.command("verify")(_verify.verify)
app.command("dedupe")(_dedupe.dedupe)


def main() -> None:
    """Entry point: never lets a traceback reach the user."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("claimkit: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (| head): nothing left to say to anyone.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        sys.stderr.write(f"claimkit: internal error: {type(exc).__name__}: {exc}\n")
        sys.exit(2)
