"""Writing the site's files: whole or not at all, and one error for what cannot be written."""

from __future__ import annotations

import os
import stat

from claimkit.atomic import write_whole

__all__ = ["SiteError", "write_atomic"]


class SiteError(Exception):
    """The site could not be written (the message names the path and the reason)."""


def write_atomic(path: str, data: bytes) -> None:
    """Write ``path`` whole or not at all: a reader never sees half a page.

    No fsync: a site is regenerated at will, and a thousand syncs would cost more than the
    whole build (the rename alone is what keeps a page from ever being seen half-written).
    A file that already holds ``data`` is left as it is.
    """
    if _holds(path, data):
        return
    try:
        write_whole(path, data)
    except OSError as exc:
        raise SiteError(f"cannot write {path}: {exc.strerror or exc}") from None


def _holds(path: str, data: bytes) -> bool:
    """Whether ``path`` is a regular file with exactly ``data`` in it.

    A rebuild after editing a few documents then rewrites only their pages (and the index):
    the other pages keep their time stamps, so a copy to a web server sends what changed, and
    creating a file is the costliest step of writing one.
    """
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read(len(data) + 1) == data
    except OSError:
        return False
