"""Rewriting users' files without losing anything: theirs, a concurrent edit, or the disk.

A rewrite replaces the file atomically (a crash leaves the old file or the new one) and
only when it is still what was read: an edit saved meanwhile wins, and the run says so.
It writes through a symlink to its target, keeps mode and owner, and refuses, unless
forced, a read-only file and a file with several hard links (a rename would split them).
The temporary file is anonymous (``O_TMPFILE``) where the platform has one and gets its
name only for the final rename; elsewhere it carries the writer's PID, so a later run
removes what a killed one left.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time

from claimkit import lazy_re
from claimkit.files import Snapshot, read_regular, sha256
from claimkit.model import Document
from claimkit.parse import UnreadableError
from claimkit.parse.reader import BOM

_PREFIX = ".claimkit-"
_STALE = lazy_re.compile(r"\.claimkit-(?:(\d+)-)?[^/]*\.tmp\Z")
# Temporary files of versions that did not record their PID: gone after an hour.
_OLD_TEMPORARY_AGE = 3600.0
_cleaned: set[str] = set()


class WriteError(Exception):
    """A file that was not rewritten; the message is one line for the user."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message  # the operating system's words, when it gave some


def encode(document: Document, text: str) -> bytes:
    """Bytes for new text of ``document``, with its BOM kept."""
    return ((BOM if document.bom else "") + text).encode("utf-8")


def rewrite(path: str, data: bytes, read: Snapshot, *, force: bool = False) -> None:
    """Replace the user's file ``path`` by ``data`` if it is still what ``read`` says."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise WriteError("not written: the file was removed while claimkit ran") from None
    except OSError as exc:
        raise _cannot(exc) from None
    if not force:
        if info.st_nlink > 1:
            raise WriteError(
                f"not written: the file has {info.st_nlink} hard links and a rewrite would "
                "split them (use --force)"
            )
        # The mode bits for everyone (root writes anything), access() for the rest: a
        # rename in a writable directory would replace a file we may not write.
        if not info.st_mode & 0o222 or (os.geteuid() != 0 and not os.access(target, os.W_OK)):
            raise WriteError("not written: the file is read-only (use --force)")
    _unchanged(target, read)
    _replace(target, data, info, read, keep_owner=not force)


def write_output(path: str, data: bytes) -> None:
    """Write an output file (``-o``): a new one gets the umask's mode, an old one keeps its."""
    target = os.path.realpath(path)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    _replace(target, data, info, None, keep_owner=False)


def _cannot(exc: OSError) -> WriteError:
    reason = exc.strerror or str(exc)
    return WriteError(f"cannot write: {reason}", reason)


def _unchanged(target: str, read: Snapshot) -> None:
    """WriteError unless ``target`` still has the size, mtime and content that were read."""
    try:
        info = os.stat(target)
        same = (info.st_size, info.st_mtime_ns) == (read.size, read.mtime_ns)
        if same and sha256(read_regular(target, read.size).data) == read.digest:
            return
    except (OSError, UnreadableError):
        pass
    raise WriteError("not written: the file changed while claimkit ran (run again)")


def _umask_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _replace(
    target: str,
    data: bytes,
    info: os.stat_result | None,
    read: Snapshot | None,
    *,
    keep_owner: bool,
) -> None:
    directory = os.path.dirname(target)
    _clean_stale(directory)
    try:
        descriptor, named = _temporary(directory)
    except OSError as exc:
        raise _cannot(exc) from None
    temporary: str | None = named
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
        if info is not None:
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(descriptor, info.st_uid, info.st_gid)
                except PermissionError:
                    # Only root may give a file away: the rewrite would make it ours.
                    if keep_owner:
                        raise WriteError(
                            "not written: the file belongs to another user and a rewrite "
                            "would change its owner (use --force)"
                        ) from None
            os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
        else:
            os.fchmod(descriptor, _umask_mode())
        if temporary is None:
            temporary = _name(descriptor, directory)
        if read is not None:
            _unchanged(target, read)  # the last moment an edit can still win
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise _cannot(exc) from None
    finally:
        os.close(descriptor)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    # Make the rename itself durable.
    with contextlib.suppress(OSError):
        directory_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(directory_fd)
        finally:
            os.close(directory_fd)


def _temporary(directory: str) -> tuple[int, str | None]:
    """A descriptor to write to, and its name (None while it is anonymous)."""
    anonymous = getattr(os, "O_TMPFILE", 0)
    if anonymous and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(directory, anonymous | os.O_WRONLY | os.O_CLOEXEC, 0o600), None
        except OSError:
            pass  # the file system has no anonymous files: a named one then
    descriptor, name = tempfile.mkstemp(
        prefix=f"{_PREFIX}{os.getpid()}-", suffix=".tmp", dir=directory
    )
    return descriptor, name


def _name(descriptor: int, directory: str) -> str:
    """Give the anonymous file a name beside the target, for the rename."""
    # A directory descriptor makes os.link call linkat(AT_SYMLINK_FOLLOW); plain link()
    # would link the /proc symlink itself and fail with EXDEV.
    directory_fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
    try:
        for _ in range(100):
            name = f"{_PREFIX}{os.getpid()}-{os.urandom(6).hex()}.tmp"
            try:
                os.link(
                    f"/proc/self/fd/{descriptor}", name, dst_dir_fd=directory_fd,
                    follow_symlinks=True,
                )  # fmt: skip
            except FileExistsError:
                continue
            return os.path.join(directory, name)
    finally:
        os.close(directory_fd)
    raise FileExistsError("no free temporary name")


def _clean_stale(directory: str) -> None:
    """Remove temporary files that writers killed mid-write left here (once per run)."""
    if directory in _cleaned:
        return
    _cleaned.add(directory)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        found = _STALE.match(entry.name)
        if found is None:
            continue
        with contextlib.suppress(OSError):
            if not entry.is_file(follow_symlinks=False):
                continue
            if found[1] is not None:
                if _alive(int(found[1])):
                    continue
            elif now - entry.stat(follow_symlinks=False).st_mtime < _OLD_TEMPORARY_AGE:
                continue
            os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
