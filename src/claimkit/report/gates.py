"""CI gates for the bias report: which reports break --fail-on-blindspot or --max-lean."""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.report.model import Report


def violations(
    documents: Sequence[Report],
    corpus: Report | None,
    units: Sequence[str],
    fail_on_blindspot: bool,
    max_lean: float | None,
) -> list[str]:
    """One message per violated gate, per report and unit; empty when every gate passes."""
    found: list[str] = []
    scoped = list(documents) + ([corpus] if corpus is not None else [])
    for report in scoped:
        name = report.path if report.path is not None else "corpus"
        for unit in units:
            stats = report.units[unit]
            if fail_on_blindspot and stats.blindspot is not None:
                found.append(f"{name}: blindspot ({unit}): no {stats.blindspot}-leaning sources")
            mean = stats.mean_lean
            if max_lean is not None and mean is not None and abs(mean) > max_lean:
                found.append(f"{name}: mean lean ({unit}) {mean:+.2f} exceeds ±{max_lean:g}")
    return found
