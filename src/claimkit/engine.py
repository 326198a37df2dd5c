"""Run rules over documents and files: parsed document in, sorted diagnostics out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimkit.diagnostics import Diagnostic, Severity, by_position
from claimkit.settings import Settings

if TYPE_CHECKING:
    from claimkit.context import Context
    from claimkit.model import Document
    from claimkit.rules.base import Rule

# The parser, the rules' context and file reading are imported where a document is read:
# a run whose every file is a cache hit (claimkit.run.cache) needs none of them.


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    diagnostics: tuple[Diagnostic, ...]
    skipped: str | None = None  # why the file was not linted (not an explainer, empty)

    def __reduce__(self) -> tuple[type[FileResult], tuple[object, ...]]:
        # A worker's result crosses the pipe: rebuilt through the constructor (see Diagnostic).
        return (FileResult, (self.path, self.diagnostics, self.skipped))


@dataclass(slots=True)
class LintJob:
    rules: tuple[Rule, ...]
    settings: Settings = field(default_factory=Settings)
    # Configured severities by rule code; they reach every output format through here.
    severity: Mapping[str, Severity] = field(default_factory=dict)


def lint_document(document: Document, job: LintJob, ctx: Context | None = None) -> list[Diagnostic]:
    """The job's findings in one document. A caller that goes on to use what the rules
    computed (the audit: duplicates, ratings) passes its own ``ctx`` to share it."""
    from claimkit.context import Context

    ctx = ctx if ctx is not None else Context(document, job.settings)
    found: list[Diagnostic] = []
    for rule in job.rules:
        if rule.check is None:
            continue
        for finding in rule.check(ctx):
            span = finding.span
            line, column = (span.line, span.column) if span is not None else (1, 1)
            end_line = end_column = None
            if span is not None:
                end_line, end_column = document.position(span.end)
            found.append(
                Diagnostic(
                    path=document.path,
                    line=line,
                    column=column,
                    code=rule.code,
                    name=rule.name,
                    severity=rule.severity,
                    message=finding.message,
                    # This very finding: whether --fix (or --unsafe-fixes) would fix it.
                    fixable=finding.fix is not None and bool(finding.fix.edits),
                    end_line=end_line,
                    end_column=end_column,
                    fix=finding.fix,
                )
            )
    found.sort(key=by_position)
    if document.comments:
        from claimkit.suppress import apply

        found = apply(document, found, (rule.code for rule in job.rules))
    return _with_severity(found, job)


def _with_severity(found: list[Diagnostic], job: LintJob) -> list[Diagnostic]:
    if not job.severity:
        return found
    return [
        d._replace(severity=job.severity[d.code]) if d.code in job.severity else d for d in found
    ]


def unreadable(path: str, reason: str, job: LintJob | None = None) -> Diagnostic:
    from claimkit.rules import BY_CODE

    rule = BY_CODE["CK001"]
    severity = job.severity.get(rule.code, rule.severity) if job is not None else rule.severity
    return Diagnostic(path, 1, 1, rule.code, rule.name, severity, reason, rule.fixable)


def _result(document: Document, job: LintJob, ctx: Context | None = None) -> FileResult:
    if not document.text.strip():
        return FileResult(document.path, (), "empty file")
    if not document.is_explainer:
        return FileResult(
            document.path, (), "not an explainer (no <DetailSlider>, no Claims table)"
        )
    return FileResult(document.path, tuple(lint_document(document, job, ctx)))


def lint_parsed(document: Document, job: LintJob, ctx: Context | None = None) -> FileResult:
    """A parsed document's result, with the engine's rules for empty files and non-explainers."""
    return _result(document, job, ctx)


def _ck001_selected(job: LintJob) -> bool:
    return any(rule.code == "CK001" for rule in job.rules)


def lint_file(path: str, display: str, job: LintJob) -> FileResult:
    from claimkit.files import parse_path

    return _lint_read(lambda: parse_path(path, display, job.settings.max_file_size), display, job)


def lint_bytes(data: bytes, display: str, job: LintJob) -> FileResult:
    from claimkit.parse import parse_bytes

    return _lint_read(lambda: parse_bytes(data, display), display, job)


def _lint_read(read: Callable[[], Document], display: str, job: LintJob) -> FileResult:
    from claimkit.files import CannotRead
    from claimkit.parse import UnreadableError

    try:
        document = read()
    except UnreadableError as exc:
        # What the system will not let us read is reported even with CK001 deselected.
        reported = _ck001_selected(job) or isinstance(exc, CannotRead)
        found = (unreadable(display, str(exc), job),) if reported else ()
        return FileResult(display, found, None if found else str(exc))
    return _result(document, job)


def lint_files(
    files: Sequence[tuple[str, str]], job: LintJob, jobs: int | None = None
) -> Iterator[FileResult]:
    """Lint (path, display) pairs, in the order given, on several processes when it pays."""
    from claimkit.parallel import ordered_map

    return ordered_map(lambda pair: lint_file(pair[0], pair[1], job), files, jobs)


def count_by_severity(results: Iterable[FileResult]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for diagnostic in result.diagnostics:
            counts[diagnostic.severity.label] += 1
    return counts
