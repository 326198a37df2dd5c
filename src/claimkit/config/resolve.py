"""Which configuration governs a file: ``--config``, ``--isolated``, or the nearest file up."""

from __future__ import annotations

import os

from claimkit.config.load import FILE_NAMES, has_table, load
from claimkit.config.model import Config, defaults


def find_config_file(directory: str) -> str | None:
    """The configuration file that lives in ``directory`` itself, or None."""
    for name in FILE_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and (name != "pyproject.toml" or has_table(candidate)):
            return candidate
    return None


class Resolver:
    """Finds and caches configurations per directory: a lint of one file costs a few stats."""

    def __init__(self, config_file: str | None = None, isolated: bool = False) -> None:
        self._fixed: Config | None = None
        if isolated:
            self._fixed = defaults()
        elif config_file is not None:
            self._fixed = load(config_file)
        self._by_dir: dict[str, Config] = {}
        self._by_file: dict[str, Config] = {}

    @classmethod
    def fixed(cls, config: Config) -> Resolver:
        """Every path gets ``config``: no search (the Python API's ``config=``)."""
        resolver = cls(isolated=True)
        resolver._fixed = config
        return resolver

    def for_path(self, path: str) -> Config:
        """The configuration for a file (searched from its directory) or a directory."""
        if self._fixed is not None:
            return self._fixed
        absolute = os.path.abspath(path)
        start = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
        return self._for_dir(start)

    def _for_dir(self, directory: str) -> Config:
        walked: list[str] = []
        found: Config | None = None
        current = directory
        while True:
            cached = self._by_dir.get(current)
            if cached is not None:
                found = cached
                break
            walked.append(current)
            candidate = find_config_file(current)
            if candidate is not None:
                found = self._load(candidate)
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        if found is None:
            found = defaults()
        for visited in walked:
            self._by_dir[visited] = found
        return found

    def _load(self, path: str) -> Config:
        if path not in self._by_file:
            self._by_file[path] = load(path)
        return self._by_file[path]
