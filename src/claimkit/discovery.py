"""From command-line paths to the files to lint, each with the name to show for it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Directories no one keeps explainers in, and that can be huge.
_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages"}


class PathError(Exception):
    """A command-line path that does not exist: a usage error."""


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[tuple[str, str]]  # (path to open, path to show)
    empty_dirs: list[str]  # directories given that held no markdown at all


def _walk(directory: str, prune: Callable[[str], bool] | None = None) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
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
    seen: set[str] = set()
    for given in paths:
        if os.path.isdir(given):
            inside = _walk(given, prune)
            if not inside:
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
    return Discovered(files, empty)
