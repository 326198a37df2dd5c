"""Where a key sits in a TOML file: tomllib gives values but no line numbers.

A line-oriented scan that understands table headers, dotted keys and inline tables well
enough to point an error at the line a person would look at. It never decides validity.
"""

from __future__ import annotations

import re

from claimkit import lazy_re

# Every pattern here is matched once per line, anchored, and cannot backtrack more than
# a character: a lazy group followed by \s* (the old header pattern) took minutes on a
# line of 30,000 spaces.
_HEADER = lazy_re.compile(r"^\s*\[\[?([^\]]*)\]\]?\s*(?:#.*)?$")
_BARE = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)"""
_KEY = lazy_re.compile(rf"^\s*({_BARE}(?:\s*\.\s*{_BARE})*)\s*=")


def _split(dotted: str) -> tuple[str, ...]:
    """``a . "b.c" . d`` -> ``("a", "b.c", "d")``, in one pass."""
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    for char in dotted:
        if quote:
            if char == quote:
                quote = ""
            else:
                current.append(char)
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return tuple(part for part in parts if part)


def key_line(text: str, path: tuple[str, ...]) -> int:
    """The 1-based line defining ``path`` (or its nearest defined ancestor); 1 if none."""
    best_line, best_depth = 1, 0
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(1))
            depth = _common(table, path)
            if depth == len(table) and depth > best_depth:
                best_line, best_depth = number, depth
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        full = table + _split(key.group(1))
        depth = _common(full, path)
        if depth != len(full):
            continue
        if depth > best_depth:
            best_line, best_depth = number, depth
        if depth < len(path) and _inline_mentions(line, path[depth]):
            # ``severity = { CK101 = "error" }``: the key lives inside an inline table here.
            best_line, best_depth = number, len(path)
    return best_line


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _inline_mentions(line: str, key: str) -> bool:
    return "{" in line and re.search(rf"[\"']?{re.escape(key)}[\"']?\s*=", line) is not None
