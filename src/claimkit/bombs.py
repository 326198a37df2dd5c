"""Where a configuration or data file defeats its parser: the line, for a ``file:line`` error.

Parsers fail on two kinds of hostile input without saying where: nesting deeper than the
interpreter's recursion limit (RecursionError) and integers longer than Python's
int-string limit (a ValueError, 4,300 digits by default). These find the line afterwards,
only once a parse has failed, so that a long digit string in an ordinary file costs
nothing and is never mistaken for an error.
"""

from __future__ import annotations

import sys

from claimkit import lazy_re

_DIGITS = lazy_re.compile(r"\d[\d_]*")
_OPENERS = {"[": "]", "{": "}"}


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def digit_limit() -> int:
    getter = getattr(sys, "get_int_max_str_digits", None)
    return int(getter()) if getter is not None else 4300


def long_number(text: str) -> tuple[int, str]:
    """(line, message) for the first number longer than the int-string limit."""
    limit = digit_limit()
    for found in _DIGITS.finditer(text):
        digits = len(found[0]) - found[0].count("_")
        if limit and digits > limit:
            return _line(text, found.start()), f"number with {digits} digits (at most {limit})"
    return 1, f"number too long (at most {limit} digits)"


def deep_nesting(text: str, limit: int = 100) -> tuple[int, str]:
    """(line, message) where ``[`` / ``{`` nesting (outside quotes) first passes ``limit``."""
    depth = 0
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline == -1 else newline
            continue
        elif char in _OPENERS:
            depth += 1
            if depth > limit:
                return _line(text, index), f"nested more than {limit} deep"
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return 1, "nested too deep"
