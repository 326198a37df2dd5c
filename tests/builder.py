"""Build explainers in the seed's exact format, for tests. Every text here is our own."""

from __future__ import annotations

from dataclasses import dataclass, field

STYLE = "display: flex; justify-content: center; align-items: center; flex-direction: column;"


@dataclass
class Row:
    id: str
    sentence: str
    context: str | None = None  # defaults to a passage containing the sentence
    # A source the shipped ratings database rates Center, so default rows are clean for
    # CK202/CK203; tests of other rules need not care about ratings.
    bias: str = "Center"
    rating_url: str = "https://www.allsides.com/news-source/cnbc"
    url: str = "https://www.cnbc.com/2022/11/02/story.html"
    outlet: str = "CNBC"
    source_type: str = "News Media"
    date: str = "Nov 2nd, 2022"
    raw: str | None = None  # the whole line, verbatim, instead of the fields above
    later: bool = False  # the pipeline's later layout: span anchor, ClientOnly chart

    def source_cell(self) -> str:
        kind = f"*({self.source_type})*" if self.source_type else ""
        chart = f'<BiasChart bias="{self.bias}" />'
        if self.later:
            chart = f"<ClientOnly>{chart}</ClientOnly>"
        return (
            f'<div style="{STYLE}"><a href="{self.rating_url}" target="_blank">{chart}</a>'
            f'<div><a href="{self.url}" target="_blank">'
            f"{self.outlet}</a></div><div>{kind}</div><div>{self.date}</div></div>"
        )

    def line(self) -> str:
        if self.raw is not None:
            return self.raw
        context = self.context
        if context is None:
            context = f"Officials spoke on Tuesday. {self.sentence} More details followed."
        if self.later:
            return (
                f'|<div style="max-width: 200px;"><span class="anchor" id="{self.id}"></span>'
                f"<font  color=#FF3399>[{self.id}]</font> {self.sentence}</div>"
                f"|{self.source_cell()}|{context}|"
            )
        return (
            f'|<font id="{self.id}" color=#FF3399>[{self.id}]</font> {self.sentence}'
            f"|{self.source_cell()}|{context}|"
        )


def cite(*ids: str) -> str:
    links = ", ".join(f'<a href="#{i}">{i}</a>' for i in ids)
    return f"<font color=#FF3399>[{links}]</font>"


@dataclass
class Explainer:
    title: str | None = "How will the new canal change regional shipping?"
    levels: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    newline: str = "\n"
    bom: bool = False
    slider: bool = True
    claims_heading: bool = True

    def text(self) -> str:
        lines: list[str] = []
        if self.title is not None:
            lines += [f"# {self.title}", ""]
        if self.slider:
            lines += ["## Summary", "<DetailSlider>"]
            for name, body in self.levels.items():
                lines += [f"<template v-slot:{name}>", body, "</template>"]
            lines += ["</DetailSlider>", ""]
        if self.claims_heading:
            lines += ["## Claims", "| Claim Sentence | Source | Context |", "|---|---|---|"]
            lines += [row.line() for row in self.rows]
        text = self.newline.join(lines) + self.newline
        return ("\ufeff" if self.bom else "") + text


def standard(rows: int = 3) -> Explainer:
    """A clean explainer: every level cites every claim, every row well formed."""
    claims = [
        Row(str(i), f"The canal authority expects {100 * i} more ships a month by 2030.")
        for i in range(1, rows + 1)
    ]
    ids = [row.id for row in claims]
    body = f"Traffic will grow {cite(*ids)}."
    return Explainer(
        levels={"less-detailed": body, "summary": body, "more-detailed": body},
        rows=claims,
    )
