"""Benchmark the dedupe engine on 10k, 100k and 1M generated claims.

Each measurement runs in a fresh subprocess, which reports its own wall time for the
engine (generation excluded) and its peak RSS (``ru_maxrss``, generation included: the
corpus has to be in memory anyway). Figures are medians over ``--repeat`` runs. The
comparison, measured in the same run: the exhaustive all-pairs baseline (rapidfuzz
``cdist`` over every pair, in C) against the engine on the smallest size, with the
ratio, and the share of the baseline's duplicate pairs that the LSH index recovers.

    python bench/bench_dedupe.py                      # 10k, 100k (3 runs each)
    python bench/bench_dedupe.py --sizes 1000000 --repeat 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(size: int, what: str) -> dict[str, object]:
    from claimkit.dedupe.detect import find_duplicates
    from corpus import generate

    if what == "corpus":
        elapsed, peak = corpus_run(size)
        return {"seconds": elapsed, "peak_mib": peak}
    data = generate(size)
    start = time.perf_counter()
    if what == "engine":
        found = find_duplicates(data.sentences)
        elapsed = time.perf_counter() - start
        flagged = {d.index: d for d in found}
        stats: dict[str, int] = {}
        for index, kind in enumerate(data.kind):
            if kind == "original":
                continue
            hit = flagged.get(index)
            if hit is None:
                outcome = "missed" if not kind.startswith("decoy") else "kept apart"
            elif kind.startswith("decoy") and hit.match.kind.value == "near":
                outcome = "FALSE MERGE"
            else:  # a decoy may exactly repeat another decoy made the same way
                outcome = "found"
            key = f"{kind}:{outcome}"
            stats[key] = stats.get(key, 0) + 1
        return {"seconds": elapsed, "peak_mib": _peak_mib(), "found": len(found), "stats": stats}
    # Baseline: every pair scored in C, then the same guards on the pairs above threshold.
    import numpy as np
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import cdist

    from claimkit.dedupe.similarity import DEFAULT_THRESHOLD
    from claimkit.text.normalize import normalize

    keys = [normalize(s) for s in data.sentences]
    scores = cdist(keys, keys, scorer=ratio, score_cutoff=DEFAULT_THRESHOLD, workers=1)
    pairs = np.argwhere(np.triu(scores, 1) >= DEFAULT_THRESHOLD)
    elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "peak_mib": _peak_mib(), "pairs": len(pairs)}


def corpus_run(claims: int, per_file: int = 10) -> tuple[float, float]:
    """End to end: ``claimkit dedupe DIR`` over generated explainer files (wall s, peak MiB)."""
    import tempfile

    from corpus import generate

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
    from builder import Explainer, Row, cite

    data = generate(claims)
    with tempfile.TemporaryDirectory() as directory:
        for number, start in enumerate(range(0, claims, per_file)):
            chunk = data.sentences[start : start + per_file]
            rows = [Row(str(i), s.replace("|", " ")) for i, s in enumerate(chunk, 1)]
            levels = {"summary": f"Text {cite(*[r.id for r in rows])}."}
            path = os.path.join(directory, f"{number:06d}.md")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(Explainer(levels=levels, rows=rows).text())
        start_time = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "claimkit", "dedupe", "-q", "--format", "json", directory],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        elapsed = time.perf_counter() - start_time
        # Run in a fresh ``--child`` process, so the dedupe run is its only child.
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(size: int, what: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(size), what],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline-size", type=int, default=10_000)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--corpus-claims", type=int, nargs="*", default=[], help="also time dedupe DIR end to end"
    )
    parser.add_argument("--child", nargs=2, metavar=("SIZE", "WHAT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(int(args.child[0]), args.child[1])))
        return

    print(f"{'claims':>9} {'median s':>9} {'min s':>7} {'peak MiB':>9} {'s per 100k':>10}")
    medians: dict[int, float] = {}
    for size in args.sizes:
        runs = [measure(size, "engine") for _ in range(args.repeat)]
        seconds = [float(str(r["seconds"])) for r in runs]
        peak = max(float(str(r["peak_mib"])) for r in runs)
        medians[size] = statistics.median(seconds)
        print(
            f"{size:>9,} {medians[size]:>9.2f} {min(seconds):>7.2f} {peak:>9.0f} "
            f"{medians[size] / size * 100_000:>10.2f}",
            flush=True,
        )
        print(f"          outcomes: {json.dumps(runs[0]['stats'], sort_keys=True)}", flush=True)
    for claims in args.corpus_claims:
        runs = [measure(claims, "corpus") for _ in range(args.repeat)]
        wall = statistics.median(float(str(r["seconds"])) for r in runs)
        print(
            f"claimkit dedupe DIR, {claims:,} claims in {claims // 10:,} files: "
            f"median {wall:.2f} s, peak {max(float(str(r['peak_mib'])) for r in runs):.0f} MiB "
            "(parse included)",
            flush=True,
        )
    if not args.no_baseline:
        size = args.baseline_size
        engine = [measure(size, "engine") for _ in range(args.repeat)]
        baseline = [measure(size, "baseline") for _ in range(args.repeat)]
        e = statistics.median(float(str(r["seconds"])) for r in engine)
        b = statistics.median(float(str(r["seconds"])) for r in baseline)
        print(
            f"comparison at {size:,} claims: all-pairs baseline {b:.2f} s, engine {e:.2f} s, "
            f"ratio {b / e:.1f}x (baseline pairs above threshold before guards: "
            f"{baseline[0]['pairs']})"
        )


if __name__ == "__main__":
    main()
