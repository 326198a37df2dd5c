"""Start-up stays cheap: lint on one file imports none of the heavy optional libraries, and
the ratings database costs nothing unless a selected rule or command needs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from builder import standard
from conftest import loaded_by_cli

HEAVY = ("requests", "tldextract", "yaml", "rich")


def _heavy_after(*args: str, cwd: Path | None = None) -> list[str]:
    return loaded_by_cli(HEAVY, *args, cwd=cwd)


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


# The import budget of `claimkit lint FILE`, read from `python -X importtime`: every top-level
# package it may load. A new name here costs every pre-commit run its import; add one only
# with a measurement (docs/performance.md).
LINT_FILE_MAY_IMPORT = frozenset(
    [
        "__future__",
        "_abc",
        "_ast",
        "_bisect",
        "_bz2",
        "_codecs",
        "_collections",
        "_collections_abc",
        "_compression",
        "_datetime",
        "_frozen_importlib_external",
        "_functools",
        "_heapq",
        "_io",
        "_json",
        "_locale",
        "_lzma",
        "_opcode",
        "_operator",
        "_posixsubprocess",
        "_sha256",
        "_signal",
        "_sitebuiltins",
        "_sre",
        "_stat",
        "_typing",
        "_uuid",
        "_weakrefset",
        "_winapi",
        "abc",
        "annotated_doc",
        "array",
        "ast",
        "bisect",
        "bz2",
        "claimkit",
        "codecs",
        "collections",
        "contextlib",
        "copy",
        "copyreg",
        "dataclasses",
        "datetime",
        "difflib",
        "dis",
        "encodings",
        "enum",
        "errno",
        "fcntl",
        "fnmatch",
        "functools",
        "gc",  # built in: claimkit.heap pauses the collector while results pile up
        "genericpath",
        "gettext",
        "heapq",
        "html",
        "importlib",
        "inspect",
        "io",
        "ipaddress",
        "itertools",
        "json",
        "keyword",
        "linecache",
        "locale",
        "lzma",
        "marshal",
        "math",
        "msvcrt",
        "nt",
        "ntpath",
        "opcode",
        "operator",
        "os",
        "pathlib",
        "platform",
        "posix",
        "posixpath",
        "re",
        "reprlib",
        "runpy",
        "select",
        "selectors",
        "shellingham",
        "shutil",
        "signal",
        "site",
        "stat",
        "subprocess",
        "textwrap",
        "threading",
        "time",
        "token",
        "tokenize",
        "traceback",
        "typer",
        "types",
        "typing",
        "unicodedata",
        "urllib",
        "uuid",
        "warnings",
        "weakref",
        "zipimport",
        "zlib",
        "_blake2",
        "_decimal",
        "decimal",
        "mmap",
        "numbers",
        "org",
        "rapidfuzz",
    ]
)
# What the install itself may hook into every start (an editable install, site customisation).
_ENVIRONMENT = ("__editable__", "_distutils_hack", "sitecustomize", "usercustomize")
# claimkit packages `lint FILE` never needs: other commands, fixing, the network, renderers
# other than text.
LINT_FILE_NEVER_IMPORTS = (
    "claimkit.verify",
    "claimkit.report",
    "claimkit.fix.apply",
    "claimkit.fix.write",
    "claimkit.fix.guard",
    "claimkit.dedupe.run",
    "claimkit.output.json",
    "claimkit.output.sarif",
    "claimkit.cli.dedupe",
    "claimkit.cli.verify",
    "multiprocessing",
    "pickle",
    "socket",
    "hashlib",
)


def _imported(*args: str, cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "claimkit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    names = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            names.append(line.split("|")[2].strip())
    assert "claimkit.cli.lint_run" in names, done.stderr[-2000:]
    return names


def test_lint_file_stays_within_its_import_budget(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(standard(3).text(), encoding="utf-8")
    for args in (("lint", "--no-cache", "a.md"), ("lint", "a.md"), ("lint", "a.md")):
        names = _imported(*args, cwd=tmp_path)
        outside = {
            name.split(".")[0]
            for name in names
            if name.split(".")[0] not in LINT_FILE_MAY_IMPORT and not name.startswith(_ENVIRONMENT)
        }
        assert outside == set(), f"{args}: imports outside the budget: {sorted(outside)}"
        never = [n for n in names if n.startswith(LINT_FILE_NEVER_IMPORTS)]
        assert never == [], f"{args}: imports what lint FILE never needs"


def test_a_warm_lint_file_compiles_no_parser_pattern(tmp_path: Path) -> None:
    # Patterns compile on first use (claimkit.lazy_re): a cache hit parses nothing.
    (tmp_path / "a.md").write_text(standard(3).text(), encoding="utf-8")
    probe = (
        "import re, sys\n"
        "from claimkit.cli import main\n"
        "compiled = []\n"
        "original = re.compile\n"
        "re.compile = lambda p, f=0: compiled.append(p) or original(p, f)\n"
        "sys.argv = ['claimkit', 'lint', 'a.md']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(f'COMPILED={len(compiled)}\\n')\n"
    )
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True
        )
        line = next(x for x in done.stderr.splitlines() if x.startswith("COMPILED="))
        runs.append(int(line.removeprefix("COMPILED=")))
    cold, warm = runs
    assert cold > 20  # the parser's patterns, compiled as the document is read
    assert warm < cold // 2


def test_a_warm_lint_file_imports_no_parser(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(standard(3).text(), encoding="utf-8")
    cold = _imported("lint", "a.md", cwd=tmp_path)
    warm = _imported("lint", "a.md", cwd=tmp_path)
    assert "claimkit.parse" in cold and "claimkit.files" in cold
    assert not [name for name in warm if name.startswith(("claimkit.parse", "claimkit.files"))]
