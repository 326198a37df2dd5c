"""One document's page: its summaries with live citations, its claims with their findings.

Rendered in the worker that read the file, so a corpus's pages are built on every core. The
duplicates a claim has in *other* documents are known only when every file has been read: the
page leaves one placeholder per claim (``<!--x:ANCHOR-->``) that ``site`` fills in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from claimkit.audit.adapter import Analysed
from claimkit.audit.html import attr, head, mini_bar, plain, text
from claimkit.audit.model import FAMILY_NAMES, SEVERITIES, Entry, family
from claimkit.diagnostics import Diagnostic
from claimkit.model import Citation, Claim, Level
from claimkit.report.chart import blindspot_grade, grade_html
from claimkit.report.text import lean, percent

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,40}")
# A sentence ends at . ! or ? (and closing quotes), before space or a line break tag, unless
# what follows is a citation group: "... rose 4%. [1]" keeps its citation.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)]*(?:\s|<br\s*/?>)+(?!\[|<font\b[^>]*>\s*\[|<a\s|<sup\b)", re.IGNORECASE
)
_PARAGRAPH = re.compile(r"(?:<br\s*/?>\s*){2,}|\n[ \t]*\n", re.IGNORECASE)
_LEVEL_TITLES = {
    "less-detailed": "Less detailed",
    "summary": "Summary",
    "more-detailed": "More detailed",
}
_LABEL_CLASS = {
    "Left": "l2",
    "Lean Left": "l1",
    "Center": "c0",
    "Lean Right": "r1",
    "Right": "r2",
    "Mixed": "mx",
}


def anchors_of(claims: Sequence[Claim]) -> dict[int, str]:
    """Each row's anchor, by id() of the claim: ``claim-ID`` when the ID is plain and first.

    Anything else (a repeated ID, an ID with other characters, no ID) gets ``row-N``, so an
    anchor never carries document text into an attribute or a URL fragment unescaped.
    """
    anchors: dict[int, str] = {}
    taken: set[str] = set()
    for claim in claims:
        name = f"row-{claim.position + 1}"
        if claim.id is not None and _SAFE_ID.fullmatch(claim.id):
            candidate = f"claim-{claim.id}"
            if candidate not in taken:
                name = candidate
        taken.add(name)
        anchors[id(claim)] = name
    return anchors


def _badge(number: int, diagnostic: Diagnostic) -> str:
    severity = diagnostic.severity.label
    return (
        f'<a class="badge {severity}" href="#f{number}" '
        f'title="{attr(diagnostic.name)}: {attr(diagnostic.message)}">{diagnostic.code}</a>'
    )


class _Page:
    def __init__(self, analysed: Analysed, page_name: str) -> None:
        assert analysed.document is not None
        self.a = analysed
        self.document = analysed.document
        self.page_name = page_name
        self.claims = self.document.claims
        self.anchors = anchors_of(self.claims)
        self.row_of_line = {claim.row.line: claim for claim in self.claims}
        # Where each finding is shown: its number in the findings list, and whereabouts.
        self.numbered = list(enumerate(analysed.diagnostics, start=1))
        self.at_row: dict[int, list[tuple[int, Diagnostic]]] = {}
        self.elsewhere: list[tuple[int, Diagnostic]] = []
        self.where: dict[int, str] = {}  # finding number -> anchor it is shown at
        for number, diagnostic in self.numbered:
            claim = self.row_of_line.get(diagnostic.line)
            if claim is not None:
                self.at_row.setdefault(id(claim), []).append((number, diagnostic))
                self.where[number] = self.anchors[id(claim)]
            else:
                self.elsewhere.append((number, diagnostic))
        self.offsets = {n: analysed.offset(d.line, d.column) for n, d in self.elsewhere}

    # -- summaries ------------------------------------------------------------------------

    def _citation(self, citation: Citation) -> str:
        claim = self.a.first_row.get(citation.target) if self.a.first_row else None
        label = text(citation.label) or escape(citation.target)
        if claim is None:
            return (
                f'<span class="cite dangling" title="no claim {attr(citation.target)}">'
                f"{label}</span>"
            )
        return f'<a class="cite" href="#{self.anchors[id(claim)]}">{label}</a>'

    def _level(self, level: Level, citations: list[Citation], taken: set[int]) -> str:
        base = level.content.start
        body = level.text
        # Sentence boundaries as offsets into the level, each flagged when a paragraph ends.
        bounds: list[tuple[int, int, bool]] = []
        start = 0
        for m in _SENTENCE_END.finditer(body):
            bounds.append((start, m.end(), _PARAGRAPH.search(m.group()) is not None))
            start = m.end()
        if body[start:].strip():
            bounds.append((start, len(body), False))
        out = [f'<section class="level" id="level-{attr(level.name)}">']
        out.append(f"<h3>{escape(_LEVEL_TITLES.get(level.name, level.name))}</h3><p>")
        queue = sorted(citations, key=lambda c: c.span.start)
        position = 0
        for n, (s, e, para) in enumerate(bounds, start=1):
            lo, hi = base + s, base + e
            findings = [
                (number, d)
                for number, d in self.elsewhere
                if number not in taken and lo <= self.offsets[number] < hi
            ]
            pieces: list[str] = []
            cursor = lo
            while position < len(queue) and queue[position].span.start < hi:
                citation = queue[position]
                position += 1
                if citation.span.start < cursor:
                    continue
                pieces.append(text(body[cursor - base : citation.span.start - base]))
                pieces.append(self._citation(citation))
                cursor = citation.span.end
            pieces.append(text(body[cursor - base : e]))
            sentence = "".join(pieces).strip()
            if not sentence:
                continue
            sid = f"s-{attr(level.name)}-{n}"
            if findings:
                worst = max(d.severity for _, d in findings).label
                for number, _ in findings:
                    taken.add(number)
                    self.where[number] = sid
                badges = " ".join(_badge(number, d) for number, d in findings)
                out.append(f'<mark class="s {worst}" id="{sid}">{sentence}</mark> {badges} ')
            else:
                out.append(f'<span class="s" id="{sid}">{sentence}</span> ')
            if para:
                out.append("</p><p>")
        out.append("</p></section>")
        return "".join(out)

    def summaries(self) -> str:
        slider = self.document.slider
        if slider is None or not slider.levels:
            return '<p class="muted">No summary levels.</p>'
        by_level: dict[str | None, list[Citation]] = {}
        for citation in self.document.citations:
            by_level.setdefault(citation.level, []).append(citation)
        taken: set[int] = set()
        return "".join(
            self._level(level, by_level.get(level.name, []), taken) for level in slider.levels
        )

    # -- claims ---------------------------------------------------------------------------

    def _source(self, claim: Claim) -> str:
        source = claim.source
        if source is None:
            return '<span class="muted">no source cell</span>'
        outlet = plain(source.outlet.value)
        url = source.url.value if source.url is not None else ""
        from claimkit.audit.adapter import url_is_link

        if url and url_is_link(url):
            shown = outlet or text(url)
            link = (
                f'<a href="{attr(url)}" rel="noopener noreferrer" target="_blank">{shown}</a>'
                f'<div class="url">{escape(url)}</div>'
            )
        elif url:
            link = f'{outlet} <div class="url bad">not a link: <code>{escape(url)}</code></div>'
        else:
            link = f'{outlet or "?"} <div class="url bad">no source link</div>'
        meta = " · ".join(
            x for x in (text(source.source_type.value), text(source.date_raw.value)) if x
        )
        return link + (f'<div class="meta">{meta}</div>' if meta else "")

    def _bias(self, claim: Claim) -> str:
        rating = self.a.ratings.get(id(claim)) if self.a.ratings else None
        source = claim.source
        inline = source.bias_label.value if source and source.bias_label else ""
        shown = (
            f'<span class="lab {_LABEL_CLASS.get(inline, "na")}">{escape(inline)}</span>'
            if inline
            else '<span class="muted">none</span>'
        )
        if rating is None or rating.match is None:
            database = '<span class="muted">unrated</span>'
        else:
            labels = rating.match.labels
            database = " or ".join(
                f'<span class="lab {_LABEL_CLASS.get(x, "na")}">{escape(x)}</span>' for x in labels
            )
            database += f' <span class="meta">{escape(rating.match.entry.name)}</span>'
        mark = ' class="differs"' if rating is not None and rating.disagrees else ""
        return (
            f"<div{mark}><span class=k>inline</span> {shown}</div>"
            f"<div><span class=k>database</span> {database}</div>"
        )

    def _duplicates(self, claim: Claim) -> str:
        here: list[str] = []
        for duplicate in self.a.duplicates:
            other = None
            if duplicate.claim is claim:
                other, verb = duplicate.kept, "repeats"
            elif duplicate.kept is claim:
                other, verb = duplicate.claim, "repeated by"
            if other is not None:
                here.append(
                    f'<li>{verb} <a href="#{self.anchors[id(other)]}">claim '
                    f"{escape(other.id or '?')}</a> ({duplicate.match.kind.value}, "
                    f"{duplicate.match.score:.0f})</li>"
                )
        inner = "".join(here)
        return f'<ul class="dups">{inner}<!--x:{self.anchors[id(claim)]}--></ul>'

    def claims_table(self) -> str:
        if not self.claims:
            return '<p class="muted">No claims table rows.</p>'
        cited: dict[str, int] = {}
        for citation in self.document.citations:
            cited[citation.target] = cited.get(citation.target, 0) + 1
        out = [
            '<table class="claims"><thead><tr><th>claim</th><th>sentence and context</th>'
            "<th>source</th><th>bias label</th><th>findings</th><th>duplicates</th></tr>"
            "</thead><tbody>"
        ]
        for claim in self.claims:
            anchor = self.anchors[id(claim)]
            findings = self.at_row.get(id(claim), [])
            cls = f' class="{max(d.severity for _, d in findings).label}"' if findings else ""
            first = self.a.first_row is not None and self.a.first_row.get(claim.id or "") is claim
            # A repeated ID's citations resolve to its first row (as the bias report counts).
            times = cited.get(claim.id or "", 0) if first else 0
            notes = "".join(
                f'<li id="f{number}" class="{d.severity.label}"><b>{d.code}</b> '
                f"{escape(d.name)}: {escape(d.message)}</li>"
                for number, d in findings
            )
            out.append(
                f'<tr id="{anchor}"{cls}><td class="cid"><a href="#{anchor}">'
                f"{escape(claim.id or '?')}</a><div class=meta>line {claim.row.line}</div>"
                f"<div class=meta>cited {times}&times;</div></td>"
                f"<td>{plain(claim.sentence.value)}"
                f"<details><summary>context</summary>{plain(claim.context.value)}</details></td>"
                f"<td>{self._source(claim)}</td><td>{self._bias(claim)}</td>"
                f'<td><ul class="findings">{notes}</ul></td>'
                f"<td>{self._duplicates(claim)}</td></tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)

    # -- the page -------------------------------------------------------------------------

    def findings_list(self) -> str:
        if not self.numbered:
            return '<p class="clean">No findings.</p>'
        items = []
        row_numbers = {number for rows in self.at_row.values() for number, _ in rows}
        for number, d in self.numbered:
            target = self.where.get(number)
            where = f'<a href="#{target}">line {d.line}</a>' if target else f"line {d.line}"
            # A row's findings are listed beside the row (with the id); elsewhere, here.
            ident = "" if number in row_numbers else f' id="f{number}"'
            items.append(
                f'<li{ident} class="{d.severity.label}">{where}:{d.column} <b>{d.code}</b> '
                f"{escape(d.name)}: {escape(d.message)}</li>"
            )
        return f'<ol class="all-findings">{"".join(items)}</ol>'

    def render(self, entry: Entry) -> str:
        title = entry.title
        report = self.a.report
        balance = ""
        if report is not None:
            stats = report.units["outlets"]
            balance = (
                f'<p class="balance">Outlets: {mini_bar(stats)} mean lean '
                f"{lean(stats.mean_lean)} · rated coverage {percent(stats.coverage)} · "
                f"{grade_html(blindspot_grade(stats))}</p>"
            )
        counts = " · ".join(
            f"{entry.severities[s]} {s if s == 'info' else s + 's'}" for s in SEVERITIES
        )
        summaries = self.summaries()  # first: it decides where sentence findings link to
        table = self.claims_table()
        return (
            head(f"{title} · claimkit audit", "../", script=False)
            + '<body class="doc"><nav><a href="../index.html">← all documents</a></nav>'
            f"<h1>{escape(title)}</h1><p class=path><code>{escape(entry.path)}</code></p>"
            f'<p class="totals">{entry.claims} claims · {entry.citations} citations · {counts}'
            "</p>"
            + balance
            + f"<h2>Findings</h2>{self.findings_list()}"
            + f"<h2>Summaries</h2>{summaries}"
            + f"<h2>Claims</h2>{table}"
            + "</body></html>\n"
        )


def title_of(analysed: Analysed) -> str:
    """The document's title as plain text (tags and entities read), else its file name."""
    from html import unescape

    document = analysed.document
    if document is not None and document.title is not None:
        title = " ".join(unescape(document.title.value).split())
        if title:
            return title
    return analysed.path.replace("\\", "/").rsplit("/", 1)[-1]


def entry_of(analysed: Analysed, page: str | None, failing: bool) -> Entry:
    severities = dict.fromkeys(SEVERITIES, 0)
    families = dict.fromkeys(FAMILY_NAMES, 0)
    codes: dict[str, int] = {}
    names: dict[str, str] = {}
    for d in analysed.diagnostics:
        severities[d.severity.label] += 1
        families[family(d.code)] += 1
        codes[d.code] = codes.get(d.code, 0) + 1
        names[d.code] = d.name
    document = analysed.document
    return Entry(
        path=analysed.path,
        page=page,
        title=title_of(analysed),
        claims=len(document.claims) if document is not None else 0,
        citations=len(document.citations) if document is not None else 0,
        severities=severities,
        families=families,
        codes=codes,
        names=names,
        lean=analysed.report.units["outlets"] if analysed.report is not None else None,
        failing=failing,
    )


def render_page(analysed: Analysed, entry: Entry) -> tuple[str, dict[int, str]]:
    """The page, and each claim row's anchor by its line (for other documents' links)."""
    page = _Page(analysed, entry.page or "")
    html = page.render(entry)
    return html, {claim.row.line: page.anchors[id(claim)] for claim in page.claims}
