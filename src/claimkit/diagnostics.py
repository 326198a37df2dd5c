"""Findings and the fixes that may come with them: one model behind every output format."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        # Looked up, not computed: every finding of a report asks (an enum's name is slow).
        return _LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


_LABELS = {severity: severity.name.lower() for severity in Severity}


class Applicability(enum.Enum):
    """How far a fix can be trusted, as ruff has it."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown, never applied


class Edit(NamedTuple):
    """Replace the characters ``[start, end)`` of the document text with ``content``.

    A named tuple: a warm run rebuilds every cached fix's edits (a merge has dozens), and
    one costs a third of a frozen dataclass to build.
    """

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    # A merge (CK301): each (removed row's sentence, kept row's sentence) is one row this fix
    # deletes, whose citations come to cite the kept row. The fix engine allows exactly
    # that change of structure and meaning, and no other.
    merges: tuple[tuple[str, str], ...] = ()

    def __reduce__(self) -> tuple[type[Fix], tuple[object, ...]]:
        return (Fix, (self.title, self.edits, self.applicability, self.merges))


class Diagnostic(NamedTuple):
    """One finding. A named tuple: a warm run rebuilds hundreds of thousands from the cache
    and a corpus run receives as many from its workers; one costs a quarter of a frozen
    dataclass to build and pickles as a plain tuple. Two findings are equal when every
    field is, their fixes included."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    fixable: bool = False
    end_line: int | None = None
    end_column: int | None = None
    fix: Fix | None = None

    @property
    def offers_fix(self) -> bool:
        """Whether a fix with edits comes with this finding. Asked of ``fixable``, not of the
        edits: a result from the cache carries its fix's edits only for the formats that
        print them (``output.render.SHOWS_EDITS``)."""
        return self.fix is not None and self.fixable

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "fixable": self.fixable,
        }
        if self.end_line is not None:
            data["end_line"] = self.end_line
            data["end_column"] = self.end_column
        return data


# Findings in report order (path, line, column, code): ``sorted(found, key=by_position)``.
# The fields themselves, not a property: a corpus report sorts hundreds of thousands.
by_position = itemgetter(0, 1, 2, 3)
