"""The text a diagnostic points into, for formats that show it (``full``) or place fixes.

Diagnostics carry line and column; a fix's edits carry offsets into the decoded text. The
renderers that need more than that ask here, once per file: the file is read again (it is
what ``--fix`` left, so the remaining fixes' offsets match it) or, for ``-``, the bytes that
standard input held.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from claimkit.diagnostics import Edit


class Sources:
    def __init__(
        self, paths: Mapping[str, str] | None = None, texts: Mapping[str, str] | None = None
    ) -> None:
        self._paths = dict(paths or {})  # shown path -> path to open
        self._texts: dict[str, str | None] = dict(texts or {})
        self._starts: dict[str, list[int]] = {}

    def text(self, shown: str) -> str | None:
        if shown not in self._texts:
            self._texts[shown] = self._read(self._paths.get(shown, shown))
        return self._texts[shown]

    @staticmethod
    def _read(path: str) -> str | None:
        from claimkit.files import read_regular
        from claimkit.parse import UnreadableError
        from claimkit.parse.reader import decode

        try:
            return decode(read_regular(path).data).text
        except (UnreadableError, OSError):
            return None

    def line(self, shown: str, number: int) -> str | None:
        """Line ``number`` (1-based) without its line break, or None."""
        text = self.text(shown)
        if text is None:
            return None
        lines = text.split("\n")
        if not 1 <= number <= len(lines):
            return None
        return lines[number - 1].removesuffix("\r")

    def position(self, shown: str, offset: int) -> tuple[int, int] | None:
        """1-based (line, column in code points) of an offset into the decoded text."""
        text = self.text(shown)
        if text is None or not 0 <= offset <= len(text):
            return None
        starts = self._starts.get(shown)
        if starts is None:
            starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
            self._starts[shown] = starts
        index = bisect_right(starts, offset) - 1
        return index + 1, offset - starts[index] + 1


def edit_json(edit: Edit, shown: str, sources: Sources | None) -> dict[str, object]:
    """An edit with where it starts and ends: offsets always, line and column when known."""
    data: dict[str, object] = {"content": edit.content}
    for key, offset in (("start", edit.start), ("end", edit.end)):
        where: dict[str, int] = {"offset": offset}
        found = sources.position(shown, offset) if sources is not None else None
        if found is not None:
            where = {"line": found[0], "column": found[1], "offset": offset}
        data[key] = where
    return data
