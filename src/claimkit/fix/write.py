"""Atomic writes: a temporary file beside the target, fsync, then rename over it."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from claimkit.model import Document
from claimkit.parse.reader import BOM


def encode(document: Document, text: str) -> bytes:
    """Bytes for new text of ``document``, with its BOM kept."""
    return ((BOM if document.bom else "") + text).encode("utf-8")


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = None
    descriptor, temporary = tempfile.mkstemp(prefix=".claimkit-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    # Make the rename itself durable.
    with contextlib.suppress(OSError):
        directory_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(directory_fd)
        finally:
            os.close(directory_fd)
