"""Fix one file: read it, fix it to a fixpoint with the run's rules, keep what it was.

The fixpoint loop and its guards are ``claimkit.fix.apply``; this is where a run hands it
a file and the lint of its job. Writing back is the caller's, through ``fix.write``.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.diagnostics import Applicability
from claimkit.engine import FileResult, LintJob, lint_bytes, lint_document, lint_file, lint_parsed
from claimkit.files import Snapshot, read_document
from claimkit.fix.apply import Outcome, fix_text
from claimkit.model import Document
from claimkit.parse import UnreadableError, parse_bytes


@dataclass(frozen=True, slots=True)
class FileFix:
    result: FileResult  # what remains to report
    outcome: Outcome | None  # None: nothing was attempted (unreadable, not an explainer)
    document: Document | None  # the document as read
    snapshot: Snapshot | None = None  # the file as read, for the rewrite's check


def allowed(unsafe: bool) -> set[Applicability]:
    return {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}


def fix_document(document: Document, job: LintJob, unsafe: bool) -> FileFix:
    if not document.text.strip() or not document.is_explainer:
        return FileFix(lint_parsed(document, job), None, document)
    outcome = fix_text(document, lambda doc: lint_document(doc, job), allowed(unsafe))
    return FileFix(FileResult(document.path, outcome.remaining), outcome, document)


def fix_path(path: str, display: str, job: LintJob, unsafe: bool) -> FileFix:
    try:
        document, snapshot = read_document(path, display, job.settings.max_file_size)
    except UnreadableError:
        return FileFix(lint_file(path, display, job), None, None)
    fixed = fix_document(document, job, unsafe)
    return FileFix(fixed.result, fixed.outcome, fixed.document, snapshot)


def fix_bytes(data: bytes, display: str, job: LintJob, unsafe: bool) -> FileFix:
    try:
        document = parse_bytes(data, display)
    except UnreadableError:
        return FileFix(lint_bytes(data, display, job), None, None)
    return fix_document(document, job, unsafe)


def unified_diff(document: Document, new_text: str) -> str:
    import difflib
    import re

    # Only "\n" ends a line here; str.splitlines would also split on U+2028 and friends.
    old_lines = re.findall(r"[^\n]*\n|[^\n]+", document.text)
    new_lines = re.findall(r"[^\n]*\n|[^\n]+", new_text)
    diff = difflib.unified_diff(
        old_lines, new_lines, fromfile=f"a/{document.path}", tofile=f"b/{document.path}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in diff
    )
