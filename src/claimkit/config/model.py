"""A configuration as read from one file, every value with the place it came from."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from claimkit.diagnostics import Severity
from claimkit.rule_options import RuleOptions

DEFAULT_INCLUDE: tuple[str, ...] = ("*.md", "*.markdown")


class ConfigError(Exception):
    """A configuration problem, reported as ``file:line: message`` with exit 2."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class VerifyConfig:
    """``[tool.claimkit.verify]``: what ``claimkit verify`` fetches and how; None = not set."""

    exclude: tuple[str, ...] = ()  # URL regexes not to fetch
    include: tuple[str, ...] = ()  # URL regexes to fetch even when excluded
    accept: frozenset[int] = frozenset()  # status codes that count as alive
    timeout: float | None = None
    connect_timeout: float | None = None
    retries: int | None = None
    exclude_private: bool | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """The ``[tool.claimkit]`` settings of one file; None/empty means "not set there"."""

    path: str | None  # the file read, None for the built-in defaults
    root: str  # globs and relative paths are taken from here
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors), in order
    severity: tuple[tuple[str, Severity], ...] = ()  # (rule code, severity)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None
    ratings: tuple[str, ...] = ()  # absolute paths
    dedupe_threshold: float | None = None
    max_file_size: int | None = None  # bytes
    verify: VerifyConfig = VerifyConfig()
    cache_dir: str | None = None  # absolute; lint uses the working directory's configuration
    # [rules.CODE] tables; dedupe.threshold lands here too, as CK301's threshold.
    rule_options: RuleOptions = field(default_factory=RuleOptions)
    origins: dict[str, str] = field(default_factory=dict)  # key -> "file:line"

    def relative(self, path: str) -> str:
        """``path`` relative to the configuration's directory, ``/``-separated."""
        absolute = os.path.abspath(path)
        try:
            relative = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive on Windows
            relative = absolute
        return relative.replace(os.sep, "/")


def defaults(root: str | None = None) -> Config:
    return Config(path=None, root=root or os.getcwd())
