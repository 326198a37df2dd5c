"""claimkit from Python, for the pipelines that write explainers.

Four functions over text, never touching the network, each returning a typed, frozen
result: ``lint_text``, ``parse``, ``dedupe`` and ``fix``. ``import claimkit`` stays cheap:
this module is imported the first time one of them is used (``claimkit.__getattr__``).
Documented in docs/api.md; the names exported here are the stable API.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimkit.config.model import Config, ConfigError
from claimkit.dedupe.report import Cluster, FileReport
from claimkit.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity, by_position
from claimkit.model import Document

__all__ = [
    "Applicability",
    "Cluster",
    "ConfigError",
    "DedupeResult",
    "Diagnostic",
    "Document",
    "Edit",
    "FileReport",
    "Fix",
    "FixResult",
    "LintResult",
    "Severity",
    "dedupe",
    "fix",
    "lint_text",
    "parse",
]

ConfigLike = str | os.PathLike[str] | Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class LintResult:
    path: str
    diagnostics: tuple[Diagnostic, ...]  # sorted by line, column, code
    skipped: str | None = None  # why nothing was checked: "not an explainer (...)", "empty file"

    @property
    def ok(self) -> bool:
        """No finding at all (whatever its severity)."""
        return not self.diagnostics

    def failing(self, at_least: Severity = Severity.WARNING) -> tuple[Diagnostic, ...]:
        """The findings that would make ``claimkit lint --fail-on`` exit 1."""
        return tuple(d for d in self.diagnostics if d.severity >= at_least)


@dataclass(frozen=True, slots=True)
class FixResult:
    path: str
    text: str  # the fixed text (the input itself when nothing was fixed)
    fixed: int  # fixes applied
    remaining: tuple[Diagnostic, ...]  # what a lint of ``text`` still finds

    @property
    def changed(self) -> bool:
        return self.fixed > 0


@dataclass(frozen=True, slots=True)
class DedupeResult:
    files: tuple[FileReport, ...]  # per document: clusters, and the rows a fix would remove
    cross_file: tuple[Cluster, ...]  # the same claim in more than one document
    texts: Mapping[str, str]  # per document, the text after merging its duplicates

    @property
    def duplicates(self) -> int:
        return sum(report.duplicates for report in self.files)


def _config(config: ConfigLike) -> Config:
    from claimkit.config.load import from_mapping, load
    from claimkit.config.model import defaults

    if config is None:
        return defaults(os.getcwd())
    if isinstance(config, Mapping):
        return from_mapping(config)
    return load(os.fspath(config))


def _job(
    path: str, config: ConfigLike, select: Sequence[str] | None, ignore: Sequence[str] | None
) -> Any:
    from claimkit.config import Resolver
    from claimkit.plan import Flags, Planner
    from claimkit.selection import expand

    flags = Flags(select=tuple(select or ()), ignore=tuple(ignore or ()))
    expand([*flags.select, *flags.ignore])  # SelectionError (a ValueError) for a typo
    return Planner(Resolver.fixed(_config(config)), flags).job(path)


def lint_text(
    text: str,
    *,
    path: str = "-",
    config: ConfigLike = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> LintResult:
    """Lint one explainer given as text.

    ``path`` is the name findings carry (and what ``per-file-ignores`` globs match).
    ``config``: None for the built-in defaults, a configuration file's path (claimkit.toml
    or a pyproject.toml with ``[tool.claimkit]``), or the table as a mapping
    (``{"select": ["CK1"], "rules": {"CK302": {"threshold": 85}}}``). A bad configuration
    raises ``ConfigError``; an unknown rule in ``select``/``ignore`` raises ``ValueError``.
    """
    from claimkit.engine import lint_bytes

    result = lint_bytes(text.encode("utf-8"), path, _job(path, config, select, ignore))
    ordered = tuple(sorted(result.diagnostics, key=by_position))
    return LintResult(result.path, ordered, result.skipped)


def parse(text: str, *, path: str = "-") -> Document:
    """The document model: title, summary levels, citations, claims, each with its Span."""
    from claimkit.parse import parse_text

    return parse_text(text.removeprefix("\ufeff"), path, bom=text.startswith("\ufeff"))


def fix(
    text: str,
    *,
    path: str = "-",
    config: ConfigLike = None,
    unsafe: bool = False,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> FixResult:
    """Apply the safe fixes (and with ``unsafe=True`` the unsafe ones) to a fixpoint, with
    the same guards as ``claimkit lint --fix``: no fix may make the document structurally
    worse or make a citation cite a different claim."""
    from claimkit.run.fixing import fix_document

    document = parse(text, path=path)
    fixed = fix_document(document, _job(path, config, select, ignore), unsafe)
    remaining = tuple(sorted(fixed.result.diagnostics, key=by_position))
    outcome = fixed.outcome
    if outcome is None:
        return FixResult(path, text, 0, remaining)
    new = ("\ufeff" if document.bom else "") + outcome.text
    return FixResult(path, new, outcome.fixed if outcome.text != document.text else 0, remaining)


def dedupe(
    texts: Mapping[str, str] | Iterable[str],
    *,
    threshold: float | None = None,
    unsafe: bool = False,
    renumber: bool = True,
) -> DedupeResult:
    """Duplicate claims within each document and across them, and what merging would do.

    ``texts``: {name: text}, or texts alone (named "1", "2", ...). ``threshold`` is the
    near-duplicate similarity, 0-100 (default 70); near duplicates are merged only with
    ``unsafe=True``, as with ``claimkit dedupe --fix --unsafe-fixes``.
    """
    from claimkit.context import Context
    from claimkit.dedupe.plan import dedupe_rows, plan
    from claimkit.dedupe.report import Member, cross_file, file_report, member
    from claimkit.dedupe.similarity import validate_threshold
    from claimkit.settings import Settings

    if threshold is not None:
        validate_threshold(threshold)
    named = (
        dict(texts)
        if isinstance(texts, Mapping)
        else {str(n): t for n, t in enumerate(texts, start=1)}
    )
    reports: list[FileReport] = []
    members: list[Member] = []
    fixed: dict[str, str] = {}
    for name, text in named.items():
        document = parse(text, path=name)
        if not document.is_explainer:
            fixed[name] = text
            continue
        result = plan(document, threshold, unsafe=unsafe, renumber=renumber)
        reports.append(file_report(result, applied=True))
        fixed[name] = ("\ufeff" if document.bom else "") + result.new_text()
        gone = {id(d.claim) for d in result.removed}
        members.extend(
            member(name, claim)
            for claim in dedupe_rows(Context(document, Settings()))
            if id(claim) not in gone
        )
    cross = cross_file(members, threshold) if len(named) > 1 else []
    return DedupeResult(tuple(reports), tuple(cross), fixed)
