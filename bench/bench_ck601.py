"""What CK601 (unsupported-number) adds to corpus lint time.

    python bench/bench_ck601.py [--files 1000] [--runs 9] [--consistent]

Lints one generated corpus (``generate_corpus.py``) with every default rule and with
``--ignore CK601``, the two runs interleaved so that the machine's drift hits both alike,
and prints the medians and their ratio. Then the same in one process without start-up or
workers: the rule's own time per document. Run it with the venv's python.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import generate, make_consistent
from timing import SCRIPT, wall


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def in_process(directory: str, runs: int) -> None:
    from claimkit.engine import LintJob, lint_document
    from claimkit.parse import parse_text
    from claimkit.selection import select_rules

    documents = [
        parse_text(path.read_text(encoding="utf-8"), path.name)
        for path in sorted(Path(directory).glob("*.md"))
    ]
    jobs = {
        "all rules": LintJob(select_rules()),
        "without CK601": LintJob(select_rules(None, ["CK601"])),
        "CK601 alone": LintJob(select_rules(["CK601"])),
    }
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            start = time.perf_counter()
            for document in documents:
                lint_document(document, job)
            times[name].append(time.perf_counter() - start)
    for name, values in times.items():
        per = statistics.median(values) / len(documents) * 1e3
        print(f"  rules only, one process, {name}: {per:.3f} ms a document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--consistent",
        action="store_true",
        help="summaries restate their cited claims (see make_consistent)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = os.path.join(tmp, "corpus")
        generate(directory, args.files)
        if args.consistent:
            make_consistent(directory)
        with_rule, without = [], []
        cpu_with, cpu_without = [], []
        for _ in range(args.runs):
            for command, walls, cpus in (
                ([SCRIPT, "lint", "-q", directory], with_rule, cpu_with),
                ([SCRIPT, "lint", "-q", "--ignore", "CK601", directory], without, cpu_without),
            ):
                before = _children_cpu()
                walls.append(wall(command))
                cpus.append(_children_cpu() - before)
        on, off = statistics.median(with_rule), statistics.median(without)
        print(
            f"claimkit lint DIR ({args.files} files), medians of {args.runs} interleaved: "
            f"{on:.3f} s with CK601, {off:.3f} s with --ignore CK601, ratio {on / off:.3f}"
        )
        # CPU time is steadier than wall time when other jobs share the cores.
        on, off = statistics.median(cpu_with), statistics.median(cpu_without)
        print(
            f"  CPU time (user + system, all processes): {on:.3f} s with CK601, "
            f"{off:.3f} s with --ignore CK601, ratio {on / off:.3f}"
        )
        in_process(directory, max(3, args.runs // 3))


if __name__ == "__main__":
    main()
