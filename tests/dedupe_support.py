"""Helpers shared by the dedupe tests: the seed, and an independent reading of rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_894bf73be677ab60.txt"

# Deliberately not claimkit's parser: a plain regex over the table rows and summary links.
ROW = re.compile(r'^\|<font id="([^"]+)"[^>]*>\[([^\]]*)\]</font> ([^|]*)\|', re.MULTILINE)
LINK = re.compile(r'<a href="#([^"]+)">([^<]*)</a>')
GROUP = re.compile(r"\[(<a href=\"#[^\"]+\">[^<]*</a>(?:, <a href=\"#[^\"]+\">[^<]*</a>)*)\]")


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"reference seed not available at {SEED} (needs ../shared next to the repo)")
    return SEED.read_bytes().decode("utf-8")


def rows(text: str) -> list[tuple[str, str, str]]:
    """(id, visible label, sentence) of every claim row, by regex."""
    return [(m[1], m[2], m[3]) for m in ROW.finditer(text)]


def links(text: str) -> list[tuple[str, str]]:
    """(target, label) of every citation link, by regex."""
    summary = text.split("## Claims", 1)[0]
    return [(m[1], m[2]) for m in LINK.finditer(summary)]


def groups(text: str) -> list[list[str]]:
    summary = text.split("## Claims", 1)[0]
    return [[t for t, _ in LINK.findall(m[1])] for m in GROUP.finditer(summary)]
