"""``claimkit verify``: fetch every source once; check it is alive and holds the quote."""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from claimkit import lazy_re
from claimkit.cli.common import ExitCode, fail, note, write_report
from claimkit.cli.options import (
    Color,
    ConfigFile,
    ForceExclude,
    Isolated,
    OutputFile,
)

if TYPE_CHECKING:
    from claimkit.verify.claims import ClaimRef
    from claimkit.verify.fanout import Workers
    from claimkit.verify.model import LinkResult
    from claimkit.verify.run import ClaimResult, Plan


class VerifyFormat(StrEnum):
    text = "text"
    json = "json"


class VerifyFailOn(StrEnum):
    """What makes the run exit 1; each level includes the ones before it."""

    never = "never"
    dead = "dead"  # a dead link (broken, timeout, unreachable, refused, invalid)
    not_found = "not-found"  # ... or a claim sentence not found in its page
    partly_found = "partly-found"  # ... or a sentence only partly found


_T = TypeVar("_T")
_DURATION = lazy_re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_SIZE = lazy_re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)\s*$", re.IGNORECASE)
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_BYTES = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_duration(text: str) -> float:
    """``90``, ``30m``, ``12h``, ``7d`` -> seconds; ValueError otherwise."""
    found = _DURATION.match(text)
    if not found:
        raise ValueError(text)
    return float(found[1]) * _SECONDS[found[2].lower()]


def parse_size(text: str) -> int:
    """``5000000``, ``512k``, ``5MB``, ``5MiB`` -> bytes; ValueError otherwise."""
    found = _SIZE.match(text)
    if not found:
        raise ValueError(text)
    unit = found[2].lower().rstrip("b").rstrip("i")
    return int(float(found[1]) * _BYTES[unit])


def verify(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Explainer files or directories (searched for *.md).",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        VerifyFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = VerifyFormat.text,
    fail_on: Annotated[
        VerifyFailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on: dead links (dead), also claims not found (not-found), also partly "
            "found (partly-found), or never.",
        ),
    ] = VerifyFailOn.not_found,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Requests in flight at once.")
    ] = 128,  # verify.run.DEFAULT_JOBS, not imported here: it would pull in requests
    per_host: Annotated[
        int, typer.Option("--per-host", min=1, help="Requests in flight at once to one host.")
    ] = 10,  # verify.run.DEFAULT_PER_HOST
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            min=0.01,
            help="Seconds for each request as a whole (connect, headers, body) [default: 10].",
            show_default=False,
        ),
    ] = None,
    connect_timeout: Annotated[
        float | None,
        typer.Option(
            "--connect-timeout",
            min=0.01,
            help="Seconds to wait to connect [default: 5].",
            show_default=False,
        ),
    ] = None,
    retries: Annotated[
        int | None,
        typer.Option(
            "--retries",
            min=0,
            help="Retries after connection errors, 429 and 5xx [default: 2].",
            show_default=False,
        ),
    ] = None,
    backoff: Annotated[
        float,
        typer.Option("--backoff", min=0.0, help="First wait between retries (doubles each time)."),
    ] = 0.5,
    max_retry_wait: Annotated[
        float,
        typer.Option("--max-retry-wait", min=0.0, help="Longest Retry-After to honour, seconds."),
    ] = 30.0,
    max_size: Annotated[
        str, typer.Option("--max-size", help="Largest body to read (e.g. 5MB, 512k).")
    ] = "5MB",
    exclude_private: Annotated[
        bool | None,
        typer.Option(
            "--exclude-private/--no-exclude-private",
            help="Also refuse loopback and private addresses [default: no].",
            show_default=False,
        ),
    ] = None,
    cache_dir: Annotated[
        str | None,
        typer.Option("--cache-dir", help="Page cache directory (default: the user cache dir)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the page cache.")
    ] = False,
    max_age: Annotated[
        str, typer.Option("--max-age", help="Reuse cached pages younger than this (30m, 12h, 1d).")
    ] = "1d",
    found_threshold: Annotated[
        float, typer.Option("--found-threshold", min=0, max=100, help="Score for found.")
    ] = 90.0,
    partly_threshold: Annotated[
        float,
        typer.Option("--partly-threshold", min=0, max=100, help="Score for partly-found."),
    ] = 70.0,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No summary on stderr.")] = False,
    config: ConfigFile = None,
    isolated: Isolated = False,
    force_exclude: ForceExclude = False,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="REGEX",
            help="Do not fetch URLs matching this regular expression (repeatable).",
        ),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include",
            metavar="REGEX",
            help="Fetch URLs matching this even when an --exclude matches (repeatable).",
        ),
    ] = None,
    accept: Annotated[
        str | None,
        typer.Option(
            "--accept",
            metavar="CODES",
            help="Status codes that count as a live link: 403,429 or 200..=299.",
        ),
    ] = None,
    exclude_path: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude-path",
            metavar="GLOB",
            help="Skip files matching these globs, besides the configured exclude (repeatable).",
        ),
    ] = None,
    output_file: OutputFile = None,
    color: Color = None,
) -> None:
    """Fetch every source once: is the link alive, and does the page hold the claim?"""
    from pathlib import Path

    from claimkit.files import parse_path
    from claimkit.parse import UnreadableError

    try:
        max_bytes = parse_size(max_size)
    except (ValueError, KeyError):
        fail(f"invalid --max-size {max_size!r} (examples: 5MB, 512k, 1000000)")
    try:
        max_age_seconds = parse_duration(max_age)
    except (ValueError, KeyError):
        fail(f"invalid --max-age {max_age!r} (examples: 3600, 30m, 12h, 1d)")
    if partly_threshold > found_threshold:
        fail("--partly-threshold must not exceed --found-threshold")
    from claimkit.plan import Flags
    from claimkit.run.workspace import WorkspaceError, open_workspace

    try:
        flags = Flags(extend_exclude=tuple(exclude_path or ()))
        found = open_workspace(
            paths, flags, config_file=config, isolated=isolated, force_exclude=force_exclude
        )
    except WorkspaceError as exc:
        fail(str(exc))

    from claimkit.config import ConfigError
    from claimkit.config.model import VerifyConfig
    from claimkit.verify.cache import PageCache, default_dir
    from claimkit.verify.claims import claim_refs, unique_urls
    from claimkit.verify.options import FetchOptions, check_patterns, parse_accept
    from claimkit.verify.run import Plan

    # Flags win over [tool.claimkit.verify] of the first path's configuration, which wins
    # over the defaults; URL patterns from both apply.
    try:
        configured = found.planner.config(paths[0]).verify if paths else VerifyConfig()
    except ConfigError as exc:
        fail(str(exc))
    defaults = FetchOptions()
    given_exclude = tuple(exclude or ())
    given_include = tuple(include or ())
    problem = check_patterns(given_exclude + given_include)
    if problem:
        fail(f"--exclude/--include: {problem}")
    accepted: frozenset[int] = frozenset()
    if accept is not None:
        try:
            accepted = parse_accept([accept])
        except ValueError as exc:
            fail(f"--accept: {exc}")

    def pick(flag: _T | None, setting: _T | None, default: _T) -> _T:
        return flag if flag is not None else setting if setting is not None else default

    options = FetchOptions(
        connect_timeout=pick(
            connect_timeout,
            configured.connect_timeout,
            defaults.connect_timeout,
        ),
        read_timeout=pick(timeout, configured.timeout, defaults.read_timeout),
        retries=pick(retries, configured.retries, defaults.retries),
        backoff=backoff,
        max_retry_wait=max_retry_wait,
        max_bytes=max_bytes,
        exclude_private=pick(
            exclude_private,
            configured.exclude_private,
            defaults.exclude_private,
        ),
        exclude=configured.exclude + given_exclude,
        include=configured.include + given_include,
        accept=accepted if accept is not None else configured.accept,
    )
    cache = None if no_cache else PageCache(Path(cache_dir or default_dir()), max_age_seconds)
    plan = Plan(options, cache, jobs, per_host, None, found_threshold, partly_threshold)

    workers = _early_workers(found.files, plan)
    try:
        documents = []
        unreadable = len(found.errors)
        for path, why in found.errors:
            sys.stderr.write(f"claimkit: error: {path}: {why}\n")
        for path, display in found.files:
            try:
                document = parse_path(path, display)
            except UnreadableError as exc:
                # Reported, and the run still checks the rest, but cannot end well (exit 2).
                sys.stderr.write(f"claimkit: error: {display}: {exc}\n")
                unreadable += 1
                continue
            if document.is_explainer:
                documents.append(document)
        refs = claim_refs(documents)
        pages, results = _run_with_progress(refs, len(unique_urls(refs)), plan, workers)
    finally:
        if workers is not None:
            workers.close()

    from claimkit.verify import render

    if output_format is VerifyFormat.json:
        rendered = render.render_json(pages, results)
    else:
        import shutil

        from claimkit.output.terminal import wants_color

        terminal = output_file is None and sys.stdout.isatty()
        width = shutil.get_terminal_size((100, 24)).columns if terminal else 100
        coloured = output_file is None and wants_color(sys.stdout)
        rendered = render.render_text(pages, results, coloured, width)
    write_report(rendered, output_file)

    if cache is not None and cache.warning:
        note(f"warning: {cache.warning}")
    if not quiet:
        note(_summary(pages, results, len(documents)))
    if unreadable:
        raise typer.Exit(ExitCode.USAGE)
    if _failed(fail_on, pages, results):
        raise typer.Exit(ExitCode.FINDINGS)


def _early_workers(files: Sequence[tuple[str, str]], plan: Plan) -> Workers | None:
    """Worker processes forked before parsing, when the input is big enough to fan out:
    they import the HTTP stack on the other cores while this process parses."""
    import contextlib
    import os

    from claimkit.verify.fanout import Workers
    from claimkit.verify.run import preload

    size = 0
    for path, _ in files:
        with contextlib.suppress(OSError):  # reported when it is read
            size += os.stat(path).st_size
    return Workers.early(size, plan.processes, preload, max_count=plan.jobs)


def _run_with_progress(
    refs: list[ClaimRef], total: int, plan: Plan, workers: Workers | None = None
) -> tuple[dict[str, LinkResult], list[ClaimResult]]:
    """Fetch and match, with a progress bar on stderr only when stderr is a terminal."""
    from claimkit.verify.run import verify as run

    if not total or not sys.stderr.isatty():
        return run(refs, plan, None, workers)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(file=sys.stderr)
    with Progress(
        TextColumn("checking sources"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("fetch", total=total)

        def advance(_url: str, _result: LinkResult) -> None:
            progress.advance(task)

        return run(refs, plan, advance, workers)


def _failed(
    fail_on: VerifyFailOn, pages: Mapping[str, LinkResult], results: Sequence[ClaimResult]
) -> bool:
    from claimkit.verify.model import MatchKind

    if fail_on is VerifyFailOn.never:
        return False
    if any(link.status.dead for link in pages.values()):
        return True
    if any(result.link is None for result in results):
        return True  # a claim without a usable source link is a dead link
    if fail_on is VerifyFailOn.dead:
        return False
    bad = {MatchKind.NOT_FOUND}
    if fail_on is VerifyFailOn.partly_found:
        bad.add(MatchKind.PARTLY_FOUND)
    return any(result.sentence.kind in bad for result in results)


def _summary(
    pages: Mapping[str, LinkResult], results: Sequence[ClaimResult], documents: int
) -> str:
    from collections import Counter

    links = Counter(link.status.value for link in pages.values())
    matches = Counter(result.sentence.kind.value for result in results)
    cached = sum(1 for link in pages.values() if link.from_cache)
    link_part = ", ".join(f"{n} {word}" for word, n in sorted(links.items())) or "none"
    claim_part = ", ".join(f"{n} {word}" for word, n in sorted(matches.items())) or "none"
    return (
        f"checked {len(pages)} link(s) ({link_part}; {cached} from cache) and "
        f"{len(results)} claim(s) in {documents} explainer(s) ({claim_part})"
    )
