"""Files and configuration for a run: what every command starts from.

From the paths on the command line to the files to work on, each with the configuration
that applies to it (the nearest ``claimkit.toml``, ``.claimkit.toml`` or ``[tool.claimkit]``
above it): ``include``, ``exclude``, ``per-file-ignores``, ``--force-exclude`` and the
ratings setting are honoured the same way by lint, dedupe, bias-report and verify.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from claimkit.plan import Flags, Planner


class WorkspaceError(Exception):
    """A bad configuration, selector or path: a usage error (exit 2)."""


@dataclass(slots=True)
class Workspace:
    planner: Planner
    files: list[tuple[str, str]]  # (path to open, path to show), excludes applied
    empty_dirs: list[str] = field(default_factory=list)  # directories given, no markdown
    # Paths that could not be walked (unreadable directory, name too long): (path, why).
    errors: list[tuple[str, str]] = field(default_factory=list)

    def ratings_files(self, path: str) -> tuple[str, ...]:
        """The ratings files that apply to ``path``: its configuration's, then the flags'."""
        settings = self.planner.job(path).settings
        return settings.ratings_files


def open_workspace(
    paths: Sequence[str],
    flags: Flags | None = None,
    *,
    config_file: str | None = None,
    isolated: bool = False,
    force_exclude: bool = False,
) -> Workspace:
    """Resolve configuration and walk ``paths`` (``-``, standard input, is left to the caller)."""
    from claimkit.config import ConfigError, Resolver
    from claimkit.discovery import PathError, discover
    from claimkit.selection import SelectionError, expand

    flags = flags or Flags()
    from claimkit.config import globs

    for pattern in (*(flags.exclude or ()), *flags.extend_exclude):
        problem = globs.check(pattern)
        if problem:
            raise WorkspaceError(f"--exclude: {problem}")
    try:
        for selectors in (flags.select, flags.ignore, flags.extend_select):
            expand(selectors)
        planner = Planner(Resolver(config_file, isolated), flags)
        given = [p for p in paths if p != "-"]
        found = discover(given, planner.excluded)
        files = planner.select_files(found.files, given, force_exclude)
    except (ConfigError, SelectionError, PathError) as exc:
        raise WorkspaceError(str(exc)) from None
    return Workspace(planner, files, found.empty_dirs, found.errors)
