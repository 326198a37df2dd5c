"""Layout invariance: one explainer written in every layout the spec names reads the same.

``bench/layouts.py`` writes an abstract explainer in any combination of the spec's
variations (span anchors, ``<a name>``, ``<sup>`` labels, ``ClientOnly`` and ``bias-chart``
charts, any quoting, capitals, citation groups side by side or in ``<sup>``, ``#slot``
templates, padded tables without outer pipes, CRLF, BOM) without moving anything to another
line. Whatever the layout, the model's values and the findings by (line, code) must be
those of the reference layout, and so must the result of ``--fix``.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.diagnostics import Applicability
from claimkit.engine import LintJob, lint_document
from claimkit.fix.apply import fix_text
from claimkit.model import Document
from claimkit.parse import parse_bytes
from claimkit.selection import select_rules
from conftest import Run, write

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import layouts
from generate_corpus import document

JOB = LintJob(select_rules())
# The fixes that only relabel and renumber; CK301's merge removes rows (its own test below).
RELABEL_JOB = LintJob(select_rules(ignore=["CK301"]))

layout_strategy = st.builds(
    layouts.Layout,
    row=st.sampled_from(layouts.ROW_STYLES),
    quote=st.sampled_from(layouts.QUOTES),
    chart=st.sampled_from(layouts.CHARTS),
    chart_last=st.booleans(),
    reorder=st.booleans(),
    type_style=st.sampled_from(layouts.TYPES),
    holder=st.sampled_from(layouts.HOLDERS),
    cite=st.sampled_from(layouts.CITES),
    slot=st.sampled_from(layouts.SLOTS),
    table=st.sampled_from(layouts.TABLES),
    upper=st.booleans(),
    context_wrap=st.booleans(),
    crlf=st.booleans(),
    bom=st.booleans(),
)


def _parse(text: str) -> Document:
    return parse_bytes(text.encode("utf-8"), "x.md")


def values(doc: Document) -> list[object]:
    """What a reader of the explainer sees, without where it stands in the bytes."""
    claims = []
    for claim in doc.claims:
        source = claim.source
        parts: tuple[object, ...] = ()
        if source is not None:
            parts = (
                source.rating_url.value,
                source.bias_label.value if source.bias_label else None,
                source.url.value if source.url else None,
                source.outlet.value,
                source.source_type.value,
                source.date_raw.value,
                source.date,
                tuple(f.value for f in source.unplaced),
            )
        claims.append((claim.id, claim.sentence.value, claim.context.value, claim.problem, parts))
    citations = [(c.target, c.label, c.level) for c in doc.citations]
    # Groups differ by layout (one per citation when written side by side); that each
    # citation sits in one does not.
    grouped = all(c.group != -1 for c in doc.citations)
    title = doc.title.value if doc.title else None
    levels = [level.name for level in doc.slider.levels] if doc.slider else None
    return [title, levels, claims, citations, grouped, doc.malformed_citations == ()]


def findings(doc: Document) -> list[tuple[int, str]]:
    return sorted((d.line, d.code) for d in lint_document(doc, JOB))


def _with_fixable_defects(seed: int) -> layouts.Document:
    """A generated explainer plus the defects lint --fix mends: IDs out of order, a label
    that differs from its target (label mismatches of bias ratings come with the corpus)."""
    rng = random.Random(seed)
    doc = document(rng)
    if len(doc.claims) >= 3:
        a, b = doc.claims[1], doc.claims[2]
        a.id, b.id = b.id, a.id  # rows now read 1, 3, 2: CK104
    first_level = next(iter(doc.levels.values()))
    text, ids = first_level[0][0]
    if ids:
        first_level[0][0] = (text, [f"{ids[0]}={int(ids[0]) + 1}", *ids[1:]])  # CK105
    return doc


# What real sentences, outlets and contexts bring: entities, escaped pipes, inline tags,
# brackets of their own, typographic quotes, extraction damage.
SENTENCE_PIECES = [
    ("<b>Kyiv</b> said ", ""),
    ("[Update] ", ""),
    ("", " &amp; more"),
    ("", " by 3\\|4 points"),
    ("\u201cWe will,\u201d ", ""),
    ("", " (AP)"),
    ("Irans ", "andmore"),
    ("<i>Note:</i> ", ""),
    ("2022: ", ""),
]
OUTLETS = ["A &amp; B News", "The <i>Daily</i>", "News (Online)", "K\u00f6lner Blatt"]


def _textured(doc: layouts.Document, seed: int) -> layouts.Document:
    rng = random.Random(seed)
    for claim in doc.claims:
        if rng.random() < 0.4:
            before, after = rng.choice(SENTENCE_PIECES)
            sentence = before + claim.sentence.rstrip(".") + after + "."
            claim.context = claim.context.replace(claim.sentence, sentence)
            claim.sentence = sentence
        if rng.random() < 0.2:
            claim.outlet = rng.choice(OUTLETS)
    return doc


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**6), layout=layout_strategy)
def test_every_layout_reads_as_the_reference(seed: int, layout: layouts.Layout) -> None:
    doc = _textured(document(random.Random(seed)), seed)
    reference = _parse(layouts.render(doc))
    other = _parse(layouts.render(doc, layout))
    assert values(other) == values(reference)
    assert findings(other) == findings(reference)


_DIGITS = re.compile(r"[0-9]+")
_LABELS = re.compile(r"""(?:bias=)["']?(?:Lean Left|Lean Right|Left|Right|Center|Mixed|N/A)["']?""")


def _shape(text: str) -> str:
    """The text with IDs and bias labels blanked: what a fix must leave as it was."""
    return _DIGITS.sub("0", _LABELS.sub("bias=L", text))


@settings(max_examples=120, deadline=None)
@given(seed=st.integers(0, 10**6), layout=layout_strategy)
def test_fixes_give_the_same_model_in_every_layout(seed: int, layout: layouts.Layout) -> None:
    doc = _with_fixable_defects(seed)
    safe = {Applicability.SAFE}

    def fix(text: str) -> tuple[str, Document]:
        parsed = _parse(text)
        outcome = fix_text(parsed, lambda d: lint_document(d, RELABEL_JOB), safe)
        assert not outcome.reverted
        return outcome.text, _parse(outcome.text)

    reference_text, reference = fix(layouts.render(doc))
    original = layouts.render(doc, layout).lstrip("\ufeff")
    other_text, other = fix(layouts.render(doc, layout))
    assert values(other) == values(reference)
    assert findings(other) == findings(reference)
    assert reference_text != layouts.render(doc)  # there was something to fix
    # Only IDs, labels and bias attributes changed: every other byte is where it was.
    assert _shape(other_text) == _shape(original)


@pytest.mark.parametrize(
    "layout",
    [layouts.LATER, layouts.Layout(row="a-name", quote="", chart="kebab-client", cite="sup")],
    ids=["later", "a-name"],
)
def test_dedupe_fix_works_in_the_files_own_layout(
    tmp_path: Path, cli: Callable[..., Run], layout: layouts.Layout
) -> None:
    rng = random.Random(4)
    doc = document(rng)
    while len(doc.claims) < 4:
        doc = document(rng)
    doc.claims[2].sentence = doc.claims[0].sentence  # an exact repeat of claim 1
    doc.claims[2].context = doc.claims[0].context
    write(tmp_path / "ref" / "a.md", layouts.render(doc))
    write(tmp_path / "other" / "a.md", layouts.render(doc, layout))
    assert cli("dedupe", "--fix", "ref").code in (0, 1)
    assert cli("dedupe", "--fix", "other").code in (0, 1)
    reference = _parse((tmp_path / "ref" / "a.md").read_text(encoding="utf-8"))
    other = _parse((tmp_path / "other" / "a.md").read_text(encoding="utf-8"))
    assert len(reference.claims) == len(doc.claims) - 1  # the repeat was merged
    assert values(other) == values(reference)
    assert findings(other) == findings(reference)
