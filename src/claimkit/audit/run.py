"""The audit's two passes over the files, on forked workers that keep what they read.

Pass one parses each file and hands back only what links documents together: the rows that
take part in cross-document duplicates, each row's anchor, the page's name and title. Pass
two lints, reports, renders each page and holds it. While the workers are in pass two, the
parent clusters the duplicates across documents (one core's work that cannot be split); the
workers then fill each page's placeholders and write it. So the serial clustering overlaps the
parallel rendering instead of following it, and no page is written twice.

Files are dealt to the workers in turn (file i to worker i mod N) and results are put back in
input order. Below ``PARALLEL_THRESHOLD`` files everything runs in this process.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from claimkit.audit import adapter
from claimkit.audit.adapter import Member
from claimkit.audit.model import Outcome
from claimkit.context import Context
from claimkit.engine import LintJob

PARALLEL_THRESHOLD = 64
PLACEHOLDER = re.compile(r"<!--x:([A-Za-z0-9_-]+)-->")


class WorkError(Exception):
    """A page could not be written, or a worker failed: the message says which and why."""


@dataclass(frozen=True, slots=True)
class Item:
    path: str
    display: str
    job: int  # index into the run's jobs
    page: str  # relative to the site's root
    fail_on: int  # the Severity at which a finding fails the run, for this file


@dataclass(frozen=True, slots=True)
class First:
    """Pass one's result for one file."""

    index: int
    display: str
    page: str | None  # None: no page (skipped or unreadable)
    title: str
    members: tuple[Member, ...] = ()
    anchors: dict[int, str] = field(default_factory=dict)  # claim row line -> anchor
    done: Outcome | None = None  # the final outcome when there is no pass two


# What ``finish`` fills in: file index -> {claim anchor: list items for other documents}.
Extra = dict[int, dict[str, str]]


def _fill(by_anchor: dict[str, str], match: re.Match[str]) -> str:
    return by_anchor.get(match.group(1), "")


class Work:
    """One process's share of the files, and what it keeps between the passes."""

    def __init__(self, items: Sequence[Item], jobs: Sequence[LintJob], out: str) -> None:
        self.items = items
        self.jobs = jobs
        self.out = out
        self.documents: dict[int, Context] = {}
        self.pages: dict[int, str] = {}
        self.outcomes: dict[int, Outcome] = {}

    def first(self, indices: Sequence[int]) -> list[First]:
        from claimkit.audit.page import anchors_of, entry_of, title_of

        found: list[First] = []
        for index in indices:
            item = self.items[index]
            job = self.jobs[item.job]
            got = adapter.read(item.path, item.display, job)
            if isinstance(got, adapter.Analysed):
                if got.skipped is not None and not got.diagnostics:
                    done = Outcome(None, skipped=got.skipped)
                else:  # unreadable (CK001): a row in the index, no page
                    failing = any(d.severity >= item.fail_on for d in got.diagnostics)
                    done = Outcome(entry_of(got, None, failing))
                found.append(First(index, got.path, None, got.path, done=done))
                continue
            ctx = self.documents[index] = adapter.context(got, job)
            by_id = anchors_of(got.claims)
            anchors = {claim.row.line: by_id[id(claim)] for claim in got.claims}
            title = title_of(adapter.Analysed(got.path, got, (), None))
            members = adapter.members(ctx)
            found.append(First(index, got.path, item.page, title, members, anchors))
        return found

    def second(self) -> None:
        from claimkit.audit.page import entry_of, render_page

        for index in list(self.documents):
            item = self.items[index]
            analysed = adapter.analyse(self.documents.pop(index), self.jobs[item.job])
            failing = any(d.severity >= item.fail_on for d in analysed.diagnostics)
            entry = entry_of(analysed, item.page, failing)
            self.pages[index] = render_page(analysed, entry)[0]
            self.outcomes[index] = Outcome(entry, report=analysed.report)

    def finish(self, extra: Extra) -> list[tuple[int, Outcome]]:
        from claimkit.audit.write import SiteError, write_atomic

        for index, html in self.pages.items():
            by_anchor = extra.get(index)
            if by_anchor:
                html = PLACEHOLDER.sub(partial(_fill, by_anchor), html)
            try:
                write_atomic(os.path.join(self.out, self.items[index].page), html.encode())
            except SiteError as exc:
                raise WorkError(str(exc)) from None
        self.pages.clear()
        return sorted(self.outcomes.items(), key=lambda pair: pair[0])


Link = Callable[[list[First]], Extra]


def _serve(work: Work, indices: list[int], connection: Any, parent: int) -> None:
    """A worker's life: pass one, pass two, then the pages once the links arrive."""
    from claimkit.workers import die_with_parent

    die_with_parent(parent)
    # A worker holds its share of parsed documents between the passes: millions of small
    # tuples at 10,000 files, which every full collection would scan again. They make no
    # cycles worth collecting, and the process ends after the pages are written.
    gc.disable()
    try:
        connection.send(("first", work.first(indices)))
        work.second()  # meanwhile the parent clusters the corpus's duplicates
        extra = connection.recv()
        connection.send(("done", work.finish(extra)))
    except WorkError as exc:
        connection.send(("error", str(exc)))
    except Exception as exc:  # reported by the parent as one line, never a traceback
        connection.send(("error", f"internal error: {type(exc).__name__}: {exc}"))
    finally:
        connection.close()


def _warm() -> None:
    """Import what clustering the corpus needs (numpy, rapidfuzz) before it is needed."""
    import numpy  # noqa: F401

    import claimkit.dedupe.detect  # noqa: F401


def _receive(connection: Any, kind: str) -> Any:
    try:
        got, value = connection.recv()
    except EOFError:
        raise WorkError("a worker process ended unexpectedly") from None
    if got == "error":
        raise WorkError(value)
    assert got == kind, got
    return value


def run(
    items: Sequence[Item],
    jobs: Sequence[LintJob],
    out: str,
    link: Link,
    workers: int | None = None,
) -> list[Outcome]:
    """Every file's outcome, in input order; ``link`` turns pass one into the pages' extras."""
    count = workers or os.cpu_count() or 1
    everything = list(range(len(items)))
    if count <= 1 or len(items) < PARALLEL_THRESHOLD:
        work = Work(items, jobs, out)
        firsts = work.first(everything)
        extra = link(firsts)
        work.second()
        return _assemble(firsts, work.finish(extra))
    import multiprocessing

    context = multiprocessing.get_context("fork")
    work = Work(items, jobs, out)  # inherited by every worker at the fork
    shares = [everything[w::count] for w in range(count)]
    processes = []
    connections = []
    try:
        for share in shares:
            mine, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(work, share, theirs, os.getpid()))
            process.start()
            theirs.close()
            processes.append(process)
            connections.append(mine)
        _warm()  # while the workers read, on this otherwise idle process
        firsts = []
        for connection in connections:
            firsts.extend(_receive(connection, "first"))
        firsts.sort(key=lambda first: first.index)
        extra = link(firsts)  # meanwhile the workers render
        for share, connection in zip(shares, connections, strict=True):
            # OSError: the worker already failed, and its message is waiting to be read.
            with suppress(OSError):
                connection.send({i: extra[i] for i in share if i in extra})
        finished: list[tuple[int, Outcome]] = []
        for connection in connections:
            finished.extend(_receive(connection, "done"))
        return _assemble(firsts, finished)
    finally:
        for process in processes:
            if process.is_alive():
                process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()
        for connection in connections:
            connection.close()


def _assemble(firsts: list[First], finished: list[tuple[int, Outcome]]) -> list[Outcome]:
    outcomes: dict[int, Outcome] = dict(finished)
    for first in firsts:
        if first.done is not None:
            outcomes[first.index] = first.done
    return [outcomes[i] for i in sorted(outcomes)]
