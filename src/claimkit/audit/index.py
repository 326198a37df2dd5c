"""The site's front page: corpus totals and charts, then one sortable, filterable row per document.

Kept small on purpose (a thousand documents stay well under a megabyte): a row holds its
numbers and a few hundred bytes of SVG; the long lists (every cross-document cluster, every
unrated domain) get pages of their own past a first screenful.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from claimkit.audit.adapter import Cluster, Member
from claimkit.audit.html import attr, head, mini_bar
from claimkit.audit.model import FAMILIES, FAMILY_NAMES, SEVERITIES, Entry
from claimkit.report.chart import blindspot_grade, grade_html, lean_chart
from claimkit.report.model import REPORT_LABELS, UNIT_TITLES, UNITS, Report
from claimkit.report.text import lean, lean_words, percent, shorten

SHOWN = 50  # rows of a long list on the index; the rest on its own page
MEMBERS_SHOWN = 10  # claims of one cluster on the index; all of them on clusters.html


@dataclass(frozen=True, slots=True)
class Corpus:
    entries: Sequence[Entry]
    report: Report | None
    clusters: Sequence[Cluster]
    unrated: Sequence[tuple[str, int, int]]  # (domain, documents, claims), most used first
    skipped: int
    links: dict[tuple[str, int], str]  # (path, claim row line) -> "pages/PAGE#ANCHOR"


def _legend() -> str:
    return (
        '<p class="legend">'
        + "".join(
            f'<span><span class="sw {k}"></span>{escape(x)}</span>'
            for x, k in zip(REPORT_LABELS, ("l2", "l1", "c0", "r1", "r2", "mx", "un"), strict=True)
        )
        + "</p>"
    )


def _totals(corpus: Corpus) -> str:
    entries = corpus.entries
    severities = {s: sum(e.severities[s] for e in entries) for s in SEVERITIES}
    families = {f: sum(e.families[f] for e in entries) for f in FAMILY_NAMES}
    with_findings = sum(1 for e in entries if e.findings)
    claims = sum(e.claims for e in entries)
    cells = [
        ("documents", str(len(entries))),
        ("with findings", str(with_findings)),
        ("claims", str(claims)),
        *((s if s == "info" else s + "s", str(severities[s])) for s in SEVERITIES),
        *((f, str(families[f])) for f in FAMILY_NAMES if families[f] or f != "other"),
        ("cross-document clusters", str(len(corpus.clusters))),
    ]
    boxes = "".join(
        f'<div class="tot"><b>{value}</b><span>{escape(name)}</span></div>' for name, value in cells
    )
    skipped = (
        f'<p class="muted">{corpus.skipped} markdown file(s) skipped: not explainers, or empty.</p>'
        if corpus.skipped
        else ""
    )
    return f'<section id="totals"><div class="tots">{boxes}</div>{skipped}</section>'


def _rules(entries: Sequence[Entry]) -> str:
    found: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for entry in entries:
        for code, count in entry.codes.items():
            tally = found.setdefault(code, [0, 0])
            tally[0] += count
            tally[1] += 1
            names[code] = entry.names[code]
    if not found:
        return ""
    rows = "".join(
        f'<tr><td><a href="#rule={code}">{code}</a></td><td>{escape(names[code])}</td>'
        f"<td>{found[code][0]}</td><td>{found[code][1]}</td></tr>"
        for code in sorted(found)
    )
    return (
        '<section id="rules"><h2>Findings by rule</h2><table class="small"><thead><tr>'
        "<th>rule</th><th>name</th><th>findings</th><th>documents</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _chart(report: Report | None) -> str:
    if report is None:
        return ""
    out = ['<section id="lean"><h2>Corpus lean</h2>', _legend()]
    for unit in UNITS:
        s = report.units[unit]
        out.append(
            f'<figure class="chart" data-unit="{unit}"><figcaption>{escape(UNIT_TITLES[unit])}'
            "</figcaption>"
            + lean_chart(s, f"{UNIT_TITLES[unit]}: count per label, left and right of centre")
            + f"<p>mean lean {lean(s.mean_lean)} ({escape(lean_words(s.mean_lean))}) · rated "
            f"coverage {percent(s.coverage)} · {grade_html(blindspot_grade(s))}</p></figure>"
        )
    out.append("</section>")
    return "".join(out)


def unrated_table(unrated: Sequence[tuple[str, int, int]]) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(domain)}</code></td><td>{documents}</td><td>{claims}</td></tr>"
        for domain, documents, claims in unrated
    )
    return (
        '<table class="small"><thead><tr><th>domain</th><th>documents</th><th>claims</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _unrated(unrated: Sequence[tuple[str, int, int]]) -> str:
    if not unrated:
        return ""
    more = (
        f'<p><a href="unrated.html">All {len(unrated)} unrated domains</a></p>'
        if len(unrated) > SHOWN
        else ""
    )
    return (
        f'<section id="unrated"><h2>Unrated domains ({len(unrated)})</h2>'
        "<p>Sources the ratings database does not rate, by how many documents use them.</p>"
        f"{unrated_table(unrated[:SHOWN])}{more}</section>"
    )


def _member(member: Member, links: dict[tuple[str, int], str], prefix: str) -> str:
    target = links.get((member.path, member.line))
    where = escape(member.path)
    label = f"claim {escape(member.id or '?')}"
    if target is not None:
        return (
            f'<li><a href="{attr(prefix + target)}">{where}</a> {label} (line {member.line})</li>'
        )
    return f"<li>{where} {label} (line {member.line})</li>"


def cluster_anchor(number: int) -> str:
    """The id of the ``number``-th cluster (from 1, largest first) on the index and on
    clusters.html alike, so that "and N more" can point at the very cluster."""
    return f"cluster-{number}"


def clusters_list(
    clusters: Sequence[Cluster],
    links: dict[tuple[str, int], str],
    prefix: str,
    members_shown: int | None = None,
) -> str:
    """The clusters with their claims; past ``members_shown`` claims a cluster says how many
    more there are (a claim copied into hundreds of documents must not swell the index)."""
    items = []
    for number, cluster in enumerate(clusters, start=1):
        anchor = cluster_anchor(number)
        members = [cluster.kept, *(d.member for d in cluster.duplicates)]
        files = len({m.path for m in members})
        shown = members if members_shown is None else members[:members_shown]
        more = (
            f'<li class="more">and {len(members) - len(shown)} more '
            f'(<a href="{attr(prefix)}clusters.html#{anchor}">the whole cluster</a>)</li>'
            if len(shown) < len(members)
            else ""
        )
        items.append(
            f'<li class="cluster" id="{anchor}"><q>{escape(shorten(cluster.kept.sentence, 160))}'
            f'</q> <span class="meta">{cluster.kind.value}, {len(members)} claims in {files} '
            f"documents</span><ul>"
            + "".join(_member(m, links, prefix) for m in shown)
            + f"{more}</ul></li>"
        )
    return f'<ol class="clusters">{"".join(items)}</ol>'


def clusters_page_needed(clusters: Sequence[Cluster]) -> bool:
    """Whether the index leaves out clusters, or claims of one: then clusters.html has them."""
    return len(clusters) > SHOWN or any(
        1 + len(cluster.duplicates) > MEMBERS_SHOWN for cluster in clusters[:SHOWN]
    )


def _clusters(corpus: Corpus) -> str:
    clusters = corpus.clusters
    if not clusters:
        return ""
    more = (
        f'<p><a href="clusters.html">All {len(clusters)} clusters</a></p>'
        if clusters_page_needed(clusters)
        else ""
    )
    shown = clusters_list(clusters[:SHOWN], corpus.links, "", MEMBERS_SHOWN)
    return (
        f'<section id="clusters"><h2>Duplicate claims across documents ({len(clusters)})</h2>'
        f"{shown}{more}</section>"
    )


def common_folder(paths: Sequence[str]) -> str:
    """The folder every path is in ("" when none is shared), said once above the table."""
    import os

    folders = [os.path.dirname(p) for p in paths]
    try:
        common = os.path.commonpath(folders) if folders else ""
    except ValueError:  # absolute and relative paths mixed
        return ""
    return common if common not in ("", ".") else ""


def _row(entry: Entry, families: Sequence[str], folder: str) -> str:
    codes = " ".join(sorted(entry.codes))
    title = escape(entry.title)
    link = f'<a href="{attr(entry.page)}">{title}</a>' if entry.page else title
    shown = entry.path[len(folder) :].lstrip("/\\") if folder else entry.path
    cells = [f"<td>{link}</td><td>{escape(shown)}</td><td>{entry.claims}</td>"]
    for severity in SEVERITIES:
        n = entry.severities[severity]
        cells.append(f'<td class="{severity[0]}">{n}</td>' if n else "<td>0</td>")
    cells += [f"<td>{entry.families[f]}</td>" for f in families]
    stats = entry.lean
    if stats is None:
        cells.append('<td data-v=""></td><td data-v=""></td>')
    else:
        mean = "" if stats.mean_lean is None else f"{stats.mean_lean:.2f}"
        cells.append(f'<td data-v="{mean}">{mini_bar(stats)}</td>')
        cells.append(f'<td data-v="{stats.coverage:.3f}">{percent(stats.coverage)}</td>')
    fail = ' class="fail"' if entry.failing else ""
    return f'<tr data-codes="{codes}"{fail}>{"".join(cells)}</tr>'


def _documents(corpus: Corpus) -> str:
    entries = corpus.entries
    families = [f for f in FAMILY_NAMES if f != "other" or any(e.families[f] for e in entries)]
    prefixes = dict(FAMILIES)
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        names.update(entry.names)
        for code in entry.codes:
            counts[code] = counts.get(code, 0) + 1
    options = "".join(
        f'<option value="{code}">{code} {escape(names[code])} ({counts[code]})</option>'
        for code in sorted(counts)
    )

    def th(label: str, kind: str, tip: str = "") -> str:
        title = f' title="{attr(tip)}"' if tip else ""
        return f'<th data-type="{kind}"{title}><button type="button">{escape(label)}</button></th>'

    header = (
        th("document", "text")
        + th("path", "text")
        + th("claims", "num")
        + "".join(th(s + "s" if s != "info" else s, "num") for s in SEVERITIES)
        + "".join(
            th(f, "num", " ".join(p + "xx" for p in prefixes[f]) or "everything else")
            for f in families
        )
        + th("lean", "num", "outlets on the scale Left..Right; black mark: the mean")
        + th("rated", "num", "share of the outlets the ratings database rates")
    )
    folder = common_folder([e.path for e in entries])
    under = f"<p>Paths are under <code>{escape(folder)}</code>.</p>" if folder else ""
    rows = "".join(_row(entry, families, folder) for entry in entries)
    return (
        '<section id="documents"><h2>Documents</h2>'
        '<div class="controls"><label>Filter <input id="q" type="search" '
        'placeholder="title or path" autocomplete="off"></label> '
        f'<label>Rule <select id="rule"><option value="">any rule</option>{options}</select>'
        '</label> <span id="shown" aria-live="polite"></span></div>'
        f"{under}"
        f'<table id="docs" class="docs"><thead><tr>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def render_index(corpus: Corpus) -> str:
    return (
        head("claimkit audit", "", script=True)
        + '<body class="index"><h1>claimkit audit</h1>'
        + _totals(corpus)
        + _documents(corpus)
        + _chart(corpus.report)
        + _rules(corpus.entries)
        + _unrated(corpus.unrated)
        + _clusters(corpus)
        + "<footer><p>Ratings: the claimkit ratings database (AllSides media bias ratings, "
        "non-commercial use with attribution) and any files layered over it.</p></footer>"
        "</body></html>\n"
    )


def render_list_page(title: str, body: str) -> str:
    return (
        head(f"{title} · claimkit audit", "", script=False)
        + f'<body><nav><a href="index.html">← all documents</a></nav><h1>{escape(title)}</h1>'
        + body
        + "</body></html>\n"
    )
