"""Shared test helpers: lint a text, find the reference seed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from claimkit.diagnostics import Diagnostic
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.selection import select_rules

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_894bf73be677ab60.txt"
ARTICLE_SEED = SHARED / "seeds" / "002_ee0ef3e5fbe74b06.txt"

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason=f"reference seed not found at {SEED} (../shared is absent)"
)


def lint_text(text: str, select: str | None = None) -> list[Diagnostic]:
    rules = select_rules([select] if select else None)
    return lint_document(parse_text(text, "doc.md"), LintJob(rules))


def found(text: str, select: str | None = None) -> list[tuple[str, int]]:
    """(code, line) of every finding, in report order."""
    return [(d.code, d.line) for d in lint_text(text, select)]
