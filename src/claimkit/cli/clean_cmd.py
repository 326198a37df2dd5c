"""``claimkit clean``: remove the lint result cache."""

from __future__ import annotations

from typing import Annotated

import typer

from claimkit.cli.options import ConfigFile, Isolated


def clean(
    cache_dir: Annotated[
        str | None,
        typer.Option(
            "--cache-dir",
            help="The cache to remove [default: $CLAIMKIT_CACHE_DIR, cache-dir, .claimkit_cache].",
            show_default=False,
        ),
    ] = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
) -> None:
    """Remove the lint result cache (the directory lint would use from here)."""
    import os

    from claimkit.cli.common import fail, note
    from claimkit.config import ConfigError, Resolver
    from claimkit.run.cache import cache_dir as resolve
    from claimkit.run.cache import clean as remove

    try:
        configured = Resolver(config, isolated).for_path(os.getcwd())
    except ConfigError as exc:
        fail(str(exc))
    directory = resolve(cache_dir, configured.cache_dir)
    try:
        removed = remove(directory)
    except OSError as exc:
        fail(f"cannot remove {directory}: {exc.strerror or exc}")
    note(f"removed {directory}" if removed else f"no cache at {directory}")
