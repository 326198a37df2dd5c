"""In-document suppressions, written as HTML comments so they stay invisible when rendered.

``<!-- claimkit-disable CK102,CK205 -->`` ... ``<!-- claimkit-enable -->``,
``<!-- claimkit-disable-next-line CK301 -->``, ``<!-- claimkit-disable-line CK302 -->`` and
``<!-- claimkit-disable-file -->``; rules by code, prefix or name, none meaning every rule.
Comments inside code never count (the parser leaves them out of ``Document.comments``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimkit import lazy_re
from claimkit.diagnostics import Diagnostic, by_position
from claimkit.model import Comment, Document

UNUSED = "CK901"
INVALID = "CK902"

_DIRECTIVE = lazy_re.compile(r"claimkit-(?P<kind>[A-Za-z-]*)(?P<rest>.*)\Z", re.DOTALL)
_TOKEN = lazy_re.compile(r"[^\s,]+")
KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
# Narrowest first: a finding covered twice marks only the most specific suppression as used.
_SPECIFICITY = {"disable-line": 0, "disable-next-line": 0, "disable": 1, "disable-file": 2}


@dataclass(slots=True)
class _Usage:
    """One suppressing thing: a listed rule in a directive, or a directive that names none."""

    offset: int  # where to report it
    text: str  # the rule as written, or "" for "every rule"
    codes: frozenset[str] | None  # None: every rule
    used: bool = False


@dataclass(slots=True)
class _Scope:
    usage: _Usage
    kind: str
    first: int
    last: int  # inclusive; a large number for "to the end"
    codes: frozenset[str] | None
    excepted: frozenset[str] = field(default_factory=frozenset)

    def covers(self, code: str, line: int) -> bool:
        if not self.first <= line <= self.last or code in self.excepted:
            return False
        return self.codes is None or code in self.codes


@dataclass(slots=True)
class _Problem:
    offset: int
    message: str


@dataclass(slots=True)
class Parsed:
    scopes: list[_Scope]
    usages: list[_Usage]
    problems: list[_Problem]


def _expand(token: str) -> frozenset[str] | None:
    from claimkit.selection import SelectionError, expand

    try:
        return frozenset(expand([token]))
    except SelectionError:
        return None


def parse(document: Document) -> Parsed:
    parsed = Parsed([], [], [])
    open_scopes: list[_Scope] = []
    end = 1 << 30
    for comment in document.comments:
        directive = _directive(comment)
        if directive is None:
            continue
        kind, rest, rest_offset = directive
        line, _ = document.position(comment.span.start)
        end_line, _ = document.position(max(comment.span.start, comment.span.end - 1))
        if kind not in KINDS:
            parsed.problems.append(
                _Problem(comment.span.start, f"unknown suppression directive 'claimkit-{kind}'")
            )
            continue
        targets: list[_Usage] = []
        for match in _TOKEN.finditer(rest):
            codes = _expand(match.group())
            offset = rest_offset + match.start()
            if codes is None:
                parsed.problems.append(
                    _Problem(offset, f"unknown rule {match.group()!r} in claimkit-{kind}")
                )
                continue
            targets.append(_Usage(offset, match.group(), codes))
        if rest.strip() and not targets:
            continue  # every listed rule was unknown: suppress nothing rather than everything
        if kind == "enable":
            _close(open_scopes, targets, line, parsed.scopes)
            continue
        if not targets:
            targets = [_Usage(comment.span.start, "", None)]
        first, last = {
            "disable": (line, end),
            "disable-file": (1, end),
            "disable-line": (line, end_line),
            "disable-next-line": (end_line + 1, end_line + 1),
        }[kind]
        for usage in targets:
            parsed.usages.append(usage)
            scope = _Scope(usage, kind, first, last, usage.codes)
            (open_scopes if kind == "disable" else parsed.scopes).append(scope)
    parsed.scopes.extend(open_scopes)
    parsed.scopes.sort(key=lambda s: _SPECIFICITY[s.kind])
    return parsed


def _directive(comment: Comment) -> tuple[str, str, int] | None:
    body = comment.body
    stripped = body.lstrip()
    match = _DIRECTIVE.match(stripped)
    if match is None:
        return None
    start = comment.span.start + 4 + (len(body) - len(stripped))
    return match.group("kind").lower(), match.group("rest"), start + match.start("rest")


def _close(open_scopes: list[_Scope], targets: list[_Usage], line: int, done: list[_Scope]) -> None:
    """``claimkit-enable [rules]``: end open ranges, or carve the named rules out of them."""
    enabled = None if not targets else frozenset().union(*(t.codes or () for t in targets))
    still_open: list[_Scope] = []
    for scope in open_scopes:
        if enabled is None:
            scope.last = line
            done.append(scope)
            continue
        if scope.codes is not None and not scope.codes & enabled:
            still_open.append(scope)
            continue
        scope_end = scope.last
        scope.last = line
        done.append(scope)
        remaining = None if scope.codes is None else scope.codes - enabled
        if remaining is None or remaining:
            still_open.append(
                _Scope(
                    scope.usage,
                    scope.kind,
                    line + 1,
                    scope_end,
                    remaining,
                    scope.excepted | enabled if remaining is None else scope.excepted,
                )
            )
    open_scopes[:] = still_open


def apply(
    document: Document, diagnostics: Sequence[Diagnostic], ran: Iterable[str]
) -> list[Diagnostic]:
    """The diagnostics no suppression covers, plus CK901/CK902 findings when those rules ran."""
    parsed = parse(document)
    if not parsed.scopes and not parsed.problems:
        return list(diagnostics)
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        scope = next((s for s in parsed.scopes if s.covers(diagnostic.code, diagnostic.line)), None)
        if scope is None:
            kept.append(diagnostic)
        else:
            scope.usage.used = True
    ran_codes = set(ran)
    if UNUSED in ran_codes:
        for usage in parsed.usages:
            if usage.used:
                continue
            if usage.codes is not None and not usage.codes & ran_codes:
                continue  # a rule that did not run here: nothing to judge by
            message = (
                f"unused suppression of {usage.text}: no such finding in its range"
                if usage.text
                else "unused suppression: no finding in its range"
            )
            kept.append(_made(document, UNUSED, usage.offset, message))
    if INVALID in ran_codes:
        for problem in parsed.problems:
            kept.append(_made(document, INVALID, problem.offset, problem.message))
    kept.sort(key=by_position)
    return kept


def _made(document: Document, code: str, offset: int, message: str) -> Diagnostic:
    from claimkit.rules import BY_CODE

    rule = BY_CODE[code]
    line, column = document.position(offset)
    return Diagnostic(
        document.path, line, column, rule.code, rule.name, rule.severity, message, rule.fixable
    )
