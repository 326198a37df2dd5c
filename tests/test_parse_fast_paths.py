"""The parser's fast paths (canonical rows, simple citations) agree with its general readers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import Row
from claimkit.model import Claim
from claimkit.parse.mask import mask
from claimkit.parse.positions import Locator, line_starts
from claimkit.parse.row_fast import canonical_row
from claimkit.parse.table import general_row
from conftest import SEED

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import explainer  # noqa: E402
from layouts import LATER, REFERENCE, Layout  # noqa: E402

SAMPLES = sorted((ROOT.parent / "shared" / "real-samples").glob("real-*.md"))


def _both(text: str) -> list[tuple[Claim | None, Claim]]:
    masked = mask(text).text
    locator = Locator(line_starts(text))
    pairs = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line.rstrip("\r"))
        position += len(line) + 1
        if line.startswith("|<"):
            here = locator.on_line_of(start)
            pairs.append(
                (
                    canonical_row(text, masked, start, end, 0, here),
                    general_row(text, masked, start, end, 0, here),
                )
            )
    return pairs


@pytest.mark.parametrize("layout", [REFERENCE, LATER], ids=["reference", "later"])
def test_generated_corpus_rows_agree(layout: Layout) -> None:
    import random

    rng = random.Random(11)
    pairs = [pair for _ in range(40) for pair in _both(explainer(rng, layout))]
    assert len(pairs) > 300
    assert all(fast is not None for fast, _ in pairs)  # the corpus shape is canonical
    assert all(fast == slow for fast, slow in pairs)


@pytest.mark.skipif(not SEED.exists(), reason=f"reference seed not found at {SEED}")
def test_seed_rows_agree() -> None:
    pairs = _both(SEED.read_text(encoding="utf-8"))
    assert len(pairs) == 10 and all(fast == slow for fast, slow in pairs)


@pytest.mark.skipif(not SAMPLES, reason="real samples not found in ../shared/real-samples")
def test_real_sample_rows_agree() -> None:
    pairs = [pair for path in SAMPLES for pair in _both(path.read_text(encoding="utf-8"))]
    assert len(pairs) == 60 and all(fast is not None for fast, _ in pairs)
    assert all(fast == slow for fast, slow in pairs)


text_piece = st.text(st.sampled_from(list("ab 1,.'\u2019|\\&<>()*#\"-")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    sentence=text_piece,
    context=text_piece,
    outlet=text_piece,
    date=text_piece,
    source_type=text_piece,
    bias=st.sampled_from(["Left", "Center", "N/A", "", " Left "]),
    url=st.sampled_from(["https://a.example/x", "", "www.b.example", " https://c.example "]),
    later=st.booleans(),
)
def test_any_row_either_falls_through_or_agrees(
    sentence: str,
    context: str,
    outlet: str,
    date: str,
    source_type: str,
    bias: str,
    url: str,
    later: bool,
) -> None:
    row = Row(
        "7",
        sentence,
        context=context,
        outlet=outlet,
        date=date,
        source_type=source_type,
        bias=bias,
        url=url,
        later=later,
    )
    for fast, slow in _both(row.line() + "\n"):
        assert fast is None or fast == slow


def test_simple_citations_read_as_the_general_path_reads_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random
    import re

    from claimkit.parse import parse_text, slider

    rng = random.Random(5)
    texts = [explainer(rng, layout) for layout in (REFERENCE, LATER, None) for _ in range(12)]
    texts.append(texts[0].replace('<a href="#2">2</a>', '<a href="#2">[2]</a> <a href="# 3">3</a>'))
    fast = [parse_text(t) for t in texts]
    monkeypatch.setattr(slider, "_A_SIMPLE", re.compile(r"(?!)"))  # never matches
    general = [parse_text(t) for t in texts]
    assert sum(len(d.citations) for d in fast) > 1000
    for a, b in zip(fast, general, strict=True):
        assert a.citations == b.citations
        assert a.citation_groups == b.citation_groups
        assert a.malformed_citations == b.malformed_citations
