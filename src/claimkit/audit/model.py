"""What the audit knows about each document and the corpus, as plain data the pages render."""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.report.model import Report, UnitStats

# Rule families by code prefix, in the index's column order. One-sided sources (CK4xx) is
# about the choice of sources, so it counts with them; grounding is whether the sources
# hold the claims (CK5xx online checks, CK6xx the grounding rules to come).
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("citations", ("CK1",)),
    ("sources", ("CK2", "CK4")),
    ("duplicates", ("CK3",)),
    ("grounding", ("CK5", "CK6")),
    ("structure", ("CK0",)),
    ("other", ()),
)
FAMILY_NAMES: tuple[str, ...] = tuple(name for name, _ in FAMILIES)
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


def family(code: str) -> str:
    for name, prefixes in FAMILIES:
        if code.startswith(prefixes) and prefixes:
            return name
    return "other"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the index."""

    path: str
    page: str | None  # the document page, relative to the site's root; None when unreadable
    title: str
    claims: int
    citations: int
    severities: dict[str, int]  # SEVERITIES -> count
    families: dict[str, int]  # FAMILY_NAMES -> count
    codes: dict[str, int]  # rule code -> count
    names: dict[str, str]  # rule code -> rule name
    lean: UnitStats | None  # of the document's unique outlets
    failing: bool  # a finding at or above the file's --fail-on severity

    @property
    def findings(self) -> int:
        return sum(self.severities.values())


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file's end result: its index row (None when skipped) and its bias report."""

    entry: Entry | None
    skipped: str | None = None
    report: Report | None = None
