"""The ``claimkit`` command. Each command lives in its own module and imports lazily.

typer inspects the signature of every registered command each time it runs (about 30 ms for
the whole set), so ``main`` registers only the command being invoked; ``claimkit --help``,
an unknown command and the test suite get the full application.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Annotated, Any

import typer

from claimkit.version import __version__

# name -> (module, attribute, kind): "command" for a function, "group" for a sub-Typer.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "lint": ("claimkit.cli.lint", "lint", "command"),
    "parse": ("claimkit.cli.parse_cmd", "parse", "command"),
    "rules": ("claimkit.cli.rules_cmd", "rules", "command"),
    "rule": ("claimkit.cli.rules_cmd", "rule", "command"),
    "config": ("claimkit.cli.config_cmd", "config_app", "group"),
    "bias-report": ("claimkit.cli.bias_report", "bias_report", "command"),
    "ratings": ("claimkit.cli.ratings_cmd", "app", "group"),
    "verify": ("claimkit.cli.verify", "verify", "command"),
    "dedupe": ("claimkit.cli.dedupe", "dedupe", "command"),
    "audit": ("claimkit.cli.audit_cmd", "audit", "command"),
    "clean": ("claimkit.cli.clean_cmd", "clean", "command"),
}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claimkit {__version__}\n")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Audit claims, citations and sources in explainer documents."""


def build_app(only: str | None = None) -> typer.Typer:
    """The application with every command, or with just ``only``."""
    application = typer.Typer(
        name="claimkit",
        help="Audit claims, citations and sources in explainer documents.",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    # A callback keeps the application a group even with one command registered.
    application.callback()(_root)
    for name, (module, attribute, kind) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(import_module(module), attribute)
        if kind == "group":
            application.add_typer(target, name=name)
        else:
            application.command(name)(target)
    return application


def __getattr__(name: str) -> Any:
    # ``from claimkit.cli import app``: the full application, built on first use.
    if name == "app":
        application = build_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)


def _invoked(argv: list[str]) -> str | None:
    """The command named on the command line, when it is a known one.

    "" (no command at all) for a bare ``claimkit --version``, which then needs none.
    """
    for argument in argv:
        if not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return "" if "--version" in argv or "-V" in argv else None


# Help piped to a file or a pager: rich would assume 80 columns and cut the long option
# names (--report-unused-suppressions) to "…". 120 fits every option of every command.
HELP_WIDTH = "120"


def _help_width(argv: list[str]) -> None:
    import os

    if os.environ.get("TERMINAL_WIDTH") or os.environ.get("COLUMNS"):
        return  # the user said how wide
    if sys.stdout.isatty():
        return  # rich measures a real terminal itself
    if not argv or "--help" in argv or "-h" in argv:
        # Read by typer.rich_utils when it is first imported, which only help does.
        os.environ["TERMINAL_WIDTH"] = HELP_WIDTH


def main() -> None:
    """Entry point: never lets a traceback reach the user."""
    _help_width(sys.argv[1:])
    try:
        build_app(_invoked(sys.argv[1:]))()
    except SystemExit as exc:
        if exc.code == 130:  # typer turns Ctrl-C into a silent exit 130: say what happened
            sys.stderr.write("claimkit: interrupted\n")
        raise
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
