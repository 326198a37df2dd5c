"""bench/bench_dedupe_quality.py: reads an MRPC-format file and scores the engine's verdicts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import bench_dedupe_quality as bench
from dedupe_pairs import DECOYS, SAME_CLAIMS


def _write(path: Path, pairs: list[tuple[str, str, str]]) -> None:
    lines = ["\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{label}\t{i}\t{i + 1}\t{a}\t{b}" for i, (label, a, b) in enumerate(pairs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_scores_on_a_file_of_our_own_pairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pairs.txt"
    same = [("1", a, b) for a, b in SAME_CLAIMS[:5]]
    _write(path, same + [("0", a, b) for a, b in DECOYS[:5]])
    pairs = bench.load(path)
    assert [p.label for p in pairs] == [True] * 5 + [False] * 5
    verdicts = bench.judge(pairs, None)
    scores = bench.scores(pairs, verdicts, 70.0)
    assert (scores.flagged, scores.true_positive) == (5, 5)
    assert (scores.precision, scores.recall) == (1.0, 1.0)
    assert scores.false_merge_rate == 0.0
    assert bench.main(["--data", str(path), "--thresholds", "80"]) == 0
    out = capsys.readouterr().out
    assert "10 pairs, 5 paraphrases" in out and "(default)" in out


def test_a_missing_file_is_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--data", str(tmp_path / "none.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no MRPC file" in err
