"""CK302's alignment on hostile sizes: the time grows with the input, not its square.

    .venv/bin/python bench/bench_align.py

A sentence of S characters that is *not* in a context of 4S characters (the issue's worst
case is 10,000 against 40,000: 40 s with partial_ratio over the whole context), at S, 2S
and 4S; and the same with the sentence planted in the context with a few words changed
(the score must stay high). Prints seconds per call and the ratio between sizes.
"""

from __future__ import annotations

import random
import time

from claimkit.text.align import alignment_score

WORDS = [f"w{n}x" for n in range(4000)]


def prose(chars: int, seed: int) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < chars:
        word = rng.choice(WORDS)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def timed(quote: str, text: str) -> tuple[float, float]:
    start = time.perf_counter()
    score = alignment_score(quote, text)
    return time.perf_counter() - start, score


def main() -> None:
    previous = None
    for size in (2_500, 5_000, 10_000, 20_000, 40_000):
        quote, context = prose(size, 1), prose(4 * size, 2)
        seconds, score = timed(quote, context)
        words = quote.split()
        damaged = " ".join("changed" if i % 25 == 0 else w for i, w in enumerate(words))
        planted = context[: len(context) // 2] + " " + damaged + " " + context[len(context) // 2 :]
        seconds_planted, score_planted = timed(quote, planted)
        ratio = f"  x{seconds / previous:.1f} for 2x input" if previous else ""
        print(
            f"sentence {size:>6} vs context {4 * size:>6}: absent {seconds:6.3f}s "
            f"(score {score:5.1f}), planted {seconds_planted:6.3f}s (score {score_planted:5.1f})"
            f"{ratio}"
        )
        previous = seconds


if __name__ == "__main__":
    main()
