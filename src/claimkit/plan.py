"""Per file: which rules, severities, settings and failing level apply (config + flags)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from claimkit.config import Config, Resolver, globs, rule_options
from claimkit.diagnostics import Severity
from claimkit.engine import LintJob
from claimkit.selection import expand, select_rules
from claimkit.settings import Settings

DEFAULT_FAIL_ON = Severity.WARNING


@dataclass(frozen=True, slots=True)
class Flags:
    """What the command line says; it wins over configuration files."""

    select: Sequence[str] = ()  # empty: use the configuration's
    ignore: Sequence[str] = ()
    extend_select: Sequence[str] = ()
    fail_on: Severity | None = None
    settings: Settings = field(default_factory=Settings)
    # --exclude replaces the configured exclude; --extend-exclude adds to it. Both are
    # globs relative to the working directory, where the command line was typed.
    exclude: Sequence[str] | None = None
    extend_exclude: Sequence[str] = ()


class Planner:
    """Turns configurations into lint jobs, one per distinct (configuration, ignores) pair."""

    def __init__(self, resolver: Resolver, flags: Flags) -> None:
        self.resolver = resolver
        self.flags = flags
        self._jobs: dict[tuple[int, frozenset[str]], LintJob] = {}
        self._base: dict[int, tuple[frozenset[str], Settings]] = {}
        # Every file is asked about three times (excluded, included, its job): resolve once.
        self._configs: dict[str, Config] = {}

    def config(self, path: str) -> Config:
        found = self._configs.get(path)
        if found is None:
            found = self._configs[path] = self.resolver.for_path(path)
        return found

    def _selected(self, config: Config) -> tuple[frozenset[str], Settings]:
        key = id(config)
        if key not in self._base:
            flags = self.flags
            if flags.select:
                rules = select_rules(flags.select, flags.ignore, flags.extend_select)
            else:
                rules = select_rules(
                    config.select,
                    [*config.ignore, *flags.ignore],
                    [*config.extend_select, *flags.extend_select],
                )
            settings = dataclasses.replace(
                flags.settings,
                ratings_files=(*config.ratings, *flags.settings.ratings_files),
                dedupe_threshold=(
                    flags.settings.dedupe_threshold
                    if flags.settings.dedupe_threshold is not None
                    else config.dedupe_threshold
                ),
            )
            if config.max_file_size is not None:
                settings.max_file_size = config.max_file_size
            settings.rule_options = rule_options.effective(config.rule_options, flags.settings)
            self._base[key] = (frozenset(rule.code for rule in rules), settings)
        return self._base[key]

    def ignored_here(self, config: Config, path: str) -> frozenset[str]:
        """Codes that per-file-ignores switches off for ``path``."""
        if not config.per_file_ignores:
            return frozenset()
        relative = config.relative(path)
        ignored: set[str] = set()
        for pattern, selectors in config.per_file_ignores:
            negated = pattern.startswith("!")
            if globs.matches(pattern[1:] if negated else pattern, relative) != negated:
                ignored |= expand(selectors)
        return frozenset(ignored)

    def job(self, path: str) -> LintJob:
        from claimkit.rules import RULES

        config = self.config(path)
        ignored = self.ignored_here(config, path)
        key = (id(config), ignored)
        if key not in self._jobs:
            codes, settings = self._selected(config)
            rules = tuple(r for r in RULES if r.code in codes and r.code not in ignored)
            self._jobs[key] = LintJob(rules, settings, dict(config.severity))
        return self._jobs[key]

    def fail_on(self, path: str) -> Severity:
        if self.flags.fail_on is not None:
            return self.flags.fail_on
        return self.config(path).fail_on or DEFAULT_FAIL_ON

    def excluded(self, path: str) -> bool:
        config = self.config(path)
        configured = config.exclude if self.flags.exclude is None else ()
        if configured:
            relative = config.relative(path)
            if any(globs.matches(pattern, relative) for pattern in configured):
                return True
        given = (*(self.flags.exclude or ()), *self.flags.extend_exclude)
        if not given:
            return False
        relative = os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")
        return any(globs.matches(pattern, relative) for pattern in given)

    def select_files(
        self, found: list[tuple[str, str]], given: list[str], force_exclude: bool
    ) -> list[tuple[str, str]]:
        """Discovered files minus the configured excludes (and outside ``include``).

        Files named on the command line are kept unless ``force_exclude``: that is how
        pre-commit, which names every staged file, still honours the configuration.
        """
        explicit = {p for p in given if not os.path.isdir(p)}
        files: list[tuple[str, str]] = []
        for path, display in found:
            if path in explicit:
                if force_exclude and self.excluded(path):
                    continue
            elif self.excluded(path) or not self.included(path):
                continue
            files.append((path, display))
        return files

    def included(self, path: str) -> bool:
        config = self.config(path)
        name = os.path.basename(path)
        relative = config.relative(path)
        return any(
            globs.matches(pattern, relative if "/" in pattern.strip("/") else name)
            for pattern in config.include
        )
