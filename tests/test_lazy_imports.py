"""Start-up stays cheap: lint on one file imports none of the heavy optional libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder import standard

HEAVY = ("requests", "tldextract", "yaml", "rich")

PROBE = """
import sys
from claimkit.cli import main
sys.argv = ["claimkit", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in {heavy!r} if m in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


def _heavy_after(*args: str, cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    marker = next(line for line in done.stderr.splitlines() if line.startswith("HEAVY="))
    return [m for m in marker.removeprefix("HEAVY=").split(",") if m]


def test_lint_one_explainer_imports_nothing_heavy(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(standard(2).text(), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.claimkit]\nignore = ["CK205"]\n')
    assert _heavy_after("lint", "--format", "sarif", "a.md", cwd=tmp_path) == []
    assert _heavy_after("--version", cwd=tmp_path) == []
