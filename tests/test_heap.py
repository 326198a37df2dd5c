"""Linting makes no cyclic garbage, so a run may pause the cyclic collector (claimkit.heap)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pytest

from claimkit.engine import LintJob, lint_file
from claimkit.heap import acyclic_build
from claimkit.rules import RULES
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate_corpus import generate

REAL = ROOT.parent / "shared" / "real-samples"


def _cyclic_garbage(paths: list[Path]) -> int:
    """Cyclic garbage left by linting ``paths`` a second time (the first pass loads what a
    run loads once: modules, patterns, the lexicon, and those do make cycles)."""
    job = LintJob(RULES)
    for path in paths:
        lint_file(str(path), path.name, job)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for path in paths:
            lint_file(str(path), path.name, job)
        return gc.collect()
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("layouts", ["mixed", "reference", "later"])
def test_linting_generated_explainers_leaves_no_cycles(tmp_path: Path, layouts: str) -> None:
    generate(str(tmp_path), 30, seed=12, layouts=layouts)
    assert _cyclic_garbage(sorted(tmp_path.glob("*.md"))) == 0


@pytest.mark.skipif(not REAL.is_dir(), reason=f"no real samples at {REAL}")
def test_linting_real_explainers_leaves_no_cycles() -> None:
    assert _cyclic_garbage(sorted(REAL.glob("*.md"))) == 0


def test_the_collector_is_back_as_it_was() -> None:
    for before in (True, False):
        (gc.enable if before else gc.disable)()
        with acyclic_build():
            assert not gc.isenabled()
        assert gc.isenabled() is before
    gc.enable()
