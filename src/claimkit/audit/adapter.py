"""The one place the audit calls the rest of claimkit.

The run layer is due to become one pipeline under every command; until then every call the
audit makes into discovery, configuration, the lint engine, the bias report's computation and
dedupe goes through this module, so that change touches one file here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from claimkit.dedupe.detect import ClaimDuplicate
from claimkit.dedupe.report import Cluster, Member
from claimkit.diagnostics import Diagnostic, Severity
from claimkit.engine import LintJob
from claimkit.model import Claim, Document
from claimkit.plan import Flags, Planner
from claimkit.ratings.resolve import RowRating
from claimkit.report.model import Report

__all__ = [
    "Analysed",
    "ClaimDuplicate",
    "Cluster",
    "Files",
    "Member",
    "Planner",
    "Report",
    "RowRating",
    "analyse",
    "corpus_report",
    "cross_file",
    "in_parallel",
    "plan",
    "preload",
    "unreadable",
    "url_is_link",
]


@dataclass(frozen=True, slots=True)
class Files:
    planner: Planner
    files: list[tuple[str, str]]  # (path to open, path to show)
    walk_errors: list[tuple[str, str]]
    empty_dirs: list[str]


def plan(
    paths: Sequence[str],
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    fail_on: Severity | None = None,
    ratings: Sequence[str] = (),
    config_file: str | None = None,
    isolated: bool = False,
    force_exclude: bool = False,
) -> Files:
    """Files to audit and their lint jobs, as ``lint`` would choose them.

    Raises ConfigError, SelectionError or PathError for the command to report.
    """
    from claimkit.config import Resolver
    from claimkit.discovery import discover
    from claimkit.selection import expand
    from claimkit.settings import Settings

    for selectors in (select, ignore, extend_select):
        expand(selectors)
    settings = Settings(ratings_files=tuple(ratings))
    flags = Flags(tuple(select), tuple(ignore), tuple(extend_select), fail_on, settings)
    planner = Planner(Resolver(config_file, isolated), flags)
    given = list(paths)
    found = discover(given, planner.excluded)
    files = planner.select_files(found.files, given, force_exclude)
    return Files(planner, files, found.errors, found.empty_dirs)


def preload(job: LintJob) -> None:
    """Load the ratings database before workers fork (they inherit it; a bad file fails here)."""
    from claimkit.ratings.access import database

    database(job.settings)


@dataclass(slots=True)
class Analysed:
    """One file's results from every existing analysis, parsed once."""

    path: str
    document: Document | None  # None when unreadable or skipped
    diagnostics: tuple[Diagnostic, ...]
    skipped: str | None
    report: Report | None = None
    duplicates: tuple[ClaimDuplicate, ...] = ()
    ratings: dict[int, RowRating] | None = None  # by id() of the claim
    first_row: dict[str, Claim] | None = None  # each ID's first row, as citations resolve
    members: tuple[Member, ...] = ()  # rows that take part in cross-document duplicates

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based position (diagnostics carry positions only)."""
        assert self.document is not None
        starts = self.document._line_starts
        return starts[min(line, len(starts)) - 1] + column - 1


def analyse(path: str, display: str, job: LintJob) -> Analysed:
    from claimkit.dedupe.detect import claim_duplicates
    from claimkit.dedupe.plan import dedupe_rows
    from claimkit.dedupe.report import member
    from claimkit.engine import lint_file, lint_parsed
    from claimkit.files import parse_path
    from claimkit.parse import UnreadableError
    from claimkit.ratings.access import database
    from claimkit.ratings.resolve import rate_row
    from claimkit.report.compute import document_report
    from claimkit.rules.base import Context

    try:
        document = parse_path(path, display, job.settings.max_file_size)
    except UnreadableError:
        # The engine knows how an unreadable file is reported (CK001, or skipped).
        result = lint_file(path, display, job)
        return Analysed(display, None, result.diagnostics, result.skipped)
    result = lint_parsed(document, job)
    if result.skipped:
        return Analysed(display, None, (), result.skipped)
    db = database(job.settings)
    ctx = Context(document, job.settings)
    rows = dedupe_rows(ctx)
    return Analysed(
        display,
        document,
        result.diagnostics,
        None,
        report=document_report(document, db),
        duplicates=tuple(claim_duplicates(rows, job.settings.dedupe_threshold)),
        ratings={id(c): rate_row(c, db) for c in document.claims if not c.malformed},
        first_row=dict(ctx.graph.first_row),
        members=tuple(member(display, claim) for claim in rows),
    )


def unreadable(path: str, why: str) -> Diagnostic:
    """A directory that could not be walked: CK001 there, as lint reports it."""
    from claimkit.engine import unreadable as ck001

    return ck001(path, why)


def cross_file(members: Sequence[Member], threshold: float | None) -> list[Cluster]:
    from claimkit.dedupe.report import cross_file as clusters

    return clusters(members, threshold)


def corpus_report(reports: Sequence[Report]) -> Report:
    from claimkit.report.compute import corpus_report as compute

    return compute(reports)


def url_is_link(url: str) -> bool:
    """Only an absolute http(s) URL becomes a link (CK201's own test, so the two agree)."""
    from claimkit.rules.ck201_invalid_source_url import url_problem

    return url_problem(url) is None and url.lower().startswith(("http://", "https://"))


PARALLEL_THRESHOLD = 64
T = TypeVar("T")
R = TypeVar("R")
_task: Callable[[object], object] | None = None


def _call(item: object) -> object:
    assert _task is not None
    return _task(item)


def in_parallel(task: Callable[[T], R], items: Sequence[T], jobs: int | None = None) -> Iterator[R]:
    """``task`` over ``items`` in order, on forked workers when it pays (as lint does)."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(items) < PARALLEL_THRESHOLD:
        for item in items:
            yield task(item)
        return
    import multiprocessing

    from claimkit.workers import die_with_parent

    global _task
    _task = task  # type: ignore[assignment]  # inherited by the forked workers, not pickled
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(256, len(items) // (workers * 8)))
    with context.Pool(workers, die_with_parent, (os.getpid(),)) as pool:
        yield from pool.imap(_call, items, chunksize=chunk)
