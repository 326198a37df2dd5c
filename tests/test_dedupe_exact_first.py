"""Exact before near, a candidate search that ignores the hash seed, and ``dedupe -v``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from builder import Explainer, Row, cite
from claimkit.cli import app
from claimkit.dedupe.detect import find_duplicates
from claimkit.dedupe.lookalikes import claim_look_alikes
from claimkit.dedupe.plan import dedupe_rows, plan
from claimkit.dedupe.similarity import Kind
from claimkit.parse import parse_text
from claimkit.rules.base import Context
from claimkit.settings import Settings
from dedupe_pairs import DECOYS

KEPT = "Power was restored to most homes in the eastern suburbs by Saturday night."
NEAR = KEPT.replace(" night.", " night, utility officials said.")
OTHER = "Dredging of the northern channel will finish in March, the engineers told reporters."


def _document(*sentences: str) -> str:
    rows = [Row(str(i), s) for i, s in enumerate(sentences, 1)]
    levels = {"summary": f"Text {cite(*[r.id for r in rows])}."}
    return Explainer(levels=levels, rows=rows).text()


def test_an_exact_repeat_of_a_near_duplicate_is_exact() -> None:
    found = find_duplicates([KEPT, NEAR, OTHER, NEAR])
    assert [(d.index, d.kept, d.match.kind) for d in found] == [
        (1, 0, Kind.NEAR),
        (3, 1, Kind.EXACT),  # the row it repeats, not the near cluster's first row
    ]


def test_the_exact_repeat_is_fixed_safely_and_the_near_one_held_back() -> None:
    result = plan(parse_text(_document(KEPT, NEAR, OTHER, NEAR)))
    assert [(d.claim.id, d.kept.id) for d in result.removed] == [("4", "2")]
    assert [d.claim.id for d in result.held_back] == ["2"]
    assert result.mapping == {"1": "1", "2": "2", "3": "3", "4": "2"}


def test_with_unsafe_fixes_both_point_at_the_row_that_stays() -> None:
    result = plan(parse_text(_document(KEPT, NEAR, OTHER, NEAR)), unsafe=True)
    assert sorted(d.claim.id for d in result.removed) == ["2", "4"]
    assert result.mapping == {"1": "1", "2": "1", "3": "2", "4": "1"}
    fixed = parse_text(result.new_text())
    assert [c.id for c in fixed.claims] == ["1", "2"]
    assert {c.target for c in fixed.citations} <= {"1", "2"}


_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from corpus import generate
from claimkit.dedupe.index import lsh_pairs
from claimkit.text.canonical import dedupe_key
keys = sorted({dedupe_key(s) for s in generate(3000).sentences})
print(json.dumps(lsh_pairs(keys, [True] * len(keys)).tolist()))
"""


def _under_hash_seeds(probe: str, argument: str, seeds: tuple[str, ...]) -> list[str]:
    """What ``probe`` prints, run once under each PYTHONHASHSEED."""
    outputs = []
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", probe, argument],
            capture_output=True, text=True, check=True, env=env,
        )  # fmt: skip
        outputs.append(done.stdout)
    return outputs


def test_the_corpus_candidates_do_not_depend_on_the_hash_seed() -> None:
    bench = str(Path(__file__).resolve().parents[1] / "bench")
    results = [json.loads(out) for out in _under_hash_seeds(_PROBE, bench, ("1", "2", "12345"))]
    assert results[0] and results[0] == results[1] == results[2]


def test_look_alikes_name_the_guard() -> None:
    a, b = DECOYS[0]
    document = parse_text(_document(a, OTHER, b))
    rows = dedupe_rows(Context(document, Settings()))
    [pair] = claim_look_alikes(rows)
    assert (pair.claim.id, pair.other.id) == ("3", "1")
    assert pair.reason == "opposite words (before / after)"


def test_dedupe_verbose_says_which_guard_kept_a_pair_apart(tmp_path: Path) -> None:
    a, b = DECOYS[0]
    path = tmp_path / "x.md"
    path.write_text(_document(a, OTHER, b), encoding="utf-8")
    quiet = CliRunner().invoke(app, ["dedupe", str(path)])
    loud = CliRunner().invoke(app, ["dedupe", "-v", str(path)])
    assert quiet.exit_code == loud.exit_code == 0
    assert "before / after" not in quiet.stderr
    assert "claim 3 is not a duplicate of claim 1" in loud.stderr
    assert "opposite words (before / after)" in loud.stderr


_JUDGE_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from dedupe_pairs import DECOYS, SAME_CLAIMS
from claimkit.dedupe.detect import explain
for a, b in DECOYS + SAME_CLAIMS:
    print(explain(a, b))
"""


def test_the_judgement_does_not_depend_on_the_hash_seed() -> None:
    tests = str(Path(__file__).resolve().parent)
    outputs = set(_under_hash_seeds(_JUDGE_PROBE, tests, ("0", "7", "99")))
    assert len(outputs) == 1
