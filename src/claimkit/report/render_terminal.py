"""The default format: rich tables with horizontal bars (colour only on a terminal)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from claimkit.report.model import REPORT_LABELS, Report
from claimkit.report.text import COLORS, percent, summary_rows

_BAR = 10


def _bar(share: float) -> str:
    cells = round(share * _BAR)
    return "█" * cells + "·" * (_BAR - cells)


def render(
    documents: Sequence[Report],
    corpus: Report | None,
    units: Sequence[str],
    stream: TextIO,
    color: bool,
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        # Piped or redirected, a line is as long as it is: a file has no width to wrap at,
        # and a hard wrap breaks grep and diff. The table keeps its natural width.
        width=None if color else 1_000_000,
    )
    scoped = list(documents) + ([corpus] if corpus is not None else [])
    for report in scoped:
        title = report.path if report.path is not None else f"corpus ({report.documents} documents)"
        table = Table(
            title=Text(title, style="bold", no_wrap=True, overflow="ignore"),
            title_justify="left",
            show_edge=False,
        )
        table.add_column("label", no_wrap=True, min_width=10)
        for unit in units:
            table.add_column(unit, no_wrap=True)
        for label in REPORT_LABELS:
            style = COLORS[label] if color else ""
            cells: list[Text] = [Text(label, style=style)]
            for unit in units:
                s = report.units[unit]
                share = s.counts[label] / s.total if s.total else 0.0
                cell = Text(f"{s.counts[label]:>4} {percent(share):>4} ")
                cell.append(_bar(share), style=style)
                cells.append(cell)
            table.add_row(*cells)
        table.add_section()
        rows = [summary_rows(report.units[unit]) for unit in units]
        for index, (name, _) in enumerate(rows[0]):
            table.add_row(Text(name), *(Text(row[index][1]) for row in rows))
        console.print(table)
        blind = {report.units[u].blindspot for u in units} - {None}
        for side in sorted(x for x in blind if x):
            console.print(Text(f"blindspot {side}: no {side}-leaning sources among the rated"))
        if report.unrated_domains:
            console.print(Text("unrated: " + ", ".join(report.unrated_domains)))
        for d in report.disagreements:
            console.print(
                Text(
                    f"differs: {d.path}:{d.line} claim {d.claim} ({d.outlet}): inline {d.inline}, "
                    f"database {' or '.join(d.database)}"
                )
            )
        console.print()
