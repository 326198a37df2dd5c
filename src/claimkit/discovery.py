"""From command-line paths to the files to lint, each with the name to show for it."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Directories no one keeps explainers in, and that can be huge.
_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


class PathError(Exception):
    """A command-line path that does not exist: a usage error."""


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[tuple[str, str]]  # (path to open, path to show)
    empty_dirs: list[str]  # directories given that held no markdown at all
    # Paths that could not be walked (unreadable directory, name too long): (path, why).
    # Never skipped silently: every command reports them and exits non-zero.
    errors: list[tuple[str, str]] = field(default_factory=list)


def _reason(exc: OSError) -> str:
    return f"cannot read directory: {exc.strerror or exc}"


def _walk(
    directory: str, errors: list[tuple[str, str]], prune: Callable[[str], bool] | None = None
) -> list[str]:
    found: list[str] = []

    def failed(exc: OSError) -> None:
        errors.append((exc.filename or directory, _reason(exc)))

    for root, dirs, names in os.walk(directory, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        if prune is not None:
            dirs[:] = [d for d in dirs if not prune(os.path.join(root, d))]
        found.extend(
            os.path.join(root, name) for name in sorted(names) if name.endswith(MARKDOWN_SUFFIXES)
        )
    return found


def discover(paths: list[str], prune: Callable[[str], bool] | None = None) -> Discovered:
    """``prune``: directories (met while walking) not to descend into, e.g. excluded ones."""
    files: list[tuple[str, str]] = []
    empty: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for given in paths:
        try:
            os.stat(given)
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise PathError(f"path too long: {given[:80]}...") from None
        if os.path.isdir(given):
            before = len(errors)
            inside = _walk(given, errors, prune)
            if not inside and len(errors) == before:
                empty.append(given)
            for path in inside:
                key = os.path.realpath(path)
                if key not in seen:
                    seen.add(key)
                    files.append((path, path))
        elif os.path.lexists(given):
            key = os.path.realpath(given)
            if key not in seen:
                seen.add(key)
                files.append((given, given))
        else:
            raise PathError(f"path does not exist: {given}")
    return Discovered(files, empty, errors)
