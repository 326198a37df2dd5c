"""One file of a dedupe run: parse, plan, and (when asked) diff or write the fix."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimkit.dedupe.report import FileReport, Member, file_report, row_members
from claimkit.files import DEFAULT_MAX_FILE_SIZE

if TYPE_CHECKING:
    from claimkit.model import Document


class Mode:
    REPORT = "report"  # find duplicates only
    FIX = "fix"  # write the fixed file
    DIFF = "diff"  # show the fix as a unified diff
    CHECK = "check"  # say whether a fix would change anything


@dataclass(frozen=True, slots=True)
class Options:
    mode: str = Mode.REPORT
    threshold: float | None = None
    unsafe: bool = False
    renumber: bool = True
    corpus: bool = False  # collect members for cross-file clusters
    force: bool = False  # rewrite read-only and hard-linked files too
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    explain: bool = False  # say which guard kept each look-alike pair apart (-v)


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    report: FileReport | None
    members: tuple[Member, ...] = ()
    skipped: str | None = None  # not an explainer, empty
    error: str | None = None  # unreadable
    look_alikes: tuple[str, ...] = ()  # with Options.explain: one line per rejected pair


def _fixed_text(document: Document, options: Options) -> str:
    """The merge through the one fix engine: CK301's fix, re-linted, guarded, to a fixpoint.

    The report says what the plan removes; the text written is what the fix engine makes of
    the same plan, so ``dedupe --fix`` and ``lint --fix`` can never disagree.
    """
    from claimkit.engine import LintJob, lint_document
    from claimkit.fix.apply import fix_text
    from claimkit.rule_options import RuleOptions
    from claimkit.rules import BY_CODE
    from claimkit.run.fixing import allowed
    from claimkit.settings import Settings

    settings = Settings(
        dedupe_threshold=options.threshold,
        rule_options=RuleOptions().with_value("CK301", "renumber", options.renumber),
    )
    job = LintJob((BY_CODE["CK301"],), settings)
    return fix_text(document, lambda doc: lint_document(doc, job), allowed(options.unsafe)).text


def process(path: str, display: str, options: Options) -> Outcome:
    from claimkit.context import Context
    from claimkit.dedupe.plan import plan
    from claimkit.files import read_document
    from claimkit.fix.write import WriteError, encode, rewrite
    from claimkit.parse import UnreadableError
    from claimkit.run.fixing import unified_diff
    from claimkit.settings import Settings

    try:
        document, snapshot = read_document(path, display, options.max_file_size)
    except UnreadableError as exc:
        return Outcome(display, None, error=str(exc))
    if not document.text.strip():
        return Outcome(display, None, skipped="empty file")
    if not document.is_explainer:
        return Outcome(display, None, skipped="not an explainer")
    fixing = options.mode != Mode.REPORT
    # One context for the plan and the corpus's members: the rows are normalised once.
    ctx = Context(document, Settings(dedupe_threshold=options.threshold))
    result = plan(
        document, options.threshold, unsafe=options.unsafe, renumber=options.renumber, ctx=ctx
    )
    report = file_report(result, applied=fixing)
    if result.changed:
        new = _fixed_text(document, options)
        if options.mode == Mode.DIFF:
            report.diff = unified_diff(document, new)
        elif options.mode == Mode.FIX and new != document.text:
            try:
                rewrite(path, encode(document, new), snapshot, force=options.force)
            except WriteError as exc:
                return Outcome(display, None, error=str(exc))
    look_alikes = _look_alikes(display, document, options) if options.explain else ()
    members: tuple[Member, ...] = ()
    if options.corpus:
        # Across files, a row this run removes (or would remove) is no longer a member.
        gone = {id(d.claim) for d in result.removed} if fixing else set()
        members = tuple(row_members(display, ctx, gone))
    return Outcome(display, report, members, look_alikes=look_alikes)


def _look_alikes(display: str, document: Document, options: Options) -> tuple[str, ...]:
    from claimkit.context import Context
    from claimkit.dedupe.lookalikes import claim_look_alikes
    from claimkit.dedupe.plan import dedupe_rows
    from claimkit.settings import Settings

    rows = dedupe_rows(Context(document, Settings()))
    return tuple(
        f"{display}:{pair.claim.row.line}: claim {pair.claim.id} is not a duplicate of claim "
        f"{pair.other.id} (similarity {pair.score:.1f}): {pair.reason}"
        for pair in claim_look_alikes(rows, options.threshold)
    )


def process_files(
    files: Sequence[tuple[str, str]], options: Options, jobs: int | None = None
) -> Iterator[Outcome]:
    """Process (path, display) pairs in order, on the one parallel map."""
    from claimkit.parallel import ordered_map

    return ordered_map(lambda pair: process(pair[0], pair[1], options), files, jobs)
