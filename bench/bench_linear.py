"""The reader and the rules in linear time: hostile inputs at size n and 2n, and the ratio.

    python bench/bench_linear.py [--size 40000] [--runs 5]

Each case is a shape that once made a regular expression backtrack (long runs of blanks,
which is what an HTML comment becomes once masked; a tag that never closes; brackets that
never balance). A ratio near 2 is linear; near 4 would be quadratic. Timing lives here,
not in the tests, because the machines are noisy.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.selection import select_rules

ROWS = "## Claims\n|a|b|c|\n|---|---|---|\n"
SLIDER = "<DetailSlider><template #summary>{}</template></DetailSlider>\n"
SUMMARY = (
    '<DetailSlider><template #summary>{} <a href="#1">[1]</a>.</template></DetailSlider>\n'
    '## Claims\n|a|b|c|\n|---|---|---|\n|<font id="1">[1]</font> Exports grew 9% in May.|'
    '<a href="https://example.org/a">x</a>|Exports grew 9% in May.|\n'
)

CASES: dict[str, Callable[[int], str]] = {
    "comment of blanks": lambda n: "<!--" + " " * n + "-->\n## Claims\n",
    "comment of blank lines": lambda n: "<!--" + "  \n" * (n // 3) + "-->\n",
    "blank run before a setext title": lambda n: " " * n + "x\n===\n",
    "blank run in an ATX title": lambda n: "# " + " " * n + "x\n",
    "blank run after ## Claims": lambda n: "## Claims" + " " * n + "x\n| Claim Sentence |\n",
    "blank run before a header": lambda n: "\n" + " " * n + "| x\n|---|\n",
    "unclosed <a> citations": lambda n: SLIDER.format('<a href="#1">' * (n // 13)),
    "unclosed attribute quotes": lambda n: SLIDER.format('<a href="' * (n // 9)),
    "unbalanced brackets": lambda n: SLIDER.format("[" * n),
    "anchor tags that never close": lambda n: ROWS + "|" + '<span id="' * (n // 10) + "|x|y|\n",
    "nested wrappers": lambda n: ROWS + "|" + "<div>" * (n // 5) + "|x|y|\n",
    "label holders opened and closed": lambda n: (
        ROWS + "|<span id=1></span>" + "<b>" * (n // 7) + "</b>" * (n // 7) + "x|y|z|\n"
    ),
    "links in a source cell": lambda n: (
        ROWS + "|<font id=1>[1]</font> x|" + "<a href=x>" * (n // 10) + "|y|\n"
    ),
    "a row of pipes": lambda n: ROWS + "|" * n + "\n",
    "a long delimiter": lambda n: "## Claims\n|a|b|c|\n" + "-" * n + "x\n",
    "backtick run": lambda n: "`" * n + "\n",
    # CK601: summaries made of one figure-like unit, against a claim that holds one figure.
    **{
        f"summary of {unit.strip() or repr(unit)!s}": (
            lambda n, unit=unit: SUMMARY.format(unit * (n // len(unit)))
        )
        for unit in ("a. ", "U.S. ", "[1", "4. ", "one two ", "1,", "December ", "$1.", "mid-")
    },
    "figures against a long context": lambda n: SUMMARY.format(
        " ".join(f"about {i * 7 + 3} and 4" for i in range(n // 80))
    ).replace("Exports grew 9% in May.|", " ".join(str(i) for i in range(n // 40)) + "|", 1),
}


def _time(text: str, job: LintJob, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        lint_document(parse_text(text), job)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    job = LintJob(select_rules())
    print(f"{'case':34s} {'n':>10s} {'2n':>10s}  ratio  (medians of {args.runs})")
    for name, make in CASES.items():
        small = _time(make(args.size), job, args.runs)
        large = _time(make(2 * args.size), job, args.runs)
        ratio = large / max(small, 1e-9)
        print(f"{name:34s} {small * 1000:8.1f}ms {large * 1000:8.1f}ms  {ratio:.2f}")


if __name__ == "__main__":
    main()
