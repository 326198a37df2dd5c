"""Wording and number formats every human-facing renderer shares."""

from __future__ import annotations

from claimkit.report.model import UnitStats

# AllSides' palette order: blues for the left, purple for the centre, reds for the right.
COLORS: dict[str, str] = {
    "Left": "#1f4fd1",
    "Lean Left": "#74a3f4",
    "Center": "#8e44ad",
    "Lean Right": "#f08a8a",
    "Right": "#d62828",
    "Mixed": "#e0a800",
    "Unrated": "#9e9e9e",
}


def percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def lean(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.2f}"


def lean_words(value: float | None) -> str:
    if value is None:
        return "no rated sources on the scale"
    if value <= -1.5:
        return "left"
    if value <= -0.5:
        return "leans left"
    if value < 0.5:
        return "centre"
    if value < 1.5:
        return "leans right"
    return "right"


def verdict(stats: UnitStats) -> str:
    if stats.blindspot is None:
        return "none"
    other = "left" if stats.blindspot == "right" else "right"
    return f"{stats.blindspot} (only {other}-leaning sources)"


def sides(stats: UnitStats) -> str:
    return " / ".join(percent(stats.sides[k]) for k in ("left", "center", "right"))


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary_rows(stats: UnitStats) -> list[tuple[str, str]]:
    """The figures under the per-label counts, short enough for a table cell."""
    return [
        ("left/ctr/right", sides(stats)),
        ("mean lean", lean(stats.mean_lean)),
        ("coverage", percent(stats.coverage)),
        ("blindspot", stats.blindspot or "none"),
    ]
