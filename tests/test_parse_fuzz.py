"""Property tests: whatever the text, parsing and linting finish, and positions are exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import Row, cite, standard
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.selection import select_rules

JOB = LintJob(select_rules())
# Characters that matter to the parser, plus ordinary text.
ALPHABET = st.sampled_from(list("abc XYZ019|\\[]()<>#/=\"'`-*&;!\u2019\u201c\u00e9\t\r\n"))
snippets = st.text(ALPHABET, max_size=40) | st.sampled_from(
    [
        '<a href="#1">1</a>',
        "[2](#2)",
        "</template>",
        "<!--",
        "-->",
        "```",
        "\\|",
        "&amp;",
        "<DetailSlider>",
        "## Claims",
        "|---|---|---|",
        '<font id="3">[3]</font>',
        '<span class="anchor" id="2"></span>',
        "<div style='max-width: 200px;'>",
        "</div>",
        "<ClientOnly><BiasChart bias=Left /></ClientOnly>",
        "<bias-chart bias='Lean Right'></bias-chart>",
        "<template #summary>",
        "<sup><a href=#1>1</a></sup>",
        "<a name=4></a>",
        "|:---|---:|",
    ]
)


def _check_positions(text: str) -> None:
    document = parse_text(text)
    lines = text.split("\n")
    for citation in document.citations:
        span = citation.span
        assert lines[span.line - 1][span.column - 1 :].startswith(text[span.start : span.end][:1])
        assert document.position(span.start) == (span.line, span.column)
    for claim in document.claims:
        assert document.position(claim.row.start) == (claim.row.line, claim.row.column)
        if claim.id_span is not None:
            assert text[claim.id_span.start : claim.id_span.end].strip() == claim.id
    lint_document(document, JOB)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sentences=st.lists(snippets, min_size=1, max_size=4),
    newline=st.sampled_from(["\n", "\r\n"]),
    body=snippets,
)
def test_generated_explainers_parse_with_exact_positions(
    sentences: list[str], newline: str, body: str
) -> None:
    doc = standard(1)
    doc.newline = newline
    doc.rows = [Row(str(i), f"Claim {s} ends.") for i, s in enumerate(sentences, start=1)]
    doc.levels = {k: f"{body} {cite(*[r.id for r in doc.rows])}" for k in doc.levels}
    _check_positions(doc.text())


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_mutated_explainers_never_crash(data: st.DataObject) -> None:
    rows = [Row(str(i), f"Claim {i} holds.", later=data.draw(st.booleans())) for i in (1, 2, 3)]
    doc = standard(3)
    doc.rows = rows
    text = doc.text()
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 200)))
        text = text[:start] + data.draw(snippets) + text[end:]
    _check_positions(text)
