"""Opening users' files: only regular files, and never more than a bounded number of bytes.

Every command reads explainers through here. Opening is non-blocking, so a FIFO (or a
device) named ``*.md`` is refused at once instead of hanging the run, and reading stops one
byte past the size cap whatever ``stat`` claimed (``/dev/zero``, a file that grows). What
was read is remembered as a ``Snapshot``, so a rewrite can tell whether the file changed
since.
"""

from __future__ import annotations

import os
import stat
from typing import NamedTuple

from claimkit.model import Document
from claimkit.parse import UnreadableError, parse_bytes

# Well above any real explainer (a 15,000-claim stress file is 20 MB); configurable as
# ``max-file-size``.
DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024
_CHUNK = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class CannotRead(UnreadableError):
    """The operating system would not give the bytes (permission, not a regular file, I/O).

    Unlike content CK001 cannot judge (binary, not UTF-8), this is never skipped silently:
    it is reported even when CK001 is not selected.
    """


class Snapshot(NamedTuple):
    """What a file was when it was read: a rewrite proceeds only if it still is."""

    size: int
    mtime_ns: int
    digest: bytes  # SHA-256 of the bytes read


class Read(NamedTuple):
    data: bytes
    size: int  # as fstat said when the file was opened
    mtime_ns: int

    def snapshot(self) -> Snapshot:
        return Snapshot(self.size, self.mtime_ns, sha256(self.data))


def sha256(data: bytes) -> bytes:
    """SHA-256 without loading OpenSSL (``hashlib`` costs every lint run ~6 ms to import)."""
    try:
        from _sha256 import sha256 as digest  # type: ignore[import-not-found]
    except ImportError:  # a build without it, or a Python that renamed it (3.12: _sha2)
        from hashlib import sha256 as digest
    return bytes(digest(data).digest())


def describe_size(limit: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if limit >= factor and limit % factor == 0:
            return f"{limit // factor} {unit}"
    return f"{limit} bytes"


def _too_large(limit: int) -> UnreadableError:
    return UnreadableError(f"file is larger than the {describe_size(limit)} limit (max-file-size)")


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return os.strerror(exc.errno) if exc.errno else str(exc)


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not opened, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return kind if kind.startswith("is ") else f"not a regular file: {kind}"
    return "not a regular file"


def read_regular(path: str, limit: int = DEFAULT_MAX_FILE_SIZE) -> Read:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or UnreadableError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise CannotRead(_reason(exc)) from None
    try:
        info = os.fstat(descriptor)
        problem = not_regular(info.st_mode)
        if problem is not None:
            raise CannotRead(problem)
        if info.st_size > limit:
            raise _too_large(limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            want = min(_CHUNK, max(info.st_size + 1, 1 << 16), limit + 1 - total)
            chunk = os.read(descriptor, want)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while being read
            raise _too_large(limit)
    except OSError as exc:
        raise CannotRead(_reason(exc)) from None
    finally:
        os.close(descriptor)
    return Read(b"".join(chunks), info.st_size, info.st_mtime_ns)


def read_document(
    path: str, display: str | None = None, limit: int = DEFAULT_MAX_FILE_SIZE
) -> tuple[Document, Snapshot]:
    """Read and parse ``path``; UnreadableError (CK001's reasons) when it cannot be."""
    read = read_regular(path, limit)
    return parse_bytes(read.data, display if display is not None else path), read.snapshot()


def parse_path(
    path: str, display: str | None = None, limit: int = DEFAULT_MAX_FILE_SIZE
) -> Document:
    """Read and parse ``path`` for checking only (no snapshot: nothing will be written)."""
    return parse_bytes(read_regular(path, limit).data, display if display is not None else path)
