"""Regenerate docs/rules/<CODE>.md and the README rule table from the rule registry.

python scripts/gen_rule_docs.py          # write
python scripts/gen_rule_docs.py --check  # exit 1 if anything is stale (CI)
"""

from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def expected(root: str) -> dict[str, str]:
    """Repository-relative path -> the content it must have."""
    from claimkit.rule_docs import pages, table, with_table
    from claimkit.rules import RULES

    files = {f"docs/rules/{name}": text for name, text in pages(RULES).items()}
    with open(os.path.join(root, "README.md"), encoding="utf-8") as handle:
        files["README.md"] = with_table(handle.read(), table(RULES))
    return files


def stale(root: str) -> list[str]:
    """Files that differ from what the registry generates, and rule pages with no rule."""
    wanted = expected(root)
    problems = []
    for relative, text in wanted.items():
        path = os.path.join(root, relative)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            problems.append(relative)
    rules_dir = os.path.join(root, "docs", "rules")
    if os.path.isdir(rules_dir):
        for name in sorted(os.listdir(rules_dir)):
            if name.endswith(".md") and f"docs/rules/{name}" not in wanted:
                problems.append(f"docs/rules/{name} (no such rule)")
    return problems


def write(root: str) -> list[str]:
    from claimkit.fix.write import write_output

    changed = stale(root)
    os.makedirs(os.path.join(root, "docs", "rules"), exist_ok=True)
    for relative, text in expected(root).items():
        write_output(os.path.join(root, relative), text.encode("utf-8"))
    for entry in changed:
        if entry.endswith("(no such rule)"):
            os.unlink(os.path.join(root, entry.split(" ")[0]))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    parser.add_argument("--root", default=ROOT, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(args.root)
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        if problems:
            print("run: python scripts/gen_rule_docs.py", file=sys.stderr)
        return 1 if problems else 0
    for entry in write(args.root):
        print(f"updated {entry}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
