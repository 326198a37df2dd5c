"""How well CK301 / ``claimkit dedupe`` judges duplicates: MRPC precision, recall, false merges.

Runs every pair of the MRPC test split (1,725 news sentence pairs labelled by people:
1 = the same meaning) through ``find_duplicates``, the one decision ``dedupe`` and CK301
use, and prints, at the default threshold and at a range of others:

- precision: the share of flagged pairs that people called paraphrases;
- recall: the share of the paraphrases that were flagged;
- false-merge rate: the share of the non-paraphrases that were flagged (a merge of two
  different claims, the error that matters most).

The corpus is third-party text and is read where it lies (``../shared/data/mrpc/``,
beside the repository), never copied into the project.

    python bench/bench_dedupe_quality.py
    python bench/bench_dedupe_quality.py --data PATH --thresholds 80 85 90 95 --show-errors
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "mrpc" / "msr_paraphrase_test.txt"
)


@dataclass(frozen=True, slots=True)
class Pair:
    label: bool
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class Scores:
    threshold: float
    flagged: int
    true_positive: int
    positives: int
    negatives: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.positives if self.positives else 0.0

    @property
    def false_merge_rate(self) -> float:
        false = self.flagged - self.true_positive
        return false / self.negatives if self.negatives else 0.0


def load(path: Path) -> list[Pair]:
    """The labelled pairs of an MRPC file (tab-separated, header line, UTF-8 with BOM)."""
    pairs: list[Pair] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) == 5 and row[0] in {"0", "1"}:
                pairs.append(Pair(row[0] == "1", row[3], row[4]))
    return pairs


def judge(pairs: list[Pair], threshold: float | None) -> list[bool]:
    """Whether the engine calls each pair a duplicate (the later sentence repeats the first)."""
    from claimkit.dedupe.detect import find_duplicates

    return [bool(find_duplicates([p.a, p.b], threshold)) for p in pairs]


def scores(pairs: list[Pair], verdicts: list[bool], threshold: float) -> Scores:
    positives = sum(p.label for p in pairs)
    flagged = sum(verdicts)
    hits = sum(1 for p, v in zip(pairs, verdicts, strict=True) if v and p.label)
    return Scores(threshold, flagged, hits, positives, len(pairs) - positives)


def line(s: Scores, default: bool) -> str:
    mark = "  (default)" if default else ""
    return (
        f"{s.threshold:>9g}  {s.flagged:>7}  {s.precision:>9.3f}  {s.recall:>6.3f}  "
        f"{100 * s.false_merge_rate:>10.2f}%{mark}"
    )


def main(argv: list[str] | None = None) -> int:
    from claimkit.dedupe.similarity import DEFAULT_THRESHOLD

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=[70, 75, 80, 85, 88, 90, 92, 95]
    )
    parser.add_argument("--show-errors", action="store_true", help="print the false merges")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"bench_dedupe_quality: no MRPC file at {args.data}", file=sys.stderr)
        return 2
    pairs = load(args.data)
    if not pairs:
        print(f"bench_dedupe_quality: no labelled pairs in {args.data}", file=sys.stderr)
        return 2
    positives = sum(p.label for p in pairs)
    print(f"MRPC: {len(pairs)} pairs, {positives} paraphrases, {len(pairs) - positives} not")
    print("threshold  flagged  precision  recall  false-merge")
    thresholds = sorted({*args.thresholds, DEFAULT_THRESHOLD})
    for threshold in thresholds:
        verdicts = judge(pairs, threshold)
        print(line(scores(pairs, verdicts, threshold), threshold == DEFAULT_THRESHOLD))
        if args.show_errors and threshold == DEFAULT_THRESHOLD:
            for p, v in zip(pairs, verdicts, strict=True):
                if v and not p.label:
                    print(f"    FALSE MERGE\n      {p.a}\n      {p.b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
