"""Start-up stays cheap: lint on one file imports none of the heavy optional libraries, and
the ratings database costs nothing unless a selected rule or command needs it."""

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


def _heavy_after(*args: str, cwd: Path | None = None) -> list[str]:
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


def test_lint_without_ratings_rules_imports_neither_yaml_nor_tldextract(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    doc = standard(2)
    doc.rows[1].url = "https://sub.harbourledger.co.uk/x"  # would need the PSL if looked up
    path.write_text(doc.text(), encoding="utf-8")
    assert _heavy_after("lint", "--ignore", "CK202,CK203", str(path)) == []
    # With the rules on, an unrated host is reported by its host name: no suffix list.
    assert _heavy_after("lint", str(path)) == []


def test_a_rated_parent_domain_needs_the_suffix_list(tmp_path: Path) -> None:
    # edition.cnn.com is rated through cnn.com: the suffix list must confirm that cnn.com is
    # the registered domain, not a public suffix, before a parent may rate the host.
    path = tmp_path / "doc.md"
    doc = standard(2)
    doc.rows[1].url = "https://edition.cnn.com/2022/11/01/world/story.html"
    path.write_text(doc.text(), encoding="utf-8")
    assert "tldextract" in _heavy_after("lint", str(path))


def test_rated_sources_need_no_suffix_list(tmp_path: Path) -> None:
    # Every row's host is itself in the database: no tldextract, and so no requests either.
    path = tmp_path / "doc.md"
    path.write_text(standard(3).text(), encoding="utf-8")
    assert _heavy_after("lint", str(path)) == []


def test_the_shipped_database_loads_from_its_json_image_without_yaml(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(standard(2).text(), encoding="utf-8")
    assert "yaml" not in _heavy_after("lint", "--select", "CK203", str(path))
