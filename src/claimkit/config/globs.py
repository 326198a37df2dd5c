"""Glob patterns for include, exclude and per-file-ignores, matched against relative paths.

A pattern without ``/`` matches a file's name or any directory on its path (``drafts``,
``*.draft.md``); one with ``/`` matches the path relative to the configuration's directory
(``docs/**/old-*.md``). A pattern that matches a directory covers everything inside it.
``**`` as a whole segment matches any number of directories; elsewhere it is ``*``.

Matching takes time linear in the path for every pattern. A translation to one regular
expression backtracks: ``*a*a*a*a*a*a*a*a*c`` against a long name ran past a minute. Here
the path is split into segments (``*``, ``?`` and ``[...]`` never cross a ``/``); ``**``
segments are matched by a table over (pattern segment, path segment); and a segment with
more than one ``*`` is matched by the greedy wildcard algorithm, which only ever returns
to the latest ``*``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

_ANY_DIRS = "**"
Char = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class _Segment:
    """One ``/``-free piece of a pattern, ready to match one path segment."""

    text: str
    literal: bool  # no wildcard at all: compare strings
    regex: re.Pattern[str] | None  # at most one ``*``: a regex cannot backtrack much
    tokens: tuple[Char | None, ...]  # otherwise: per character a test, None for ``*``

    def matches(self, name: str) -> bool:
        if self.literal:
            return name == self.text
        if self.regex is not None:
            return self.regex.fullmatch(name) is not None
        return _greedy(self.tokens, name)


def _greedy(tokens: tuple[Char | None, ...], name: str) -> bool:
    """Wildcard match where only the latest ``*`` is ever widened: O(len(name) x tokens)."""
    at = 0  # in name
    index = 0  # in tokens
    star = -1
    star_at = 0
    while at < len(name):
        more = index < len(tokens)
        token = tokens[index] if more else None
        if more and token is None:
            star, star_at = index, at
            index += 1
        elif token is not None and token(name[at]):
            index += 1
            at += 1
        elif star != -1:
            star_at += 1
            index, at = star + 1, star_at
        else:
            return False
    return all(token is None for token in tokens[index:])


def _class(body: str) -> Char:
    negated = body.startswith(("!", "^"))
    if negated:
        body = body[1:]
    ranges: list[tuple[str, str]] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            ranges.append((body[index], body[index + 2]))
            index += 3
        else:
            ranges.append((body[index], body[index]))
            index += 1

    def test(char: str) -> bool:
        return char != "/" and any(low <= char <= high for low, high in ranges) != negated

    return test


def _literal(expected: str) -> Char:
    return expected.__eq__


def _any(char: str) -> bool:
    return char != "/"


def _tokens(text: str) -> tuple[Char | None, ...]:
    tokens: list[Char | None] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "*":
            if not tokens or tokens[-1] is not None:  # ** inside a segment is one *
                tokens.append(None)
        elif char == "?":
            tokens.append(_any)
        elif char == "[" and (close := text.find("]", index + 2)) != -1:
            tokens.append(_class(text[index + 1 : close]))
            index = close
        else:
            tokens.append(_literal(char))
        index += 1
    return tuple(tokens)


def _regex(text: str) -> re.Pattern[str]:
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (close := text.find("]", index + 2)) != -1:
            body = text[index + 1 : close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body + "]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return re.compile("".join(out), re.DOTALL)


def _segment(text: str) -> _Segment:
    if not any(c in text for c in "*?["):
        return _Segment(text, True, None, ())
    tokens = _tokens(text)
    if sum(1 for token in tokens if token is None) <= 1:
        return _Segment(text, False, _regex(text), ())
    return _Segment(text, False, None, tokens)


@functools.lru_cache(maxsize=512)
def _compile(pattern: str) -> tuple[_Segment | None, ...]:
    """The pattern's segments; None for a ``**`` segment."""
    return tuple(None if part == _ANY_DIRS else _segment(part) for part in pattern.split("/"))


def _match_path(segments: tuple[_Segment | None, ...], parts: list[str]) -> bool:
    """Whether the pattern matches ``parts`` or a leading run of them (a directory)."""
    # reach[j]: the first ``i`` pattern segments can match the first ``j`` path parts.
    reach = [True] + [False] * len(parts)
    for segment in segments:
        after = [False] * (len(parts) + 1)
        if segment is None:
            seen = False
            for j in range(len(parts) + 1):
                seen = seen or reach[j]
                after[j] = seen
        else:
            for j in range(len(parts)):
                if reach[j] and segment.matches(parts[j]):
                    after[j + 1] = True
        reach = after
        if not any(reach):
            return False
    return any(reach)


def matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a ``/``-separated path) is covered by ``pattern``."""
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    if not pattern:
        return False
    parts = relative.split("/")
    if "/" not in pattern:
        segments = _compile(pattern)
        if segments == (None,):
            return True
        only = segments[0]
        assert only is not None
        return any(only.matches(part) for part in parts)
    return _match_path(_compile(pattern), parts)


def check(pattern: str) -> str | None:
    """Why a pattern is unusable, or None."""
    body = pattern.removeprefix("!").strip()
    if not body:
        return "empty glob pattern"
    try:
        _compile(body.removeprefix("./").rstrip("/"))
    except re.error as exc:
        return f"invalid glob pattern {pattern!r}: {exc}"
    return None
