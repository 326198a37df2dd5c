"""Change one supported summary figure to a value the document never holds (CK601 recall).

Shared by the CK601 tests on the real explainers and by ``bench/ck601_recall.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from claimkit.graph import build_graph
from claimkit.model import Document
from claimkit.summary.evidence import claim_evidence, merged
from claimkit.summary.sentences import split, visible_text
from claimkit.text.numbers import Quantity, quantities

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WORDS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "eleven",
    "twelve",
    "fifteen",
    "seventeen",
]


class Mutation(NamedTuple):
    start: int  # offsets into the document's text
    end: int
    old: str
    new: str


def supported_figures(document: Document) -> Iterator[tuple[int, int, Quantity]]:
    """(start, end, quantity) of every summary figure its cited claims support."""
    graph = build_graph(document)
    assert document.slider is not None
    for level in document.slider.levels:
        text = visible_text(document, level)
        found = quantities(text)
        for sentence in split(document, level, text):
            cited = [graph.first_row[t] for t in sentence.targets if t in graph.first_row]
            if not cited:
                continue
            evidence = merged([claim_evidence(claim) for claim in cited])
            for quantity in found:
                if sentence.start <= quantity.start < sentence.end and evidence.supports(quantity):
                    base = level.content.start
                    yield base + quantity.start, base + quantity.end, quantity


def replacement(document: Document, old: str, quantity: Quantity) -> str | None:
    """A new spelling of ``old`` whose value the document holds nowhere, or None."""
    text = document.text
    candidates: list[str] = []
    if quantity.kind in ("day", "month"):
        name = next((m for m in MONTHS if m in old or m[:3] in old), None)
        if name is not None:
            candidates += [old.replace(name, other) for other in MONTHS if other != name]
    elif quantity.kind == "year":
        candidates += [str(quantity.year - shift) for shift in (7, 11, 13)]
    elif any(ch.isdigit() for ch in old):
        digits = "".join(ch for ch in old if ch.isdigit() or ch in ",.")
        digits = digits.strip(",.")
        plain = digits.replace(",", "")
        whole = plain.split(".")[0]
        for factor in (3, 7, 9):
            new_whole = str(int(whole) * factor + factor)
            if "," in digits:
                new_whole = f"{int(new_whole):,}"
            new = new_whole + (("." + plain.split(".")[1]) if "." in plain else "")
            candidates.append(old.replace(digits, new, 1))
    else:
        lowered = old.lower()
        candidates += [w for w in WORDS if w not in lowered]
    for candidate in candidates:
        core = candidate.strip()
        if core and core.lower() not in text.lower() and core != old:
            return candidate
    return None


def mutations(document: Document) -> list[Mutation]:
    found = []
    for start, end, quantity in supported_figures(document):
        old = document.text[start:end]
        if quantity.kind == "number" and quantity.value <= 1:
            continue  # "one" is never reported: see the rule's docs
        new = replacement(document, old, quantity)
        if new is not None:
            found.append(Mutation(start, end, old, new))
    return found


def apply(text: str, mutation: Mutation) -> str:
    return text[: mutation.start] + mutation.new + text[mutation.end :]
