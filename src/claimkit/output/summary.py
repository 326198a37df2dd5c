"""The one-line summary a lint run ends with (on stderr)."""

from __future__ import annotations


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(counts: dict[str, int], files: int, with_findings: int) -> str:
    total = sum(counts.values())
    checked = _plural(files, "file")
    if total == 0:
        return f"All checks passed ({checked} checked)."
    parts = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info") if counts[s])
    problems = "problem" if total == 1 else "problems"
    return f"Found {total} {problems} ({parts}) in {with_findings} of {checked}."
