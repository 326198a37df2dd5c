"""Build the audit site: analyse every file (in parallel), link duplicates, write the pages.

Layout of ``DIR``: ``index.html``, ``pages/NNNN-NAME.html`` (one per document),
``assets/audit.css`` and ``assets/audit.js`` (copied from the package), and
``clusters.html`` / ``unrated.html`` when those lists are too long for the index. Every file
is written atomically (a temporary file beside it, then a rename); nothing else in ``DIR``
is touched, so a site can live in a folder with other files.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from itertools import islice
from pathlib import Path

from claimkit.audit import adapter
from claimkit.audit.adapter import Cluster, Files, Member
from claimkit.audit.html import attr
from claimkit.audit.index import (
    SHOWN,
    Corpus,
    cluster_anchor,
    clusters_list,
    clusters_page_needed,
    render_index,
    render_list_page,
    unrated_table,
)
from claimkit.audit.model import Entry
from claimkit.audit.run import Extra, First, Item, WorkError, run
from claimkit.audit.write import SiteError, write_atomic
from claimkit.engine import LintJob

STATIC = Path(__file__).parent / "static"
ASSETS = ("audit.css", "audit.js")
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")
# Links from one claim to its copies in other documents; a sentence that half the corpus
# repeats would otherwise put thousands of links on every one of its pages.
OTHERS_SHOWN = 10


@dataclass(slots=True)
class Built:
    documents: int = 0
    skipped: int = 0
    failing: bool = False
    clusters: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)


def page_name(number: int, width: int, display: str) -> str:
    """``pages/NNNN-NAME.html``: the number keeps it unique, the file's own name is for people."""
    name = display.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name[:-3] if name.lower().endswith(".md") else name
    slug = _SLUG.sub("-", stem).strip("-.")[:40].rstrip("-.") or "document"
    return f"pages/{number:0{width}d}-{slug}.html"


def _prepare(out: str) -> None:
    if os.path.exists(out) and not os.path.isdir(out):
        raise SiteError(f"cannot write the site to {out}: it is a file, not a directory")
    try:
        os.makedirs(os.path.join(out, "pages"), exist_ok=True)
        os.makedirs(os.path.join(out, "assets"), exist_ok=True)
    except OSError as exc:
        raise SiteError(f"cannot create {out}: {exc.strerror or exc}") from None


Links = dict[tuple[str, int], str]


def _others(firsts: list[First], threshold: float | None) -> tuple[Extra, Links, list[Cluster]]:
    """For each document and claim anchor, the list items naming the claim's copies elsewhere.

    Also the link to every claim row, for the index's cluster list (``pages/PAGE#ANCHOR`` by
    path and line), and the clusters themselves, largest first.
    """
    links: dict[tuple[str, int], str] = {}
    titles: dict[str, str] = {}
    where: dict[str, tuple[int, dict[int, str]]] = {}
    members: list[Member] = []
    for first in firsts:
        if first.page is None:
            continue
        titles[first.display] = first.title
        where[first.display] = (first.index, first.anchors)
        for line, anchor in first.anchors.items():
            links[(first.display, line)] = f"{first.page}#{anchor}"
        members.extend(first.members)
    clusters = adapter.cross_file(members, threshold) if len(where) > 1 else []
    # Largest first: the cluster an editor should see is the one in the most documents.
    clusters.sort(key=lambda c: -len({c.kept.path, *(d.member.path for d in c.duplicates)}))
    found: dict[int, dict[str, list[str]]] = {}
    shown: dict[int, str] = {}  # each member's list item: it appears in every list of its cluster

    def item(other: Member) -> str:
        known = shown.get(id(other))
        if known is None:
            target = links.get((other.path, other.line))
            # Pages sit side by side in pages/: a sibling link, no "../pages/".
            href = target.removeprefix("pages/") if target else None
            name = escape(titles.get(other.path, other.path))
            label = f"claim {escape(other.id or '?')}"
            link = f'<a href="{attr(href)}">{name}</a>' if href else name
            known = shown[id(other)] = f'<li class="elsewhere">in {link}, {label}</li>'
        return known

    for number, cluster in enumerate(clusters, start=1):
        group = [cluster.kept, *(d.member for d in cluster.duplicates)]
        # A claim copied into N documents has N lists of N - 1 others: counted, not listed,
        # past the ten shown (a list per member made a 143-copy cluster 20,000 steps).
        per_path = Counter(m.path for m in group)
        for one in group:
            index, anchors = where[one.path]
            here = anchors.get(one.line)
            if here is None:
                continue
            others = (m for m in group if m.path != one.path)
            items = [item(other) for other in islice(others, OTHERS_SHOWN)]
            more = len(group) - per_path[one.path] - OTHERS_SHOWN
            if more > 0:
                items.append(
                    f'<li class="elsewhere">and {more} more documents '
                    f'(<a href="../clusters.html#{cluster_anchor(number)}">the whole cluster</a>)'
                    "</li>"
                )
            found.setdefault(index, {}).setdefault(here, []).extend(items)
    extra = {index: {a: "".join(v) for a, v in by.items()} for index, by in found.items()}
    return extra, links, clusters


def build(
    files: Files,
    out: str,
    jobs: int | None = None,
) -> Built:
    """Analyse ``files`` and write the site to ``out``; SiteError when it cannot be written."""
    _prepare(out)
    planner = files.planner
    job_index: dict[int, int] = {}
    run_jobs: list[LintJob] = []
    items: list[Item] = []
    width = max(4, len(str(len(files.files))))
    for number, (path, display) in enumerate(files.files, start=1):
        job = planner.job(path)
        if id(job) not in job_index:
            job_index[id(job)] = len(run_jobs)
            run_jobs.append(job)
            adapter.preload(job)
        page = page_name(number, width, display)
        items.append(Item(path, display, job_index[id(job)], page, int(planner.fail_on(path))))
    # One threshold per run, as dedupe has it: the configuration of the first file.
    threshold = run_jobs[0].settings.dedupe_threshold if run_jobs else None
    links: Links = {}
    clusters: list[Cluster] = []

    def link(firsts: list[First]) -> Extra:
        extra, found, grouped = _others(firsts, threshold)
        links.update(found)
        clusters.extend(grouped)
        return extra

    for name in ASSETS:
        write_atomic(os.path.join(out, "assets", name), (STATIC / name).read_bytes())
    from claimkit.heap import acyclic_build

    try:
        with acyclic_build():
            outcomes = run(items, run_jobs, out, link, jobs)
    except WorkError as exc:
        raise SiteError(str(exc)) from None
    built = Built()
    entries: list[Entry] = []
    reports = []
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
        if entry.page is not None:
            built.pages += 1
        if outcome.report is not None:
            reports.append(outcome.report)
    unrated = _unrated(reports)
    corpus = Corpus(
        entries=entries,
        report=adapter.corpus_report(reports) if reports else None,
        clusters=clusters,
        unrated=unrated,
        skipped=built.skipped,
        links=links,
    )
    if clusters_page_needed(clusters):
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
