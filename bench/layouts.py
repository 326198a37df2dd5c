"""Every layout of an explainer that the spec names, written from one abstract document.

The corpus generator writes through this module (half the files in the pipeline's later
layout, the other variations now and then), and the layout-invariance tests rewrite one
document into every layout and expect the same findings and the same model values. A
layout changes only how each line is written, never which line holds what, so findings
compare by (line, code).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROW_STYLES = ("reference", "later", "sup", "a-name", "bare-label", "no-label")
CHARTS = ("self-closing", "paired", "client-only", "kebab", "kebab-client")
CITES = ("grouped", "side-by-side", "sup", "bare", "semicolon", "joined", "markdown")
SLOTS = ("v-slot", "shorthand", "extra-attrs")
TABLES = ("plain", "padded", "no-outer", "aligned")
TYPES = ("stars", "parens", "em")
HOLDERS = ("div", "span", "p", "br")
QUOTES = ('"', "'", "")
STYLE = "display: flex; justify-content: center; align-items: center; flex-direction: column;"
LATER_STYLE = (
    "display: flex; justify-content: center; max-width: 150px; align-items: center; "
    "flex-direction: column;"
)


@dataclass(frozen=True)
class Layout:
    row: str = "reference"
    quote: str = '"'
    chart: str = "self-closing"
    chart_last: bool = False  # the rating link after the date rather than first
    reorder: bool = False  # target before href, extra attributes
    type_style: str = "stars"
    holder: str = "div"  # what holds the type and the date
    cite: str = "grouped"
    slot: str = "v-slot"
    table: str = "plain"
    upper: bool = False  # tag names in capitals
    context_wrap: bool = False
    crlf: bool = False
    bom: bool = False


REFERENCE = Layout()
LATER = Layout(row="later", chart="client-only", cite="side-by-side")


@dataclass
class Claim:
    id: str
    sentence: str
    context: str
    rating_url: str
    bias: str
    url: str
    outlet: str
    source_type: str
    date: str


@dataclass
class Document:
    title: str
    # level name -> paragraphs; a paragraph is a list of (text, cited ids) pieces; an id
    # "3=4" cites claim 3 with the visible label 4
    levels: dict[str, list[list[tuple[str, list[str]]]]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)


class _Writer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def tag(self, name: str) -> str:
        return name.upper() if self.layout.upper else name

    def attr(self, name: str, value: str) -> str:
        quote = self.layout.quote
        if not quote and (not value or any(c in value for c in " \"'=<>`")):
            quote = '"'
        if quote == "'" and "'" in value:
            quote = '"'
        return f"{name}={quote}{value}{quote}"

    # -- claims table -------------------------------------------------------------------

    def first_cell(self, claim: Claim) -> str:
        t, a = self.tag, self.attr
        n, sentence = claim.id, claim.sentence
        style = self.layout.row
        if style == "reference":
            return f"<{t('font')} {a('id', n)} color=#FF3399>[{n}]</{t('font')}> {sentence}"
        if style == "later":
            return (
                f'<{t("div")} style="max-width: 200px;"><{t("span")} class="anchor" '
                f"{a('id', n)}></{t('span')}><{t('font')}  color=#FF3399>[{n}]</{t('font')}>"
                f" {sentence}</{t('div')}>"
            )
        if style == "sup":
            return f"<{t('sup')} {a('id', n)}>[{n}]</{t('sup')}> {sentence}"
        if style == "a-name":
            return (
                f"<{t('p')}><{t('a')} {a('name', n)}></{t('a')}><{t('b')}>[{n}]</{t('b')}> "
                f"{sentence}</{t('p')}>"
            )
        if style == "bare-label":
            return f"<{t('span')} {a('id', n)}></{t('span')}> [{n}] {sentence}"
        return f"<{t('span')} {a('id', n)}></{t('span')}>{sentence}"

    def chart(self, label: str) -> str:
        t = self.tag
        bias = self.attr("bias", label)
        kind = self.layout.chart
        if kind == "paired":
            return f"<{t('BiasChart')} {bias}></{t('BiasChart')}>"
        if kind == "client-only":
            return f"<{t('ClientOnly')}><{t('BiasChart')} {bias} /></{t('ClientOnly')}>"
        if kind == "kebab":
            return f"<{t('bias-chart')} {bias}></{t('bias-chart')}>"
        if kind == "kebab-client":
            return f"<{t('client-only')}><{t('bias-chart')} {bias}/></{t('client-only')}>"
        return f"<{t('BiasChart')} {bias} />"

    def link(self, href: str, body: str) -> str:
        t = self.tag
        if self.layout.reorder:
            href_attr = self.attr("href", href)
            return f'<{t("a")} target="_blank"  rel="noopener" {href_attr}>{body}</{t("a")}>'
        return f'<{t("a")} {self.attr("href", href)} target="_blank">{body}</{t("a")}>'

    def source_cell(self, claim: Claim) -> str:
        t = self.tag
        layout = self.layout
        rating = self.link(claim.rating_url, self.chart(claim.bias))
        kind = ""
        if claim.source_type:
            kind = {
                "stars": f"*({claim.source_type})*",
                "parens": f"({claim.source_type})",
                "em": f"<{t('em')}>({claim.source_type})</{t('em')}>",
            }[layout.type_style]
        outlet = f"<{t('div')}>{self.link(claim.url, claim.outlet)}</{t('div')}>"
        if layout.holder == "br":
            details = f"{kind}<br/>{claim.date}"
        else:
            h = t(layout.holder)
            details = f"<{h}>{kind}</{h}><{h}>{claim.date}</{h}>"
        style = LATER_STYLE if layout.row == "later" else STYLE
        parts = outlet + details + rating if layout.chart_last else rating + outlet + details
        return f'<{t("div")} style="{style}">{parts}</{t("div")}>'

    def context(self, claim: Claim) -> str:
        if self.layout.context_wrap:
            return f"<{self.tag('div')}>{claim.context}</{self.tag('div')}>"
        return claim.context

    def row(self, claim: Claim) -> str:
        return self._cells([self.first_cell(claim), self.source_cell(claim), self.context(claim)])

    def _cells(self, cells: list[str]) -> str:
        style = self.layout.table
        if style == "padded":
            return "| " + " | ".join(cells) + " |"
        if style == "no-outer":
            return " | ".join(cells)
        return "|" + "|".join(cells) + "|"

    def table_head(self) -> list[str]:
        style = self.layout.table
        if style == "plain":
            return ["| Claim Sentence | Source | Context |", "|---|---|---|"]
        if style == "padded":
            return ["|  claim sentence  |  SOURCE  |  Context  |", "| --- | --- | --- |"]
        if style == "no-outer":
            return ["Claim Sentence | Source | Context", "--- | --- | ---"]
        return ["| Claim Sentence | Source | Context |", "|:---|:---:|---:|"]

    # -- summaries ----------------------------------------------------------------------

    def cite(self, ids: list[str]) -> str:
        t, a = self.tag, self.attr
        kind = self.layout.cite

        def link(i: str) -> str:
            target, _, label = i.partition("=")  # "3=4": a citation of 3 that shows 4
            return f"<{t('a')} {a('href', '#' + target)}>{label or target}</{t('a')}>"

        def markdown(i: str) -> str:
            target, _, label = i.partition("=")
            return f"[{label or target}](#{target})"

        font = f"<{t('font')} color=#FF3399>"
        end_font = f"</{t('font')}>"
        if kind == "side-by-side":
            return "".join(f"{font}[{link(i)}]{end_font}" for i in ids)
        if kind == "sup":
            return f"<{t('sup')}>" + ", ".join(link(i) for i in ids) + f"</{t('sup')}>"
        if kind == "bare":
            return "[" + ", ".join(link(i) for i in ids) + "]"
        if kind == "semicolon":
            return f"<{t('span')}>[" + "; ".join(link(i) for i in ids) + f"]</{t('span')}>"
        if kind == "joined":
            return f"{font}[" + "".join(link(i) for i in ids) + f"]{end_font}"
        if kind == "markdown":
            return "[" + ", ".join(markdown(i) for i in ids) + "]"
        return f"{font}[" + ", ".join(link(i) for i in ids) + f"]{end_font}"

    def template(self, name: str) -> str:
        slot = self.layout.slot
        if slot == "shorthand":
            return f"<template #{name}>"
        if slot == "extra-attrs":
            return f'<template  class="level"  v-slot:{name} >'
        return f"<template v-slot:{name}>"

    def level(self, paragraphs: list[list[tuple[str, list[str]]]]) -> str:
        return "<br/><br/>".join(
            " ".join(f"{text} {self.cite(ids)}." if ids else f"{text}." for text, ids in para)
            for para in paragraphs
        )


def render(document: Document, layout: Layout = REFERENCE) -> str:
    """The document's text in ``layout``: one row a line, the same lines in every layout."""
    writer = _Writer(layout)
    lines = [f"# {document.title}", "", "## Summary", "<DetailSlider>"]
    for name, paragraphs in document.levels.items():
        lines += [writer.template(name), writer.level(paragraphs), "</template>"]
    lines += ["</DetailSlider>", "", "## Claims", *writer.table_head()]
    lines += [writer.row(claim) for claim in document.claims]
    newline = "\r\n" if layout.crlf else "\n"
    return ("\ufeff" if layout.bom else "") + newline.join(lines) + newline
