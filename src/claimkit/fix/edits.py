"""Apply non-overlapping edits to a text; the rest of the text stays byte for byte."""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.diagnostics import Edit


class OverlappingEdits(ValueError):
    pass


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with every edit applied. Edits must not overlap (identical ones collapse)."""
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end))
    pieces: list[str] = []
    position = 0
    for edit in ordered:
        if edit.start < position:
            raise OverlappingEdits(f"edit at {edit.start} overlaps the previous one")
        pieces.append(text[position : edit.start])
        pieces.append(edit.content)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
