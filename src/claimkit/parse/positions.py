"""Offsets to 1-based line and column, with CRLF counted as one line break."""

from __future__ import annotations

from bisect import bisect_right

from claimkit.model import Span

# Span(...) goes through the NamedTuple's Python-level __new__; calling tuple's directly
# halves the cost of the most frequent allocation in a parse.
_new = tuple.__new__


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    index = find("\n")
    while index != -1:
        starts.append(index + 1)
        index = find("\n", index + 1)
    return tuple(starts)


class Locator:
    """Makes Spans for offsets of one text.

    Spans come in runs on one line (the citations of a summary level, the cells of a row),
    so the line of the last span is kept and a search is needed only when a span leaves it.
    """

    __slots__ = ("_high", "_line", "_low", "starts")

    def __init__(self, starts: tuple[int, ...]) -> None:
        self.starts = starts
        self._line = 0  # 0-based index of the cached line
        self._low = 0  # its first offset
        self._high = starts[1] if len(starts) > 1 else 1 << 62  # the next line's first offset

    def span(self, start: int, end: int) -> Span:
        if not self._low <= start < self._high:
            starts = self.starts
            index = bisect_right(starts, start) - 1
            self._line, self._low = index, starts[index]
            self._high = starts[index + 1] if index + 1 < len(starts) else 1 << 62
        return _new(Span, (start, end, self._line + 1, start - self._low + 1))

    def on_line_of(self, offset: int) -> LineLocator:
        """A locator for spans known to start on the same line as ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return LineLocator(index + 1, self.starts[index])


class LineLocator(Locator):
    """Spans on one line (a table row): no search per span, which adds up over a corpus."""

    __slots__ = ("line", "line_start")

    def __init__(self, line: int, line_start: int) -> None:
        self.line = line
        self.line_start = line_start

    def span(self, start: int, end: int) -> Span:
        return _new(Span, (start, end, self.line, start - self.line_start + 1))
