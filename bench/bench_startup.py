"""Start-up cost of the commands pre-commit runs, against the interpreter's own start-up.

    python bench/bench_startup.py [--runs N]

Each command runs N times in a fresh process (the way pre-commit runs it); the figure is
the median wall time. ``python -c pass`` with the same interpreter is measured in the same
run, interleaved, so the ratios compare like with like on a busy machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

sys.path.insert(0, str(ROOT / "bench"))

from builder import Row, standard  # noqa: E402
from timing import SCRIPT, wall  # noqa: E402


def _explainer(directory: Path) -> tuple[Path, Path]:
    """One explainer alone, and the same with a config file and suppression comments."""
    plain = directory / "plain" / "explainer.md"
    plain.parent.mkdir()
    plain.write_text(standard(10).text(), encoding="utf-8")
    configured = directory / "configured" / "docs" / "explainer.md"
    configured.parent.mkdir(parents=True)
    (directory / "configured" / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.claimkit]\nignore = ["CK205"]\n'
        '[tool.claimkit.per-file-ignores]\n"drafts/**" = ["CK102"]\n',
        encoding="utf-8",
    )
    doc = standard(10)
    doc.rows.insert(5, Row("", "", raw="<!-- claimkit-disable-next-line CK302 -->"))
    text = "<!-- claimkit-disable-file CK005 -->\n" + doc.text()
    configured.write_text(text, encoding="utf-8")
    return plain, configured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    claimkit = SCRIPT
    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        plain, configured = _explainer(directory)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "claimkit --version": [claimkit, "--version"],
            "claimkit lint --isolated (1 explainer)": [claimkit, "lint", "--isolated", str(plain)],
            "claimkit lint (1 explainer)": [claimkit, "lint", str(plain)],
            "claimkit lint (config + suppressions)": [claimkit, "lint", str(configured)],
        }
        timings: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            wall(command, directory)  # warm the file cache and .pyc files
        for _ in range(args.runs):
            for name, command in commands.items():
                timings[name].append(wall(command, directory))
    base = statistics.median(timings["python -c pass"])
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, interleaved; median wall time")
    print(f"{'command':<42} {'median':>9} {'x python -c pass':>17}")
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"{name:<42} {median * 1000:>7.1f}ms {median / base:>16.1f}x")


if __name__ == "__main__":
    main()
