"""Writing the site's files: whole or not at all, and one error for what cannot be written."""

from __future__ import annotations

import contextlib
import os

__all__ = ["SiteError", "write_atomic"]


class SiteError(Exception):
    """The site could not be written (the message names the path and the reason)."""


def write_atomic(path: str, data: bytes) -> None:
    """Write ``path`` whole or not at all: a reader never sees half a page.

    No fsync: a site is regenerated at will, and a thousand syncs would cost more than the
    whole build (the rename alone is what keeps a page from ever being seen half-written).
    """
    directory = os.path.dirname(path) or "."
    temporary = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from None
