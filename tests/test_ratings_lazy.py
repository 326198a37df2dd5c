"""The ratings database costs nothing unless a selected rule or command needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder import standard

PROBE = """
import sys
from claimkit.cli import main
sys.argv = ["claimkit", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("yaml", "tldextract", "requests", "rich") if m in sys.modules)
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""


def _heavy(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    line = next(x for x in result.stderr.splitlines() if x.startswith("HEAVY="))
    return {m for m in line[len("HEAVY=") :].split(",") if m}


def test_lint_without_ratings_rules_imports_neither_yaml_nor_tldextract(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    doc = standard(2)
    doc.rows[1].url = "https://sub.harbourledger.co.uk/x"  # would need the PSL if looked up
    path.write_text(doc.text(), encoding="utf-8")
    assert _heavy("lint", "--ignore", "CK202,CK203", str(path)) == set()
    # With the rules on, an unrated host is reported by its host name: no suffix list.
    assert _heavy("lint", str(path)) == set()


def test_a_rated_parent_domain_needs_the_suffix_list(tmp_path: Path) -> None:
    # edition.cnn.com is rated through cnn.com: the suffix list must confirm that cnn.com is
    # the registered domain, not a public suffix, before a parent may rate the host.
    path = tmp_path / "doc.md"
    doc = standard(2)
    doc.rows[1].url = "https://edition.cnn.com/2022/11/01/world/story.html"
    path.write_text(doc.text(), encoding="utf-8")
    assert {"tldextract"} <= _heavy("lint", str(path))


def test_rated_sources_need_no_suffix_list(tmp_path: Path) -> None:
    # Every row's host is itself in the database: no tldextract, and so no requests either.
    path = tmp_path / "doc.md"
    path.write_text(standard(3).text(), encoding="utf-8")
    assert _heavy("lint", str(path)) == set()


def test_the_shipped_database_loads_from_its_json_image_without_yaml(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(standard(2).text(), encoding="utf-8")
    assert "yaml" not in _heavy("lint", "--select", "CK203", str(path))
