"""Writing a file claimkit derives (a cache shard, a page of the audit site) whole or not at all.

A temporary file beside the target, then a rename over it: a reader sees the old file or the
new one, never half of one. No fsync: such files are made again at will, and syncing each
would cost more than the run. The user's own files go through ``claimkit.fix.write``, which
also syncs, keeps modes and owners and checks the file did not change meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import time


def write_whole(path: str, data: bytes) -> None:
    """Replace ``path`` by ``data`` in one rename; OSError when it cannot be written (the
    temporary file is removed, also when the run is interrupted)."""
    directory, name = os.path.split(path)
    # Unique per process and call: concurrent runs and workers never share a temporary.
    temporary = os.path.join(directory, f".{name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
