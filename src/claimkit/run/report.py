"""Reports for many files, on the run layer's parallel map (as lint does)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from claimkit.model import Document
from claimkit.ratings.lookup import Database
from claimkit.report.compute import document_report
from claimkit.report.model import Report


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    report: Report | None
    skipped: str | None = None  # not an explainer, or empty
    error: str | None = None  # cannot be read: the run ends with exit 2


def report_file(path: str, display: str, db: Database, prefer: str) -> Outcome:
    from claimkit.files import parse_path

    return _report_read(lambda: parse_path(path, display), display, db, prefer)


def report_bytes(data: bytes, display: str, db: Database, prefer: str) -> Outcome:
    from claimkit.parse import parse_bytes

    return _report_read(lambda: parse_bytes(data, display), display, db, prefer)


def _report_read(read: Callable[[], Document], display: str, db: Database, prefer: str) -> Outcome:
    from claimkit.parse import UnreadableError

    try:
        document = read()
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


def report_files(
    files: Sequence[tuple[str, str]],
    database_for: Callable[[str], Database],
    prefer: str,
    jobs: int | None = None,
) -> Iterator[Outcome]:
    """Reports in the order given, each with the ratings database that applies to its path."""
    from claimkit.parallel import ordered_map

    def one(pair: tuple[str, str]) -> Outcome:
        return report_file(pair[0], pair[1], database_for(pair[0]), prefer)

    return ordered_map(one, files, jobs)
