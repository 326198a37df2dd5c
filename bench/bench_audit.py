"""Audit site speed and size next to lint on the same corpus.

    python bench/bench_audit.py [--files 1000] [--runs 7] [--seed 7] [--corpus DIR]

Run it with the venv's python (the ``claimkit`` script beside ``sys.executable`` is timed).
``lint -q --no-cache DIR`` and ``audit -q DIR --html OUT`` alternate run by run, so machine
noise hits both alike; each audit writes a fresh directory. Both do the whole analysis: lint
without its result cache (an unchanged tree then costs lint next to nothing, see
``bench_side_by_side.py``), the audit as it always runs. Prints the medians, their ratio, and the
size of the index page and of the whole site.
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


def _size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", help="use this directory instead of generating one")
    parser.add_argument(
        "--all",
        action="store_true",
        help="also time dedupe and bias-report, the other commands the audit subsumes",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimkit-audit-bench-") as scratch:
        corpus = Path(args.corpus) if args.corpus else Path(scratch) / "corpus"
        if not args.corpus:
            generate(str(corpus), args.files, args.seed)
        files = len(list(corpus.glob("*.md")))
        lint: list[float] = []
        audit: list[float] = []
        others: dict[str, list[float]] = {"dedupe": [], "bias-report": []}
        site = Path(scratch) / "site"
        for run in range(args.runs):
            lint.append(wall([SCRIPT, "lint", "-q", "--no-cache", str(corpus)]))
            # A new folder each run, the old ones removed at the end: deleting tens of
            # megabytes of pages just before a run slowed that run's file creation by up to
            # half (ext4 on this VM), a cost of the bench, not of the audit.
            site = Path(scratch) / f"site-{run}"
            audit.append(wall([SCRIPT, "audit", "-q", str(corpus), "--html", str(site)]))
            if args.all:
                others["dedupe"].append(wall([SCRIPT, "dedupe", "-q", str(corpus)]))
                others["bias-report"].append(
                    wall([SCRIPT, "bias-report", "-q", "--format", "json", str(corpus)])
                )
        lm, am = statistics.median(lint), statistics.median(audit)
        index = (site / "index.html").stat().st_size
        print(
            f"{files} files: lint {lm:.2f} s, audit --html {am:.2f} s, ratio {am / lm:.2f}x "
            f"(medians of {args.runs}, interleaved, {os.cpu_count()} cores)"
        )
        print(
            f"index.html {index / 1e6:.2f} MB, site {_size(site) / 1e6:.1f} MB "
            f"in {sum(1 for _ in site.rglob('*.html'))} pages"
        )
        for name, times in others.items():
            if times:
                m = statistics.median(times)
                print(f"{name} {m:.2f} s ({m / lm:.2f}x lint)")
        print("lint runs: " + ", ".join(f"{t:.2f}" for t in lint))
        print("audit runs: " + ", ".join(f"{t:.2f}" for t in audit))


if __name__ == "__main__":
    main()
