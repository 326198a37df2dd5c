"""verify against a server that sends its response one byte a second.

    .venv/bin/python bench/bench_drip.py

The server (127.0.0.1, tests/verify_server.py) drips the status line, the headers and a
small page one byte per second; `claimkit verify --timeout 2` must give up after about
2 s (before the total deadline, every byte reset the per-read timeout: 39-91 s).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from builder import Explainer, Row, cite
from timing import SCRIPT, wall
from verify_server import Reply, serve


def main() -> None:
    with serve() as server, tempfile.TemporaryDirectory() as directory:
        server.route("/drip", Reply(200, b"<p>" + b"x" * 200 + b"</p>", {}, drip=1.0))
        body = f"Traffic will grow {cite('1')}."
        doc = Explainer(
            levels={"less-detailed": body, "summary": body, "more-detailed": body},
            rows=[Row("1", "The canal cut daily crossings.", url=server.url("/drip"))],
        )
        path = Path(directory) / "drip.md"
        path.write_text(doc.text(), encoding="utf-8")
        for timeout in ("2", "5"):
            seconds = wall([SCRIPT, "verify", "--no-cache", "--timeout", timeout, str(path)])
            print(f"verify --timeout {timeout} against a 1 byte/s server: {seconds:.2f} s")


if __name__ == "__main__":
    main()
