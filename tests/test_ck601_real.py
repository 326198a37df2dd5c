"""CK601 on the real explainers (../shared): no false alarm unchanged, every changed figure found.

The files are third-party text, read where they lie. Their unchanged findings are asserted in
test_seed.py and test_real_samples.py (the seed's one CK601, "about 450 drones", is real: the
sentence cites claim 3, which holds no number). Here each figure the cited claims support is
changed, one at a time, to a value the document holds nowhere (``ck601_mutation.py``).
CK601's hostile shapes (long runs of figures, abbreviations, brackets) are timed by size
ratio in ``bench/bench_linear.py``, not here: the machines are too noisy for timing tests.
"""

from __future__ import annotations

import pytest

from ck601_mutation import apply, mutations
from claimkit.parse import parse_text
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
