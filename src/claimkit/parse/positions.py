"""Offsets to 1-based line and column, with CRLF counted as one line break."""

from __future__ import annotations

from bisect import bisect_right

from claimkit.model import Span


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    index = find("\n")
    while index != -1:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return tuple(starts)


class Locator:
    """Makes Spans for offsets of one text."""

    __slots__ = ("starts",)

    def __init__(self, starts: tuple[int, ...]) -> None:
        self.starts = starts

    def span(self, start: int, end: int) -> Span:
        index = bisect_right(self.starts, start) - 1
        return Span(start, end, index + 1, start - self.starts[index] + 1)
