"""Lint speed: one file next to the bare interpreter, and corpus throughput.

    python bench/bench_lint.py [--runs 15] [--corpus-runs 3] [--sizes 1000,10000]

Run it with the venv's python: the entry point timed is the ``claimkit`` script beside
``sys.executable``, and the comparison is that same interpreter running ``-c pass``, measured
interleaved in the same run so that machine noise hits both alike. Prints medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate
from timing import SCRIPT, wall


def single_file(path: str, runs: int) -> None:
    bare, typer_only, lint = [], [], []
    for _ in range(runs):
        bare.append(wall([sys.executable, "-c", "pass"]))
        # The floor any typer application starts from, for scale.
        typer_only.append(wall([sys.executable, "-c", "import typer.main"]))
        lint.append(wall([SCRIPT, "lint", path]))
    b, t, k = (statistics.median(x) for x in (bare, typer_only, lint))
    print(
        f"single file: claimkit lint {k * 1000:.1f} ms, python -c pass {b * 1000:.1f} ms, "
        f"ratio {k / b:.1f}x; import typer alone {t * 1000:.1f} ms ({t / b:.1f}x)  "
        f"(medians of {runs})"
    )


def corpus(directory: str, runs: int) -> None:
    files = sorted(Path(directory).glob("*.md"))
    size = sum(f.stat().st_size for f in files)
    times = [wall([SCRIPT, "lint", "-q", directory]) for _ in range(runs)]
    t = statistics.median(times)
    print(
        f"corpus {len(files)} files ({size / 1e6:.1f} MB): {t:.2f} s, "
        f"{len(files) / t:,.0f} files/s, {size / 1e6 / t:.1f} MB/s  "
        f"(median of {runs}, {os.cpu_count()} cores)"
    )


def parse_throughput(directory: str, runs: int) -> None:
    """In-process parse speed of claimkit's scanner, next to markdown-it-py when installed.

    markdown-it-py is the obvious alternative approach; CommonMark turns the whole slider into
    one raw HTML block, so it would not even find the citations, and it is slower besides.
    """
    from claimkit.parse import parse_text

    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(directory).glob("*.md"))]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    contenders: list[tuple[str, object]] = [("claimkit.parse", parse_text)]
    try:
        from markdown_it import MarkdownIt

        markdown = MarkdownIt("commonmark").enable("table")
        contenders.append(("markdown-it-py (tokens only)", markdown.parse))
    except ImportError:
        print("(markdown-it-py not installed: pip install markdown-it-py to compare)")
    results = {}
    for name, parse in contenders:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for text in texts:
                parse(text)  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        results[name] = megabytes / statistics.median(times)
    base = results["claimkit.parse"]
    for name, speed in results.items():
        print(f"parse, one process: {name} {speed:.1f} MB/s ({speed / base:.2f}x claimkit)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--corpus-runs", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        biggest = max(int(s) for s in args.sizes.split(","))
        paths = generate(os.path.join(tmp, "corpus"), biggest)
        single_file(paths[0], args.runs)
        for size in sorted(int(s) for s in args.sizes.split(",")):
            subset = os.path.join(tmp, f"c{size}")
            os.makedirs(subset)
            for path in paths[:size]:
                os.link(path, os.path.join(subset, os.path.basename(path)))
            corpus(subset, args.corpus_runs)
            if size == min(int(s) for s in args.sizes.split(",")):
                parse_throughput(subset, args.corpus_runs)


if __name__ == "__main__":
    main()
