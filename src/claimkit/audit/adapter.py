"""The one place the audit calls the rest of claimkit.

The run layer is due to become one pipeline under every command; until then every call the
audit makes into discovery, configuration, the lint engine, the bias report's computation and
dedupe goes through this module, so that change touches one file here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.context import Context
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
    "context",
    "corpus_report",
    "cross_file",
    "members",
    "plan",
    "preload",
    "read",
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
    """Files to audit and their lint jobs, as ``lint`` would choose them (the run layer's
    workspace: the same files and configuration as every command).

    Raises WorkspaceError for the command to report.
    """
    from claimkit.run.workspace import open_workspace
    from claimkit.settings import Settings

    settings = Settings(ratings_files=tuple(ratings))
    flags = Flags(tuple(select), tuple(ignore), tuple(extend_select), fail_on, settings)
    workspace = open_workspace(
        paths, flags, config_file=config_file, isolated=isolated, force_exclude=force_exclude
    )
    return Files(workspace.planner, workspace.files, workspace.errors, workspace.empty_dirs)


def preload(job: LintJob) -> None:
    """Load the ratings database before workers fork (they inherit it; a bad file fails here).

    Not the public suffix list: it is loaded where a registered domain is first needed (an
    unrated source, a parent-domain match), as lint loads it. Loaded here it cost every audit
    ~0.1 s with one core idle before the fork; in the workers it costs the same wall time
    (each loads it at once, in parallel) and nothing when every source is rated.
    """
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

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based position (diagnostics carry positions only)."""
        assert self.document is not None
        starts = self.document._line_starts
        return starts[min(line, len(starts)) - 1] + column - 1


def read(path: str, display: str, job: LintJob) -> Document | Analysed:
    """The parsed explainer, or (when there is nothing to audit) the engine's verdict on it."""
    from claimkit.engine import lint_file, lint_parsed
    from claimkit.files import parse_path
    from claimkit.parse import UnreadableError

    try:
        document = parse_path(path, display, job.settings.max_file_size)
    except UnreadableError:
        # The engine knows how an unreadable file is reported (CK001, or skipped).
        result = lint_file(path, display, job)
        return Analysed(display, None, result.diagnostics, result.skipped)
    if not document.text.strip() or not document.is_explainer:
        return Analysed(display, None, (), lint_parsed(document, job).skipped)
    return document


def context(document: Document, job: LintJob) -> Context:
    """The rule context of one explainer: what ``members`` computes, ``analyse`` reuses."""
    return Context(document, job.settings)


def members(ctx: Context) -> tuple[Member, ...]:
    """The rows that take part in cross-document duplicates, as ``dedupe`` chooses them."""
    from claimkit.dedupe.report import row_members

    return tuple(row_members(ctx.document.path, ctx))


def analyse(ctx: Context, job: LintJob) -> Analysed:
    """Every existing analysis of one explainer: lint, the bias report, duplicates, ratings.
    ``ctx`` is the context pass one read the rows from: the duplicates CK301 looks for are
    found from the same normalised sentences."""
    from claimkit.dedupe.plan import document_duplicates
    from claimkit.engine import lint_parsed
    from claimkit.ratings.access import database
    from claimkit.ratings.resolve import rated_rows
    from claimkit.report.compute import document_report
    from claimkit.rules.ck301_duplicate_claim import threshold_of

    # One context for lint and for the audit's own look: the duplicates CK301 found and the
    # ratings CK202/CK203 looked up are computed once, not again here.
    document = ctx.document
    result = lint_parsed(document, job, ctx)
    ratings = rated_rows(ctx)
    return Analysed(
        document.path,
        document,
        result.diagnostics,
        None,
        report=document_report(document, database(job.settings), ratings=ratings, graph=ctx.graph),
        duplicates=tuple(document_duplicates(ctx, threshold_of(ctx))),
        ratings={id(rating.claim): rating for rating in ratings},
        first_row=dict(ctx.graph.first_row),
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
    from claimkit.domain import url_problem

    return url_problem(url) is None and url.lower().startswith(("http://", "https://"))
