"""Reports for many files, on several processes when it pays (as lint does)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claimkit.model import Document
from claimkit.ratings.lookup import Database
from claimkit.report.compute import document_report
from claimkit.report.model import Report

PARALLEL_THRESHOLD = 64


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    report: Report | None
    skipped: str | None = None  # not an explainer, or empty
    error: str | None = None  # cannot be read: the run ends with exit 2


@dataclass(frozen=True, slots=True)
class _Job:
    db: Database
    prefer: str


_job: _Job | None = None


def report_file(path: str, display: str, db: Database, prefer: str) -> Outcome:
    from claimkit.files import parse_path
    from claimkit.parse import UnreadableError

    try:
        document = parse_path(path, display)
    except UnreadableError as exc:
        return Outcome(display, None, error=str(exc))
    return _outcome(document, db, prefer)


def report_bytes(data: bytes, display: str, db: Database, prefer: str) -> Outcome:
    from claimkit.parse import UnreadableError, parse_bytes

    try:
        document = parse_bytes(data, display)
    except UnreadableError as exc:
        return Outcome(display, None, error=str(exc))
    return _outcome(document, db, prefer)


def _outcome(document: Document, db: Database, prefer: str) -> Outcome:
    display = document.path
    if not document.text.strip():
        return Outcome(display, None, "empty file")
    if not document.is_explainer:
        return Outcome(display, None, "not an explainer (no <DetailSlider>, no Claims table)")
    return Outcome(display, document_report(document, db, prefer))


def _one(pair: tuple[str, str]) -> Outcome:
    assert _job is not None
    return report_file(pair[0], pair[1], _job.db, _job.prefer)


def report_files(
    files: Sequence[tuple[str, str]], db: Database, prefer: str, jobs: int | None = None
) -> Iterator[Outcome]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        for path, display in files:
            yield report_file(path, display, db, prefer)
        return
    import multiprocessing

    global _job
    _job = _Job(db, prefer)  # inherited by the forked workers with the database loaded
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(256, len(files) // (workers * 8)))
    from claimkit.workers import die_with_parent

    with context.Pool(workers, die_with_parent, (os.getpid(),)) as pool:
        yield from pool.imap(_one, files, chunksize=chunk)
