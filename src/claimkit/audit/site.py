"""Build the audit site: analyse every file (in parallel), link duplicates, write the pages.

Layout of ``DIR``: ``index.html``, ``pages/NNNN-NAME.html`` (one per document),
``assets/audit.css`` and ``assets/audit.js`` (copied from the package), and
``clusters.html`` / ``unrated.html`` when those lists are too long for the index. Every file
is written atomically (a temporary file beside it, then a rename); nothing else in ``DIR``
is touched, so a site can live in a folder with other files.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html import escape
from pathlib import Path

from claimkit.audit import adapter
from claimkit.audit.adapter import Cluster, Files, Member
from claimkit.audit.html import attr
from claimkit.audit.index import (
    SHOWN,
    Corpus,
    clusters_list,
    render_index,
    render_list_page,
    unrated_table,
)
from claimkit.audit.model import Entry, Outcome
from claimkit.engine import LintJob

STATIC = Path(__file__).parent / "static"
ASSETS = ("audit.css", "audit.js")
_PLACEHOLDER = re.compile(r"<!--x:([A-Za-z0-9_-]+)-->")
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")
# Links from one claim to its copies in other documents; a sentence that half the corpus
# repeats would otherwise put thousands of links on every one of its pages.
OTHERS_SHOWN = 10


class SiteError(Exception):
    """The site could not be written (the message names the path and the reason)."""


@dataclass(slots=True)
class Built:
    documents: int = 0
    skipped: int = 0
    failing: bool = False
    clusters: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)


def page_name(number: int, width: int, display: str) -> str:
    stem = display[:-3] if display.lower().endswith(".md") else display
    slug = _SLUG.sub("-", stem).strip("-.")[-60:].lstrip("-.") or "document"
    return f"pages/{number:0{width}d}-{slug}.html"


def write_atomic(path: str, data: bytes) -> None:
    """Write ``path`` whole or not at all: a reader never sees half a page.

    No fsync: a site is regenerated at will, and a thousand syncs would cost more than the
    whole build (the rename alone is what keeps a page from ever being seen half-written).
    """
    directory = os.path.dirname(path) or "."
    temporary = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from None


def _prepare(out: str) -> None:
    if os.path.exists(out) and not os.path.isdir(out):
        raise SiteError(f"cannot write the site to {out}: it is a file, not a directory")
    try:
        os.makedirs(os.path.join(out, "pages"), exist_ok=True)
        os.makedirs(os.path.join(out, "assets"), exist_ok=True)
    except OSError as exc:
        raise SiteError(f"cannot create {out}: {exc.strerror or exc}") from None


_jobs: list[LintJob] = []
_out = ""  # the site's directory, for the workers that write the pages


def _work(item: tuple[str, str, int, str, int]) -> Outcome:
    from claimkit.audit.page import entry_of, render_page

    path, display, job_index, page, fail_on = item
    analysed = adapter.analyse(path, display, _jobs[job_index])
    if analysed.skipped is not None and not analysed.diagnostics:
        return Outcome(None, skipped=analysed.skipped)
    failing = any(d.severity >= fail_on for d in analysed.diagnostics)
    if analysed.document is None:  # unreadable (CK001): a row in the index, no page
        return Outcome(entry_of(analysed, None, failing))
    entry = entry_of(analysed, page, failing)
    html, anchors = render_page(analysed, entry)
    # Written here, on the worker's core: the pages are most of the bytes of a site. The
    # placeholders for other documents' duplicates stay until ``_patch`` fills them.
    write_atomic(os.path.join(_out, page), html.encode("utf-8"))
    return Outcome(entry, None, None, anchors, analysed.members, analysed.report)


def _patch(item: tuple[str, dict[str, str]]) -> None:
    """Fill one written page's placeholders with its claims' copies in other documents."""
    path, by_anchor = item
    try:
        with open(path, encoding="utf-8") as handle:
            html = handle.read()
    except OSError as exc:
        raise SiteError(f"cannot read back {path}: {exc.strerror or exc}") from None
    write_atomic(path, _PLACEHOLDER.sub(partial(_fill, by_anchor), html).encode("utf-8"))


def _fill(by_anchor: dict[str, str], match: re.Match[str]) -> str:
    return by_anchor.get(match.group(1), "")


def _others(
    clusters: list[Cluster], links: dict[tuple[str, int], str], titles: dict[str, str]
) -> dict[str, dict[int, str]]:
    """For each document and claim row line: the list items naming its copies elsewhere."""
    found: dict[str, dict[int, list[str]]] = {}
    for cluster in clusters:
        members = [cluster.kept, *(d.member for d in cluster.duplicates)]
        for one in members:
            others = [m for m in members if m.path != one.path]
            items = []
            for other in others[:OTHERS_SHOWN]:
                target = links.get((other.path, other.line))
                # Pages sit side by side in pages/: a sibling link, no "../pages/".
                href = target.removeprefix("pages/") if target else None
                name = escape(titles.get(other.path, other.path))
                label = f"claim {escape(other.id or '?')}"
                link = f'<a href="{attr(href)}">{name}</a>' if href else name
                items.append(f'<li class="elsewhere">in {link}, {label}</li>')
            if len(others) > OTHERS_SHOWN:
                items.append(
                    f'<li class="elsewhere">and {len(others) - OTHERS_SHOWN} more documents '
                    '(<a href="../clusters.html">all clusters</a>)</li>'
                )
            found.setdefault(one.path, {}).setdefault(one.line, []).extend(items)
    return {path: {line: "".join(v) for line, v in lines.items()} for path, lines in found.items()}


def build(
    files: Files,
    out: str,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Built:
    """Analyse ``files`` and write the site to ``out``; SiteError when it cannot be written."""
    global _jobs, _out
    _prepare(out)
    _out = out
    planner = files.planner
    job_index: dict[int, int] = {}
    _jobs = []
    items: list[tuple[str, str, int, str, int]] = []
    width = max(4, len(str(len(files.files))))
    for number, (path, display) in enumerate(files.files, start=1):
        job = planner.job(path)
        if id(job) not in job_index:
            job_index[id(job)] = len(_jobs)
            _jobs.append(job)
            adapter.preload(job)
        fail_on = int(planner.fail_on(path))
        items.append(
            (path, display, job_index[id(job)], page_name(number, width, display), fail_on)
        )
    built = Built()
    outcomes: list[Outcome] = []
    for outcome in adapter.in_parallel(_work, items, jobs):
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes))
    entries: list[Entry] = []
    members: list[Member] = []
    reports = []
    links: dict[tuple[str, int], str] = {}
    titles: dict[str, str] = {}
    for path, why in files.walk_errors:
        from claimkit.audit.page import entry_of

        analysed = adapter.Analysed(path, None, (adapter.unreadable(path, why),), None)
        entries.append(entry_of(analysed, None, True))
    for outcome in outcomes:
        if outcome.entry is None:
            built.skipped += 1
            continue
        entry = outcome.entry
        entries.append(entry)
        built.failing = built.failing or entry.failing
        titles[entry.path] = entry.title
        members.extend(outcome.members)
        if outcome.report is not None:
            reports.append(outcome.report)
        if entry.page is not None:
            for line, anchor in outcome.anchors.items():
                links[(entry.path, line)] = f"{entry.page}#{anchor}"
    threshold = _jobs[0].settings.dedupe_threshold if _jobs else None
    clusters = adapter.cross_file(members, threshold) if len(reports) > 1 else []
    del members
    # Largest first: the cluster an editor should see is the one in the most documents.
    clusters.sort(key=lambda c: -len({c.kept.path, *(d.member.path for d in c.duplicates)}))
    others = _others(clusters, links, titles)
    unrated = _unrated(reports)

    for name in ASSETS:
        write_atomic(os.path.join(out, "assets", name), (STATIC / name).read_bytes())
    patches: list[tuple[str, dict[str, str]]] = []
    for outcome in outcomes:
        if outcome.entry is None or outcome.entry.page is None:
            continue
        built.pages += 1
        extra = others.get(outcome.entry.path)
        if extra is not None:
            by_anchor = {outcome.anchors[line]: items for line, items in extra.items()}
            patches.append((os.path.join(out, outcome.entry.page), by_anchor))
    # In this process: reading back and rewriting a page is cheaper than a pool's start-up.
    for patch in patches:
        _patch(patch)
    corpus = Corpus(
        entries=entries,
        report=adapter.corpus_report(reports) if reports else None,
        clusters=clusters,
        unrated=unrated,
        skipped=built.skipped,
        links=links,
    )
    if len(clusters) > SHOWN:
        body = clusters_list(clusters, links, "")
        page = render_list_page(f"Duplicate claims across documents ({len(clusters)})", body)
        write_atomic(os.path.join(out, "clusters.html"), page.encode("utf-8"))
    if len(unrated) > SHOWN:
        page = render_list_page(f"Unrated domains ({len(unrated)})", unrated_table(unrated))
        write_atomic(os.path.join(out, "unrated.html"), page.encode("utf-8"))
    write_atomic(os.path.join(out, "index.html"), render_index(corpus).encode("utf-8"))
    built.documents = len(entries)
    built.clusters = len(clusters)
    return built


def _unrated(reports: list[adapter.Report]) -> list[tuple[str, int, int]]:
    tally: dict[str, list[int]] = {}
    for report in reports:
        for line in report.outlets:
            if line.label == "Unrated" and line.domain:
                seen = tally.setdefault(line.domain, [0, 0])
                seen[0] += 1
                seen[1] += line.claims
    ranked = sorted(tally.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    return [(domain, documents, claims) for domain, (documents, claims) in ranked]
