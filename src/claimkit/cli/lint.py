"""``claimkit lint``: check explainers against the rule catalogue."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note

if TYPE_CHECKING:
    from claimkit.settings import Settings


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
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: all cores)."),
    ] = None,
    online: Annotated[
        bool,
        typer.Option(
            "--online", help="Also fetch every source once: CK501 dead links, CK502 quotes."
        ),
    ] = False,
) -> None:
    """Check explainers: citations, claims table, sources, dates."""
    from claimkit.diagnostics import Severity
    from claimkit.discovery import PathError, discover
    from claimkit.engine import FileResult, LintJob, count_by_severity, lint_bytes, lint_files
    from claimkit.selection import SelectionError, select_rules, split_list
    from claimkit.settings import Settings

    try:
        rules = select_rules(split_list(select), split_list(ignore), split_list(extend_select))
    except SelectionError as exc:
        fail(str(exc))
    job = LintJob(rules, Settings(online=online))

    results: list[FileResult] = []
    file_paths = [p for p in paths if p != "-"]
    try:
        found = discover(file_paths)
    except PathError as exc:
        fail(str(exc))
    stdin_data = sys.stdin.buffer.read() if "-" in paths else None
    if online:
        _prefetch(job.settings, found.files, stdin_data)
    if stdin_data is not None:
        results.append(lint_bytes(stdin_data, stdin_filename or "-", job))
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


def _prefetch(settings: Settings, files: list[tuple[str, str]], stdin_data: bytes | None) -> None:
    """lint --online: fetch the run's source pages once, before any rule runs."""
    from claimkit.parse import UnreadableError, parse_bytes, parse_file
    from claimkit.verify.prefetch import prefetch

    documents = []
    for path, display in files:
        try:
            documents.append(parse_file(path, display))
        except UnreadableError:
            continue  # CK001 reports it
    if stdin_data is not None:
        from contextlib import suppress

        with suppress(UnreadableError):
            documents.append(parse_bytes(stdin_data, "-"))
    settings.pages, warning = prefetch(documents)
    if warning:
        note(f"warning: {warning}")
