"""CK601 on the real explainers (../shared): no false alarm unchanged, every changed figure found.

The files are third-party text, read where they lie. Their unchanged findings are asserted in
test_seed.py and test_real_samples.py (the seed's one CK601, "about 450 drones", is real: the
sentence cites claim 3, which holds no number). Here each figure the cited claims support is
changed, one at a time, to a value the document holds nowhere (``ck601_mutation.py``).
"""

from __future__ import annotations

import time

import pytest

from ck601_mutation import apply, mutations
from claimkit.parse import parse_text
from claimkit.text.numbers import quantities
from conftest import SEED, SHARED, lint_text

FILES = [*sorted((SHARED / "real-samples").glob("real-*.md")), SEED]


@pytest.mark.skipif(
    not SEED.exists(), reason=f"real explainers not found under {SHARED} (../shared is absent)"
)
def test_every_changed_figure_is_reported_once_at_its_place() -> None:
    changed = found = 0
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        document = parse_text(text, path.name)
        before = {(d.line, d.column) for d in lint_text(text, "CK601")}
        for mutation in mutations(document):
            new_text = apply(document.text, mutation)
            line, column = parse_text(new_text, path.name).position(mutation.start)
            after = {(d.line, d.column) for d in lint_text(new_text, "CK601")}
            changed += 1
            found += after - before == {(line, column)}
    # 20 figures across the seven files (dates, years, percentages, hedged thousands).
    assert changed >= 15
    assert found == changed


def test_pathological_lines_stay_linear() -> None:
    for unit in ("1,", "one ", "December ", "$1.", "mid-", "1 December 2022 ", "a "):
        small, large = unit * 2_000, unit * 20_000
        started = time.perf_counter()
        quantities(small)
        short = time.perf_counter() - started
        started = time.perf_counter()
        quantities(large)
        long = time.perf_counter() - started
        assert long < max(short * 40, 0.5), unit


def test_pathological_summaries_stay_linear() -> None:
    from builder import Explainer, Row, cite

    def lint_level(body: str) -> float:
        text = Explainer(
            levels={"less-detailed": body, "summary": "x", "more-detailed": "y"},
            rows=[Row("1", "Exports grew 9% in May.")],
        ).text()
        started = time.perf_counter()
        lint_text(text, "CK601")
        return time.perf_counter() - started

    for unit in ("a. ", "U.S. ", "<b", "[1", "4. ", "<br/><br/>", "one two ", f"9 {cite('1')}. "):
        short, long = lint_level(unit * 1_000), lint_level(unit * 10_000)
        assert long < max(short * 30, 0.5), unit


def test_many_figures_against_a_long_context_stay_near_linear() -> None:
    from builder import Explainer, Row, cite

    def lint_sizes(count: int) -> float:
        context = " ".join(str(i) for i in range(count)) + " 4 4 4" * count
        summary = " ".join(f"about {i * 7 + 3} and 4" for i in range(count // 5))
        text = Explainer(
            levels={
                "less-detailed": f"{summary} {cite('1')}.",
                "summary": "x",
                "more-detailed": "y",
            },
            rows=[Row("1", "Exports grew.", context=context)],
        ).text()
        started = time.perf_counter()
        lint_text(text, "CK601")
        return time.perf_counter() - started

    short, long = lint_sizes(400), lint_sizes(4_000)
    assert long < max(short * 40, 1.0)
