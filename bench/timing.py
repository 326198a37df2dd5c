"""What every bench shares: the venv's claimkit script and the wall time of one command."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

# The entry point beside this interpreter: a `claimkit` elsewhere on PATH is another install.
SCRIPT = str(Path(sys.executable).with_name("claimkit"))


def wall(command: list[str], cwd: Path | None = None) -> float:
    """Seconds one run of ``command`` takes, its output discarded."""
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.perf_counter() - start
