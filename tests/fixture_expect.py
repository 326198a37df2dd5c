"""Read the expectations a fixture states about itself: ``<!-- expect: CK102 -->`` comments.

The convention is in tests/fixtures/README.md. In short: a comment that shares its line with
anything else (text, or another comment such as a suppression) expects those findings on
its own line; a line holding only ``expect`` comments expects them on the next line that
holds more than comments.
Anything that starts like an expectation but does not follow the form is an error, so a typo
never turns into a silently missing expectation.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from claimkit.parse import parse_text
from claimkit.rules import BY_CODE

# ``expect:`` then one or more rule codes, separated by commas or spaces; nothing else.
_FORM = re.compile(r" expect: (CK\d{3}(?:,? CK\d{3})*) ")
_LOOKS_LIKE = re.compile(r"\s*expect\b", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->")


class FixtureError(Exception):
    """A malformed expectation: reported as ``path:line: why``."""


def expectations(path: Path, text: str) -> Counter[tuple[int, str]]:
    """(line, code) of every finding the file expects, with multiplicity."""
    document = parse_text(text, str(path))
    lines = text.splitlines()
    expected: Counter[tuple[int, str]] = Counter()
    for comment in document.comments:
        if not _LOOKS_LIKE.match(comment.body):
            continue  # suppressions and other comments are not ours
        line = comment.span.line
        where = f"{path}:{line}"
        found = _FORM.fullmatch(comment.body)
        if found is None:
            raise FixtureError(
                f"{where}: malformed expectation <!--{comment.body}-->; "
                "write <!-- expect: CK102 --> or <!-- expect: CK102, CK205 -->"
            )
        target = _target_line(lines, line)
        if target is None:
            raise FixtureError(f"{where}: a stand-alone expectation with no line after it")
        for code in re.split(r",? ", found.group(1)):
            if code not in BY_CODE:
                raise FixtureError(f"{where}: unknown rule {code} in expectation")
            expected[(target, code)] += 1
    return expected


def _stand_alone(line: str) -> bool:
    """Whether a line holds nothing but expect comments (and spaces)."""
    comments = _COMMENT.findall(line)
    return (
        bool(comments)
        and all(_LOOKS_LIKE.match(c[4:-3]) for c in comments)
        and not _COMMENT.sub("", line).strip()
    )


def _target_line(lines: list[str], line: int) -> int | None:
    if not _stand_alone(lines[line - 1]):
        return line
    # Skip other comment-only lines too: a suppression between an expectation and its line
    # (``<!-- claimkit-disable-next-line ... -->``) is the usual case.
    for number in range(line + 1, len(lines) + 1):
        if _COMMENT.sub("", lines[number - 1]).strip():
            return number
    return None
