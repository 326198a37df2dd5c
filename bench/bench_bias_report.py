"""bias-report against lint over the same corpus: the issue's budget is 1.2x lint.

    python bench/bench_bias_report.py [--files 10000] [--runs 5] [--corpus DIR]

Run it with the venv's python: it times the ``claimkit`` script beside ``sys.executable``.
Both commands run over the same directory, interleaved run by run so that machine noise
hits both alike; prints the medians and their ratio. Without --corpus, a deterministic
corpus is generated (bench/generate_corpus.py) in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate
from timing import SCRIPT, wall


def compare(directory: str, runs: int) -> None:
    files = sorted(Path(directory).glob("*.md"))
    lint, report = [], []
    for _ in range(runs):
        lint.append(wall([SCRIPT, "lint", "-q", directory]))
        report.append(wall([SCRIPT, "bias-report", "-q", "--format", "json", directory]))
    k, r = statistics.median(lint), statistics.median(report)
    print(
        f"{len(files)} files, {os.cpu_count()} cores, medians of {runs}: "
        f"lint {k:.2f} s, bias-report {r:.2f} s, ratio {r / k:.2f}x (budget 1.20x)"
    )


def single(path: str, runs: int) -> None:
    lint, report = [], []
    for _ in range(runs):
        lint.append(wall([SCRIPT, "lint", "-q", path]))
        report.append(wall([SCRIPT, "bias-report", "-q", "--format", "json", path]))
    k, r = statistics.median(lint), statistics.median(report)
    print(
        f"one file, medians of {runs}: lint {k * 1000:.0f} ms, "
        f"bias-report {r * 1000:.0f} ms, ratio {r / k:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", help="an existing directory of explainers to use instead")
    args = parser.parse_args()
    if args.corpus:
        first = sorted(Path(args.corpus).glob("*.md"))[0]
        single(str(first), args.runs * 3)
        compare(args.corpus, args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(os.path.join(tmp, "corpus"), args.files)
        single(paths[0], args.runs * 3)
        compare(os.path.join(tmp, "corpus"), args.runs)


if __name__ == "__main__":
    main()
