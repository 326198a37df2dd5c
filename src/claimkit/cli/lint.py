"""``claimkit lint``: check explainers against the rule catalogue."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from claimkit.cli.options import (
    Color,
    ConfigFile,
    Exclude,
    ExtendExclude,
    ExtendSelect,
    FailOnOption,
    Force,
    ForceExclude,
    Ignore,
    Isolated,
    Jobs,
    RatingsFiles,
    Select,
    Verbose,
)


class LintFormat(StrEnum):
    text = "text"
    concise = "concise"  # ruff's name for text
    full = "full"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    github = "github"
    junit = "junit"


def lint(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files, directories (searched for *.md) or - for standard input.",
            show_default=False,
        ),
    ],
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    fail_on: FailOnOption = None,
    output_format: Annotated[
        LintFormat,
        typer.Option(
            "--format", "--output-format", help="Output format (concise is the same as text)."
        ),
    ] = LintFormat.text,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", help="The name to report for input read from -."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Print findings only: no summary, no notes.")
    ] = False,
    verbose: Verbose = False,
    ratings: RatingsFiles = None,
    jobs: Jobs = None,
    output_file: Annotated[
        str | None,
        typer.Option("--output-file", "-o", help="Write the report to this file (atomically)."),
    ] = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply safe fixes, in place.")] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too.")
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Show the fixes as a unified diff; write nothing."),
    ] = False,
    exit_non_zero_on_fix: Annotated[
        bool,
        typer.Option(
            "--exit-non-zero-on-fix", help="Exit 1 when --fix changed a file, even if clean now."
        ),
    ] = False,
    force_exclude: ForceExclude = False,
    force: Force = False,
    report_unused_suppressions: Annotated[
        bool,
        typer.Option(
            "--report-unused-suppressions",
            help="Report claimkit-disable comments that suppress nothing (CK901, CK902).",
        ),
    ] = False,
    online: Annotated[
        bool,
        typer.Option(
            "--online", help="Also fetch every source once: CK501 dead links, CK502 quotes."
        ),
    ] = False,
    exit_zero: Annotated[
        bool,
        typer.Option("--exit-zero", help="Exit 0 even when findings remain (2 stays an error)."),
    ] = False,
    statistics: Annotated[
        bool,
        typer.Option("--statistics", help="Print how many findings each rule has, not each one."),
    ] = False,
    show_fixes: Annotated[
        bool,
        typer.Option(
            "--show-fixes",
            help="List the fixes by file and rule: applied with --fix, else fixable.",
        ),
    ] = False,
    exclude: Exclude = None,
    extend_exclude: ExtendExclude = None,
    color: Color = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the result cache.")
    ] = False,
    cache_dir: Annotated[
        str | None,
        typer.Option(
            "--cache-dir",
            help="Cache directory [default: $CLAIMKIT_CACHE_DIR, cache-dir, .claimkit_cache].",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check explainers: citations, claims table, sources, dates."""
    from claimkit.cli.lint_run import Options, run
    from claimkit.diagnostics import Severity
    from claimkit.plan import Flags
    from claimkit.selection import split_list
    from claimkit.settings import Settings

    # CK901 unused-suppression and CK902 invalid-suppression, by code: importing the
    # suppression module for two constants would cost every run its start-up.
    extra = ["CK901", "CK902"] if report_unused_suppressions else []
    flags = Flags(
        select=split_list(select),
        ignore=split_list(ignore),
        extend_select=[*split_list(extend_select), *extra],
        fail_on=Severity.parse(fail_on.value) if fail_on is not None else None,
        settings=Settings(ratings_files=tuple(ratings or ()), online=online),
        exclude=exclude,
        extend_exclude=tuple(extend_exclude or ()),
    )
    run(
        Options(
            paths=paths,
            flags=flags,
            output_format=output_format.value,
            output_file=output_file,
            stdin_filename=stdin_filename,
            quiet=quiet,
            verbose=verbose,
            jobs=jobs,
            config_file=config,
            isolated=isolated,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            exit_non_zero_on_fix=exit_non_zero_on_fix,
            force_exclude=force_exclude,
            online=online,
            force=force,
            exit_zero=exit_zero,
            statistics=statistics,
            show_fixes=show_fixes,
            no_cache=no_cache,
            cache_dir=cache_dir,
        )
    )
