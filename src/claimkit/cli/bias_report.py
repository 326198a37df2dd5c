"""``claimkit bias-report``: whose voices do these explainers rest on?"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note, write_report
from claimkit.cli.options import (
    Color,
    ConfigFile,
    Exclude,
    ExtendExclude,
    ForceExclude,
    Isolated,
    Jobs,
    RatingsFiles,
)

if TYPE_CHECKING:
    from claimkit.report.model import Report


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"


class Prefer(StrEnum):
    database = "database"
    inline = "inline"


def bias_report(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Explainer files, directories (searched for *.md) or - for standard input.",
            show_default=False,
        ),
    ],
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by", help="Units: outlets, claims, citations (comma-separated; default: all three)."
        ),
    ] = None,
    prefer: Annotated[
        Prefer,
        typer.Option("--prefer", help="Whose rating counts: the database's or the inline label."),
    ] = Prefer.database,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = ReportFormat.table,
    output: Annotated[
        str | None,
        typer.Option(
            "--output-file",
            "-o",
            "--output",
            metavar="FILE",
            help="Write the report to this file (atomically).",
        ),
    ] = None,
    ratings: RatingsFiles = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    force_exclude: ForceExclude = False,
    fail_on_blindspot: Annotated[
        bool, typer.Option("--fail-on-blindspot", help="Exit 1 when a report has a blindspot.")
    ] = False,
    max_lean: Annotated[
        float | None,
        typer.Option(
            "--max-lean",
            min=0.0,
            max=2.0,
            metavar="X",
            help="Exit 1 when a mean lean is further than X from 0 (scale -2..+2).",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="The name to report for input read from -."),
    ] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No notes on stderr.")] = False,
    jobs: Jobs = None,
    exclude: Exclude = None,
    extend_exclude: ExtendExclude = None,
    color: Color = None,
) -> None:
    """Balance of the sources per document and for the whole corpus: outlets, claims, citations."""
    import os

    from claimkit.ratings import RatingsError
    from claimkit.ratings.access import database_for
    from claimkit.report.gates import violations
    from claimkit.report.model import UNITS
    from claimkit.run.report import Outcome, report_bytes, report_files
    from claimkit.selection import split_list

    units = tuple(dict.fromkeys(u.strip().lower() for u in split_list(by))) or UNITS
    for unit in units:
        if unit not in UNITS:
            fail(f"unknown unit {unit!r} for --by (use outlets, claims or citations)")
    units = tuple(u for u in UNITS if u in units)
    from claimkit.plan import Flags
    from claimkit.run.workspace import WorkspaceError, open_workspace
    from claimkit.settings import Settings

    try:
        found = open_workspace(
            paths,
            Flags(
                settings=Settings(ratings_files=tuple(ratings or ())),
                exclude=exclude,
                extend_exclude=tuple(extend_exclude or ()),
            ),
            config_file=config,
            isolated=isolated,
            force_exclude=force_exclude,
        )
        # Each file's database: its own configuration's `ratings`, then the --ratings files.
        # Loaded before the workers fork, so that they inherit them and a bad file is exit 2.
        for path, _display in found.files:
            database_for(found.ratings_files(path))
        stdin_db = database_for(found.ratings_files(stdin_filename or "-"))
    except (WorkspaceError, RatingsError) as exc:
        fail(str(exc))

    documents: list[Report] = []
    from claimkit.cli.progress import track

    reports = report_files(
        found.files, lambda path: database_for(found.ratings_files(path)), prefer.value, jobs
    )
    outcomes = list(track(reports, len(found.files), "reporting", quiet))
    if "-" in paths:
        outcomes.insert(
            0, report_bytes(sys.stdin.buffer.read(), stdin_filename or "-", stdin_db, prefer.value)
        )
    unreadable = [outcome for outcome in outcomes if outcome.error is not None]
    unreadable += [Outcome(path, None, error=why) for path, why in found.errors]
    for outcome in unreadable:
        sys.stderr.write(f"claimkit: error: {outcome.path}: {outcome.error}\n")
    for outcome in outcomes:
        if outcome.report is not None:
            documents.append(outcome.report)
        elif not quiet and outcome.skipped and not outcome.skipped.startswith("not an explainer"):
            note(f"{outcome.path}: skipped: {outcome.skipped}")
    if not quiet:
        for directory in found.empty_dirs:
            note(f"no markdown files found in {directory}")
    corpus = None
    if len(outcomes) > 1 or any(os.path.isdir(p) for p in paths):
        from claimkit.report.compute import corpus_report

        corpus = corpus_report(documents)
    if not documents and not quiet:
        note(f"no explainers among {len(outcomes)} file(s)")

    text = _render(output_format, documents, corpus, units, output)
    if output is not None or text:
        write_report(text, output)

    problems = violations(documents, corpus, units, fail_on_blindspot, max_lean)
    if not quiet:
        for problem in problems:
            note(problem)
    if unreadable:
        raise typer.Exit(ExitCode.USAGE)
    if problems:
        raise typer.Exit(ExitCode.FINDINGS)


def _render(
    fmt: ReportFormat,
    documents: list[Report],
    corpus: Report | None,
    units: tuple[str, ...],
    output: str | None,
) -> str:
    if fmt is ReportFormat.table:
        import io

        from claimkit.output.terminal import wants_color
        from claimkit.report import render_terminal

        if output is None:
            render_terminal.render(documents, corpus, units, sys.stdout, wants_color(sys.stdout))
            return ""
        buffer = io.StringIO()
        render_terminal.render(documents, corpus, units, buffer, False)
        return buffer.getvalue()
    if fmt is ReportFormat.json:
        from claimkit.report import render_json as renderer
    elif fmt is ReportFormat.markdown:
        from claimkit.report import render_markdown as renderer  # type: ignore[no-redef]
    elif fmt is ReportFormat.csv:
        from claimkit.report import render_csv as renderer  # type: ignore[no-redef]
    else:
        from claimkit.report import render_html as renderer  # type: ignore[no-redef]
    return renderer.render(documents, corpus, units)
