"""The database a run uses, loaded once per process and per set of extra files."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimkit.ratings.lookup import Database
    from claimkit.settings import Settings

_loaded: dict[tuple[str, ...], Database] = {}


def database_for(files: tuple[str, ...] = ()) -> Database:
    """The shipped database with ``files`` layered over it; RatingsError when one is bad."""
    found = _loaded.get(files)
    if found is None:
        from claimkit.ratings.load import load_layers
        from claimkit.ratings.lookup import Database

        found = Database(load_layers(files))
        _loaded[files] = found
    return found


def database(settings: Settings) -> Database:
    return database_for(tuple(settings.ratings_files))
