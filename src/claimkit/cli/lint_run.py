"""What ``claimkit lint`` does once its flags are read: plan, lint or fix, render, exit."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from claimkit.cli.common import ExitCode, fail, note
from claimkit.diagnostics import Diagnostic, by_position
from claimkit.engine import FileResult, LintJob
from claimkit.plan import Flags, Planner

if TYPE_CHECKING:
    from claimkit.output.source import Sources
    from claimkit.verify.options import FetchOptions


@dataclass(slots=True)
class Options:
    paths: Sequence[str]
    flags: Flags
    output_format: str = "text"
    output_file: str | None = None
    stdin_filename: str | None = None
    quiet: bool = False
    verbose: bool = False
    jobs: int | None = None
    config_file: str | None = None
    isolated: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    exit_non_zero_on_fix: bool = False
    force_exclude: bool = False
    online: bool = False
    force: bool = False  # --fix may rewrite read-only and hard-linked files
    exit_zero: bool = False  # findings never make the exit status 1
    statistics: bool = False  # counts per rule instead of the findings
    show_fixes: bool = False  # list applied (or applicable) fixes by file and rule
    no_cache: bool = False
    cache_dir: str | None = None  # --cache-dir; None: $CLAIMKIT_CACHE_DIR, configuration, default


@dataclass(slots=True)
class Tally:
    fixed: int = 0
    files_changed: int = 0
    unsafe_held: int = 0
    not_converged: list[str] = field(default_factory=list)
    reverted: list[str] = field(default_factory=list)
    guarded: list[tuple[str, int]] = field(default_factory=list)  # (path, fixes held back)
    diffs: list[str] = field(default_factory=list)
    not_written: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    fixed_codes: list[tuple[str, dict[str, int]]] = field(default_factory=list)  # --show-fixes


def run(options: Options) -> None:
    from claimkit.config import ConfigError
    from claimkit.ratings import RatingsError

    try:
        _run(options)
    except (ConfigError, RatingsError) as exc:
        fail(str(exc))


def _run(options: Options) -> None:
    if options.fix and "-" in options.paths and len(options.paths) > 1:
        fail("--fix with - rewrites standard input to standard output; give no other paths")
    from claimkit.run.workspace import WorkspaceError, open_workspace

    try:
        workspace = open_workspace(
            options.paths,
            options.flags,
            config_file=options.config_file,
            isolated=options.isolated,
            force_exclude=options.force_exclude,
        )
    except WorkspaceError as exc:
        fail(str(exc))
    planner, files = workspace.planner, workspace.files
    empty_dirs, walk_errors = workspace.empty_dirs, workspace.errors
    stdin_name = options.stdin_filename or "-"
    stdin_excluded = options.force_exclude and options.stdin_filename is not None
    if "-" in options.paths and stdin_excluded and planner.excluded(stdin_name):
        options.paths = [p for p in options.paths if p != "-"]
    fixing = options.fix or options.diff
    tally = Tally()
    results: list[FileResult] = []
    data = sys.stdin.buffer.read() if "-" in options.paths else None
    if options.online:
        _prefetch(options.flags, files, data, stdin_name, _fetch_options(planner, options))
    if data is not None:
        if fixing:
            results.append(_fix_stdin(data, stdin_name, planner, options, tally))
        else:
            from claimkit.engine import lint_bytes

            results.append(lint_bytes(data, stdin_name, planner.job(stdin_name)))
    results += [_walk_error(path, why, planner) for path, why in walk_errors]
    if fixing:
        from claimkit.cli.progress import track

        pairs = track(files, len(files), "fixing", options.quiet)
        results += [_fix_one(path, display, planner, options, tally) for path, display in pairs]
    else:
        from claimkit.output.render import SHOWS_EDITS

        cache, edits = _cache_dir(planner, options), options.output_format in SHOWS_EDITS
        results += _lint_all(files, planner, options.jobs, options.quiet, cache, edits)

    diagnostics = sorted((d for r in results for d in r.diagnostics), key=by_position)
    if options.diff:
        sys.stdout.write("".join(tally.diffs))
        sys.stdout.flush()
        if not options.quiet:
            problems = "problem" if tally.fixed == 1 else "problems"
            files_word = "file" if tally.files_changed == 1 else "files"
            note(f"Would fix {tally.fixed} {problems} in {tally.files_changed} {files_word}.")
            if options.show_fixes:
                _show_fixes(tally, [], options)
        raise typer.Exit(ExitCode.FINDINGS if tally.diffs else ExitCode.OK)

    if not ("-" in options.paths and options.fix):
        sources = _sources(files, data, stdin_name)
        _emit(diagnostics, [r.path for r in results if not r.skipped], options, sources)
    for path, why in tally.not_written:
        sys.stderr.write(f"claimkit: error: {path}: {why}\n")
    if not options.quiet:
        _notes(results, empty_dirs, options, tally)
    if options.show_fixes and not options.quiet:
        _show_fixes(tally, diagnostics, options)
    failing = any(d.severity >= planner.fail_on(d.path) for d in diagnostics)
    failing = failing and not options.exit_zero
    if failing or tally.not_written or (options.exit_non_zero_on_fix and tally.fixed):
        raise typer.Exit(ExitCode.FINDINGS)


def _walk_error(path: str, why: str, planner: Planner) -> FileResult:
    """A directory that could not be walked: CK001 there, never a silent skip."""
    from claimkit.engine import unreadable

    job = planner.job(os.path.join(path, "x.md"))
    # CK001 even when deselected: this is not a finding about a file's content.
    return FileResult(path, (unreadable(path, why, job),))


def _preload_ratings(job: LintJob) -> None:
    """Load the ratings database before workers fork, when a selected rule needs it.

    The workers inherit the entries, and a bad ratings file is a RatingsError here (exit 2)
    rather than in a worker. The suffix list stays lazy: most runs never need it.
    """
    from claimkit.ratings import NEEDS_RATINGS

    if any(rule.code in NEEDS_RATINGS for rule in job.rules):
        from claimkit.ratings.access import database

        database(job.settings)


def _fetch_options(planner: Planner, options: Options) -> FetchOptions:
    """[verify] of the first path's configuration: lint --online fetches as verify does."""
    from claimkit.run.fetch_options import from_config

    first = next((p for p in options.paths if p != "-"), ".")
    return from_config(planner.config(first).verify)


def _prefetch(
    flags: Flags,
    files: list[tuple[str, str]],
    stdin: bytes | None,
    stdin_name: str,
    fetch: FetchOptions | None = None,
) -> None:
    """lint --online: fetch the run's source pages once, before any rule runs."""
    from contextlib import suppress

    from claimkit.files import parse_path
    from claimkit.parse import UnreadableError, parse_bytes
    from claimkit.verify.prefetch import prefetch

    documents = []
    for path, display in files:
        with suppress(UnreadableError):  # CK001 reports it
            documents.append(parse_path(path, display, flags.settings.max_file_size))
    if stdin is not None:
        with suppress(UnreadableError):
            documents.append(parse_bytes(stdin, stdin_name))
    pages, warning = prefetch(documents, fetch)
    # Filled in place: every job's Settings is a copy of these flags' settings that shares
    # this one dict, whenever the planner made it.
    flags.settings.pages.update(pages)
    if warning:
        note(f"warning: {warning}")


def _cache_dir(planner: Planner, options: Options) -> str | None:
    """Where this run's results are cached, or None: --no-cache, and --online (the network)."""
    if options.no_cache or options.online:
        return None
    from claimkit.run.cache import cache_dir

    # The configuration that applies in the working directory, as ``claimkit clean`` reads it.
    return cache_dir(options.cache_dir, planner.config(os.getcwd()).cache_dir)


def _lint_all(
    files: list[tuple[str, str]],
    planner: Planner,
    jobs: int | None,
    quiet: bool = False,
    cache: str | None = None,
    edits: bool = True,
) -> list[FileResult]:
    from claimkit.cli.progress import track
    from claimkit.engine import lint_files
    from claimkit.parallel import ordered_map

    # One engine call per distinct job keeps worker processes usable when all files share one.
    groups: dict[int, tuple[LintJob, list[tuple[str, str]]]] = {}
    order: dict[str, int] = {}
    for position, (path, display) in enumerate(files):
        job = planner.job(path)
        groups.setdefault(id(job), (job, []))[1].append((path, display))
        order[display] = position
    results: list[FileResult] = []

    def linted() -> Iterator[FileResult]:
        for job, group in groups.values():
            if cache is None:
                _preload_ratings(job)
                yield from lint_files(group, job, jobs)
                continue
            from claimkit.run.cache import lint_cached

            def misses(work: Any, pairs: list[tuple[str, str]], job: LintJob = job) -> Any:
                _preload_ratings(job)  # only when something is linted: a warm run needs none
                return ordered_map(work, pairs, jobs)

            yield from lint_cached(group, job, cache, misses, edits)

    from claimkit.heap import acyclic_build

    with acyclic_build():
        results.extend(track(linted(), len(files), "linting", quiet))
    results.sort(key=lambda r: order.get(r.path, 0))
    return results


def _fix_one(
    path: str, display: str, planner: Planner, options: Options, tally: Tally
) -> FileResult:
    from claimkit.engine import lint_parsed
    from claimkit.run.fixing import fix_path

    job = planner.job(path)
    fixed = fix_path(path, display, job, options.unsafe_fixes)
    if not _account(fixed, tally, options, write_to=None if options.diff else path):
        assert fixed.document is not None
        return lint_parsed(fixed.document, job)  # not written: what the file still holds
    return fixed.result


def _fix_stdin(
    data: bytes, display: str, planner: Planner, options: Options, tally: Tally
) -> FileResult:
    from claimkit.fix.write import encode
    from claimkit.run.fixing import fix_bytes

    fixed = fix_bytes(data, display, planner.job(display), options.unsafe_fixes)
    _account(fixed, tally, options, write_to=None)
    if options.fix and not options.diff:
        # ruff's convention: the fixed text on stdout, what remains on stderr.
        if fixed.outcome is not None and fixed.document is not None:
            sys.stdout.buffer.write(encode(fixed.document, fixed.outcome.text))
        else:
            sys.stdout.buffer.write(data)
        sys.stdout.flush()
        from claimkit.output import text

        sys.stderr.write(text.render(fixed.result.diagnostics))
    return fixed.result


def _account(fixed: object, tally: Tally, options: Options, write_to: str | None) -> bool:
    """Count (and write) one file's fixes; False when the file could not be written."""
    from claimkit.fix.write import WriteError, encode, rewrite
    from claimkit.run.fixing import FileFix, unified_diff

    assert isinstance(fixed, FileFix)
    outcome, document = fixed.outcome, fixed.document
    if outcome is None or document is None:
        return True
    tally.unsafe_held += outcome.unsafe_held
    if not outcome.converged:
        tally.not_converged.append(document.path)
    if outcome.reverted:
        tally.reverted.append(document.path)
    if outcome.guarded:
        tally.guarded.append((document.path, outcome.guarded))
    if outcome.text == document.text:
        return True
    if options.diff:
        tally.diffs.append(unified_diff(document, outcome.text))
    elif write_to is not None and fixed.snapshot is not None:
        try:
            rewrite(write_to, encode(document, outcome.text), fixed.snapshot, force=options.force)
        except WriteError as exc:
            # One file's failure is reported; the run goes on with the others.
            tally.not_written.append((document.path, str(exc)))
            return False
    tally.fixed += outcome.fixed
    if outcome.fixed_codes:
        tally.fixed_codes.append((document.path, outcome.fixed_codes))
    tally.files_changed += 1
    return True


def _sources(files: list[tuple[str, str]], stdin: bytes | None, stdin_name: str) -> Sources:
    from claimkit.output.source import Sources

    texts: dict[str, str] = {}
    if stdin is not None:
        from contextlib import suppress

        from claimkit.parse import UnreadableError
        from claimkit.parse.reader import decode

        with suppress(UnreadableError):  # CK001 says why
            texts[stdin_name] = decode(stdin).text
    return Sources({display: path for path, display in files}, texts)


def _emit(
    diagnostics: list[Diagnostic],
    files: list[str],
    options: Options,
    sources: Sources | None = None,
) -> None:
    from claimkit.output.render import render

    to_file = options.output_file is not None
    color = False
    if not to_file and options.output_format in ("text", "concise", "full"):
        from claimkit.output.terminal import wants_color

        color = wants_color(sys.stdout)
    if options.statistics:
        from claimkit.output.statistics import render as statistics

        rendered = statistics(diagnostics, options.output_format)
    else:
        rendered = render(options.output_format, diagnostics, files, color, sources)
    if options.output_file is not None:
        import os

        from claimkit.fix.write import WriteError, write_output

        try:
            parent = os.path.dirname(options.output_file)
            if parent:
                os.makedirs(parent, exist_ok=True)
            write_output(options.output_file, rendered.encode("utf-8"))
        except OSError as exc:
            fail(f"cannot write {options.output_file}: {exc.strerror or exc}")
        except WriteError as exc:
            fail(f"cannot write {options.output_file}: {exc.reason}")
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()


def _notes(
    results: list[FileResult], empty_dirs: list[str], options: Options, tally: Tally
) -> None:
    from claimkit.engine import count_by_severity
    from claimkit.output.summary import summary_line

    for directory in empty_dirs:
        note(f"no markdown files found in {directory}")
    skipped = [r for r in results if r.skipped]
    for result in skipped:
        if options.verbose or result.skipped == "empty file":
            note(f"{result.path}: skipped: {result.skipped}")
    linted = len(results) - len(skipped)
    if results and not linted and not options.verbose:
        note(f"no explainers among {len(results)} file(s) (use -v to list them)")
    for path in tally.reverted:
        note(f"{path}: fixes left unapplied: they would have changed the document's structure")
    for path, count in tally.guarded:
        fixes = "fix" if count == 1 else "fixes"
        note(f"{path}: {count} {fixes} held back: a citation would have cited a different claim")
    for path in tally.not_converged:
        note(f"{path}: fixes did not settle after the maximum number of passes")
    with_findings = sum(1 for r in results if r.diagnostics)
    if options.fix:
        remaining = sum(len(r.diagnostics) for r in results)
        note(_fix_line(tally, remaining))
    note(summary_line(count_by_severity(results), linted, with_findings))
    if not options.fix:
        _fixable_hint([d for r in results for d in r.diagnostics])


def _fixable_hint(diagnostics: list[Diagnostic]) -> None:
    from claimkit.diagnostics import Applicability

    kinds = [d.fix.applicability for d in diagnostics if d.offers_fix and d.fix is not None]
    safe = kinds.count(Applicability.SAFE)
    unsafe = kinds.count(Applicability.UNSAFE)
    if safe:
        note(f"{safe} fixable with --fix (see --diff).")
    if unsafe:
        note(f"{unsafe} more fixable with --fix --unsafe-fixes.")


def _fix_line(tally: Tally, remaining: int) -> str:
    problems = "problem" if tally.fixed == 1 else "problems"
    line = f"Fixed {tally.fixed} {problems}, {remaining} remaining."
    if tally.unsafe_held:
        fixes = "fix" if tally.unsafe_held == 1 else "fixes"
        line += f" {tally.unsafe_held} unsafe {fixes} held back (use --unsafe-fixes)."
    return line


def _show_fixes(tally: Tally, diagnostics: list[Diagnostic], options: Options) -> None:
    """ruff's enumeration, on stderr so that stdout keeps only the report."""
    from collections import Counter

    from claimkit.diagnostics import Applicability

    by_file: list[tuple[str, dict[str, int]]]
    if options.fix:
        by_file, verb = tally.fixed_codes, "Would fix" if options.diff else "Fixed"
    else:
        counts: dict[str, Counter[str]] = {}
        for d in diagnostics:
            if d.offers_fix and d.fix is not None and d.fix.applicability is Applicability.SAFE:
                counts.setdefault(d.path, Counter())[d.code] += 1
        by_file, verb = [(p, dict(sorted(c.items()))) for p, c in counts.items()], "Fixable"
    total = sum(sum(codes.values()) for _, codes in by_file)
    if not total:
        return
    from claimkit.rules import BY_CODE

    lines = [f"{verb} {total} {'problem' if total == 1 else 'problems'}:"]
    for path, codes in by_file:
        lines.append(f"- {path}:")
        for code, count in codes.items():
            name = BY_CODE[code].name if code in BY_CODE else ""
            lines.append(f"    {count} \u00d7 {code} ({name})")
    sys.stderr.write("\n".join(lines) + "\n")
