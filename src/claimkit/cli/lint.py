"""``claimkit lint``: check explainers against the rule catalogue."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note


class LintFormat(StrEnum):
    text = "text"
    json = "json"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def lint(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (searched for *.md) or - for standard input.",
            show_default=False,
        ),
    ],
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select", help="Only these rules: codes, prefixes (CK1) or names; comma-separated."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help="Skip these rules: codes, prefixes or names; comma-separated."
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option("--extend-select", help="Add rules to the default set (e.g. CK401)."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding has at least this severity.")
    ] = FailOn.warning,
    output_format: Annotated[
        LintFormat, typer.Option("--format", help="Output format.")
    ] = LintFormat.text,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="The name to report for input read from -."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Print findings only: no summary, no notes.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Also list files skipped as non-explainers.")
    ] = False,
    ratings: Annotated[
        list[str] | None,
        typer.Option(
            "--ratings",
            metavar="FILE",
            help="A ratings file layered over the shipped database (repeatable; later wins).",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
) -> None:
    """Check explainers: citations, claims table, sources, dates."""
    from claimkit.diagnostics import Severity
    from claimkit.discovery import PathError, discover
    from claimkit.engine import FileResult, LintJob, count_by_severity, lint_bytes, lint_files
    from claimkit.selection import SelectionError, select_rules, split_list

    try:
        rules = select_rules(split_list(select), split_list(ignore), split_list(extend_select))
    except SelectionError as exc:
        fail(str(exc))
    from claimkit.settings import Settings

    job = LintJob(rules, Settings(ratings_files=tuple(ratings or ())))
    from claimkit.ratings import NEEDS_RATINGS

    if any(rule.code in NEEDS_RATINGS for rule in rules):
        from claimkit.ratings.access import database
        from claimkit.ratings.load import RatingsError

        try:
            # Loaded here, once, before any worker forks: a bad file is a clean exit 2, and
            # the workers inherit the entries and the suffix list instead of loading their own.
            database(job.settings).registered("example.com")
        except RatingsError as exc:
            fail(str(exc))

    results: list[FileResult] = []
    file_paths = [p for p in paths if p != "-"]
    try:
        found = discover(file_paths)
    except PathError as exc:
        fail(str(exc))
    if "-" in paths:
        results.append(lint_bytes(sys.stdin.buffer.read(), stdin_filename or "-", job))
    results.extend(lint_files(found.files, job, jobs))

    diagnostics = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key)
    if output_format is LintFormat.json:
        from claimkit.output import json_format

        sys.stdout.write(json_format.render(diagnostics))
    else:
        from claimkit.output import text
        from claimkit.output.terminal import wants_color

        sys.stdout.write(text.render(diagnostics, wants_color(sys.stdout)))
    sys.stdout.flush()

    if not quiet:
        for directory in found.empty_dirs:
            note(f"no markdown files found in {directory}")
        skipped = [r for r in results if r.skipped]
        for result in skipped:
            if verbose or result.skipped == "empty file":
                note(f"{result.path}: skipped: {result.skipped}")
        linted = len(results) - len(skipped)
        if results and not linted and not verbose:
            note(f"no explainers among {len(results)} file(s) (use -v to list them)")
        from claimkit.output.summary import summary_line

        with_findings = sum(1 for r in results if r.diagnostics)
        note(summary_line(count_by_severity(results), linted, with_findings))

    threshold = Severity.parse(fail_on.value)
    if any(d.severity >= threshold for d in diagnostics):
        raise typer.Exit(ExitCode.FINDINGS)
