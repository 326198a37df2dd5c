"""claimkit next to rumdl on one corpus, cold and warm, in the same run, interleaved.

    python bench/bench_side_by_side.py [--files 10000] [--runs 5] [--single-runs 15]
        [--consistent | --corpus DIR]

Run it with a non-editable install's python, with rumdl installed into that same venv
(``python3 -m venv /tmp/b16 && /tmp/b16/bin/pip install . rumdl``): the bench installs
nothing and, without rumdl beside the interpreter or on PATH, times claimkit alone and says
so. rumdl (a Rust markdown linter, https://github.com/rvben/rumdl) checks markdown style, far
less than claimkit does; it is here as the speed users of cached linters expect.

Every round runs each command once, in the same order, so a slow spell of the shared
machine hits all alike; the figures are medians over rounds and the ratios the issue
checks are printed at the end:

- rumdl cold (``--no-cache``) and warm (its cache filled, nothing changed);
- claimkit cold (``--no-cache``) and warm (its cache filled, nothing changed);
- claimkit with one changed file among them (a different file rewritten before each run);
- ``claimkit lint FILE`` next to ``python -c pass``, alternated ``--single-runs`` times,
  warm (the default, as a repeated pre-commit run) and with ``--no-cache``.

It also checks that claimkit's findings are identical with and without the cache.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_corpus import explainer, generate, make_consistent
from timing import SCRIPT, wall


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = wall(command, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def _rumdl() -> str | None:
    beside = Path(sys.executable).with_name("rumdl")
    return str(beside) if beside.exists() else shutil.which("rumdl")


def _output(command: list[str], cwd: Path) -> bytes:
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return done.stdout


def _copies(source: Path, corpus: Path, files: int) -> list[str]:
    """``files`` copies of the explainers in ``source``, taken in turn."""
    originals = sorted(source.rglob("*.md"))
    if not originals:
        raise SystemExit(f"no .md files in {source}")
    corpus.mkdir(parents=True)
    paths = []
    for number in range(files):
        original = originals[number % len(originals)]
        path = corpus / f"{original.stem}-{number:05d}.md"
        shutil.copyfile(original, path)
        paths.append(str(path))
    return paths


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--single-runs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--consistent",
        action="store_true",
        help="summaries restate their cited claims, as pipelines' mostly do (make_consistent); "
        "as generated, every summary sentence has a figure no claim holds (CK601: ~17 a file)",
    )
    parser.add_argument(
        "--corpus",
        metavar="DIR",
        help="instead of generating, copy DIR's .md files (real explainers) round-robin "
        "until there are --files of them",
    )
    args = parser.parse_args()
    rumdl = _rumdl()
    if rumdl is None:
        print("rumdl not found beside this python or on PATH: pip install rumdl into the bench")
        print("venv to compare; timing claimkit alone.")
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        corpus = root / "corpus"
        if args.corpus:
            paths = _copies(Path(args.corpus), corpus, args.files)
        else:
            paths = generate(str(corpus), args.files, seed=args.seed)
        if args.consistent:
            make_consistent(str(corpus))
        size = sum(os.path.getsize(p) for p in paths)
        print(f"corpus: {len(paths):,} files, {size / 1e6:.1f} MB, {os.cpu_count()} cores")
        rng = random.Random(args.seed)
        changes = [explainer(rng) for _ in range(2)]
        commands: dict[str, list[str]] = {}
        if rumdl is not None:
            commands["rumdl cold"] = [rumdl, "check", "--no-cache", "-q", "corpus"]
            commands["rumdl warm"] = [rumdl, "check", "-q", "corpus"]
        commands["claimkit cold"] = [SCRIPT, "lint", "-q", "--no-cache", "corpus"]
        commands["claimkit warm"] = [SCRIPT, "lint", "-q", "corpus"]
        commands["claimkit one changed"] = [SCRIPT, "lint", "-q", "corpus"]

        # Same findings with and without the cache: cold, filling, then warm.
        json_cold = _output([SCRIPT, "lint", "--format", "json", "--no-cache", "corpus"], root)
        json_fill = _output([SCRIPT, "lint", "--format", "json", "corpus"], root)
        json_warm = _output([SCRIPT, "lint", "--format", "json", "corpus"], root)
        same = json_cold == json_fill == json_warm
        print(f"findings identical cold / filling / warm: {same} ({len(json_cold):,} bytes)")
        if rumdl is not None:
            wall(commands["rumdl warm"], root)  # fill rumdl's cache

        timings: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(args.runs):
            for name, command in commands.items():
                if name == "claimkit one changed":
                    victim = paths[(round_ * 997) % len(paths)]
                    Path(victim).write_text(changes[round_ % 2], encoding="utf-8")
                seconds, used = timed(command, root)
                timings[name].append(seconds)
                cpu[name].append(used)
        print(f"\nmedians of {args.runs} interleaved rounds (wall; CPU summed over processes):")
        for name, values in timings.items():
            spread = f"{min(values):.2f}-{max(values):.2f}"
            print(
                f"  {name:<22} {_median(values):7.3f} s  (range {spread})  "
                f"cpu {_median(cpu[name]):6.2f} s"
            )

        single = Path(paths[0])
        pairs: dict[str, list[float]] = {"python -c pass": [], "lint FILE": [], "no-cache": []}
        wall([SCRIPT, "lint", str(single)], root)
        for _ in range(args.single_runs):
            pairs["python -c pass"].append(wall([sys.executable, "-c", "pass"], root))
            pairs["lint FILE"].append(wall([SCRIPT, "lint", str(single)], root))
            pairs["no-cache"].append(wall([SCRIPT, "lint", "--no-cache", str(single)], root))
        bare = _median(pairs["python -c pass"])
        one = _median(pairs["lint FILE"])
        one_cold = _median(pairs["no-cache"])

    m = {name: _median(values) for name, values in timings.items()}

    def pairwise(a: str, b: str) -> str:
        # Round by round, so a slow spell that hits both runs of a round cancels out.
        ratios = [x / y for x, y in zip(timings[a], timings[b], strict=True)]
        cpus = _median(cpu[a]) / _median(cpu[b])
        return f"pairwise median {_median(ratios):.2f}x, cpu {cpus:.2f}x"

    print(f"\nclaimkit lint FILE: {one * 1000:.1f} ms warm, {one_cold * 1000:.1f} ms --no-cache;")
    print(f"python -c pass {bare * 1000:.1f} ms (medians of {args.single_runs}, alternated)")
    print("\nthe issue's checks:")
    if rumdl is not None:
        _check("claimkit warm / rumdl warm", m["claimkit warm"] / m["rumdl warm"], 1.5)
        print(f"    {pairwise('claimkit warm', 'rumdl warm')}")
    _check("one changed / claimkit warm", m["claimkit one changed"] / m["claimkit warm"], 1.5)
    print(f"    {pairwise('claimkit one changed', 'claimkit warm')}")
    if rumdl is not None:
        _check("claimkit cold / rumdl cold", m["claimkit cold"] / m["rumdl cold"], 2.5)
        print(f"    {pairwise('claimkit cold', 'rumdl cold')}")
    _check("lint FILE / python -c pass", one / bare, 9.0)
    _check("lint --no-cache FILE / python -c pass", one_cold / bare, 9.0)


def _check(what: str, ratio: float, limit: float) -> None:
    verdict = "met" if ratio <= limit else "MISSED"
    print(f"  {what:<40} {ratio:5.2f}x  (target <= {limit}x: {verdict})")


if __name__ == "__main__":
    main()
