"""A progress bar on stderr for long runs, only when stderr is a terminal.

Piped, redirected, under pre-commit or CI, nothing is drawn and rich is never imported, so
the output and the start-up time of those runs do not change. The bar is transient: once
the run ends it is gone, and the report is printed on a clean screen.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
# Fewer files than this finish before a bar is worth drawing.
MIN_ITEMS = 10


def wanted(total: int, quiet: bool = False) -> bool:
    if quiet or total < MIN_ITEMS:
        return False
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def track(items: Iterable[T], total: int, label: str, quiet: bool = False) -> Iterator[T]:
    """``items`` unchanged, advancing a bar of ``total`` steps when one is wanted."""
    if not wanted(total, quiet):
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)
