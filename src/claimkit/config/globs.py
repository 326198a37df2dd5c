"""Glob patterns for include, exclude and per-file-ignores, matched against relative paths.

A pattern without ``/`` matches a file's name or any directory on its path (``drafts``,
``*.draft.md``); one with ``/`` matches the path relative to the configuration's directory
(``docs/**/old-*.md``). A pattern that matches a directory covers everything inside it.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=512)
def _regex(pattern: str) -> re.Pattern[str]:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", i + 1)
            if close == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"(?:/.*)?", re.DOTALL)


def matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a ``/``-separated path) is covered by ``pattern``."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if not pattern:
        return False
    if "/" not in pattern:
        return any(_regex(pattern).fullmatch(part) for part in relative.split("/"))
    return _regex(pattern).fullmatch(relative) is not None


def check(pattern: str) -> str | None:
    """Why a pattern is unusable, or None."""
    body = pattern.removeprefix("!").strip()
    if not body:
        return "empty glob pattern"
    try:
        _regex(body.removeprefix("./").rstrip("/"))
    except re.error as exc:
        return f"invalid glob pattern {pattern!r}: {exc}"
    return None
