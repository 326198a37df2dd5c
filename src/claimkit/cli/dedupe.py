"""``claimkit dedupe``: duplicate claims within explainers and across a corpus, and the fix."""

from __future__ import annotations

import dataclasses
import sys
from enum import StrEnum
from typing import Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note, write_report
from claimkit.cli.options import (
    Color,
    ConfigFile,
    Exclude,
    ExtendExclude,
    Force,
    ForceExclude,
    Isolated,
    Jobs,
    OutputFile,
)


class DedupeFormat(StrEnum):
    text = "text"
    json = "json"


def dedupe(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="Files or directories (searched for *.md).", show_default=False
        ),
    ],
    fix: Annotated[
        bool, typer.Option("--fix", help="Remove duplicate rows and repoint their citations.")
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option("--unsafe-fixes", help="Also merge near duplicates (changes content)."),
    ] = False,
    no_renumber: Annotated[
        bool, typer.Option("--no-renumber", help="Keep the old IDs after removing rows.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fix as a unified diff; write nothing.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; exit 1 when a fix would change a file."),
    ] = False,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold", help="Near-duplicate similarity, 0-100 (default 70).", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        DedupeFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = DedupeFormat.text,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Print results only: no summary, no notes.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "-v",
            "--verbose",
            help="Also list skipped files, and each look-alike pair a guard keeps apart.",
        ),
    ] = False,
    jobs: Jobs = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    force_exclude: ForceExclude = False,
    force: Force = False,
    exclude: Exclude = None,
    extend_exclude: ExtendExclude = None,
    output_file: OutputFile = None,
    color: Color = None,
) -> None:
    """Find duplicate claims (within each file and across files) and fix them with --fix."""
    from claimkit.config import ConfigError
    from claimkit.dedupe.report import Member, cross_file
    from claimkit.dedupe.similarity import validate_threshold
    from claimkit.plan import Flags
    from claimkit.run.dedupe import Mode, Options, process_files
    from claimkit.run.workspace import WorkspaceError, open_workspace

    max_file_size = None
    if "-" in paths:
        fail("dedupe reads files, not standard input (it may rewrite them)")
    flags = Flags(exclude=exclude, extend_exclude=tuple(extend_exclude or ()))
    try:
        found = open_workspace(
            paths, flags, config_file=config, isolated=isolated, force_exclude=force_exclude
        )
        planner = found.planner
        if paths:
            # One threshold and size cap per run: the configuration of the first path.
            first = planner.config(paths[0])
            max_file_size = first.max_file_size
            if threshold is None:
                threshold = first.dedupe_threshold
    except (ConfigError, WorkspaceError) as exc:
        fail(str(exc))
    if threshold is not None:
        try:
            validate_threshold(threshold)
        except ValueError as exc:
            fail(str(exc))
    if diff and check:
        fail("--diff and --check cannot be combined")
    if diff and output_format is DedupeFormat.json:
        fail("--diff prints a diff; it cannot be combined with --format json")
    files = found.files
    errors = 0

    for path, why in found.errors:
        errors += 1
        sys.stderr.write(f"claimkit: error: {path}: {why}\n")
    mode = Mode.DIFF if diff else Mode.CHECK if check else Mode.FIX if fix else Mode.REPORT
    explain = verbose and not quiet
    options = Options(
        mode, threshold, unsafe_fixes, not no_renumber, len(files) > 1, force, explain=explain
    )
    if max_file_size is not None:
        options = dataclasses.replace(options, max_file_size=max_file_size)
    reports = []
    members: list[Member] = []
    from claimkit.cli.progress import track
    from claimkit.heap import acyclic_build

    with acyclic_build():
        for outcome in track(
            process_files(files, options, jobs), len(files), "deduplicating", quiet
        ):
            if outcome.error is not None:
                errors += 1
                sys.stderr.write(f"claimkit: error: {outcome.path}: {outcome.error}\n")
            elif outcome.skipped is not None:
                if verbose and not quiet:
                    note(f"{outcome.path}: skipped: {outcome.skipped}")
            elif outcome.report is not None:
                for line in outcome.look_alikes:
                    note(line)
                reports.append(outcome.report)
                members.extend(outcome.members)
        cross = cross_file(members, threshold) if options.corpus else []
    del members

    if mode == Mode.DIFF:
        rendered = "".join(r.diff for r in reports)
    elif mode == Mode.CHECK and output_format is DedupeFormat.text:
        from claimkit.output.dedupe import render_check

        rendered = render_check(reports, cross)
    elif output_format is DedupeFormat.json:
        from claimkit.output.dedupe import render_json

        rendered = render_json(reports, cross)
    else:
        from claimkit.output.dedupe import render_text
        from claimkit.output.terminal import wants_color

        coloured = output_file is None and wants_color(sys.stdout)
        rendered = render_text(reports, cross, coloured)
    write_report(rendered, output_file)

    changed = sum(1 for r in reports if r.changed)
    removed = sum(len(r.removed) for r in reports)
    held = sum(r.held_back for r in reports)
    remaining = sum(r.duplicates for r in reports) - removed
    if not quiet:
        for directory in found.empty_dirs:
            note(f"no markdown files found in {directory}")
        note(_summary(mode, len(reports), sum(r.duplicates for r in reports), removed,
                      changed, len(cross)))  # fmt: skip
        if held and mode != Mode.REPORT:
            note(f"{held} near duplicate(s) held back (use --unsafe-fixes to merge them)")
        if mode != Mode.REPORT:
            for report in reports:
                if report.refused:
                    note(f"{report.path}: duplicates not merged: {report.refused}")
        uncited = sum(r.uncited for r in reports)
        if uncited and mode != Mode.REPORT:
            note(f"{uncited} uncited duplicate row(s) left in place (never removed automatically)")

    if errors:
        raise typer.Exit(ExitCode.USAGE)
    if mode in (Mode.DIFF, Mode.CHECK):
        failed = changed > 0
    elif mode == Mode.FIX:
        failed = remaining > 0 or bool(cross)
    else:
        failed = remaining > 0 or bool(cross)
    if failed:
        raise typer.Exit(ExitCode.FINDINGS)


def _summary(mode: str, files: int, found: int, removed: int, changed: int, cross: int) -> str:
    from claimkit.run.dedupe import Mode

    checked = f"{files} file{'' if files == 1 else 's'}"
    across = f", {cross} cross-file cluster{'' if cross == 1 else 's'}" if cross else ""
    if not found and not cross:
        return f"No duplicate claims ({checked} checked)."
    head = f"Found {found} duplicate claim{'' if found == 1 else 's'} in {checked}{across}"
    if mode == Mode.FIX:
        return f"{head}; removed {removed} row(s) in {changed} file(s)."
    if mode in (Mode.DIFF, Mode.CHECK):
        return f"{head}; a fix would remove {removed} row(s) in {changed} file(s)."
    return f"{head}."
