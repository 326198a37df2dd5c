"""Whatever a user writes in a comment or a config file: a result or a clear error, no crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from builder import Row, standard
from claimkit.config.load import load
from claimkit.config.model import ConfigError
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.selection import select_rules

WORDS = st.sampled_from(
    [
        "claimkit-disable",
        "claimkit-enable",
        "claimkit-disable-next-line",
        "claimkit-disable-line",
        "claimkit-disable-file",
        "claimkit-",
        "CK102",
        "CK1",
        "uncited-claim",
        "CK999",
        ",",
        " ",
        "\n",
        "-",
        "x",
    ]
)
JOB = LintJob(select_rules(extend_select=("CK901", "CK902")))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, max_size=6).map("".join), max_size=4), st.integers(0, 3))
def test_any_comment_lints_without_crashing(bodies: list[str], where: int) -> None:
    doc = standard(3)
    doc.levels = {name: "Traffic will grow." for name in doc.levels}
    for body in bodies:
        doc.rows.insert(min(where, len(doc.rows)), Row("", "", raw=f"<!--{body}-->"))
    text = doc.text()
    found = lint_document(parse_text(text, "x.md"), JOB)
    lines = text.count("\n") + 1
    assert all(1 <= d.line <= lines and d.column >= 1 for d in found)
    # Suppressions only ever remove CK102s (three uncited rows), never add them.
    assert sum(1 for d in found if d.code == "CK102") <= 3


KEYS = st.sampled_from(
    ["select", "ignore", "fail-on", "severity", "dedupe", "include", "per-file-ignores", "x"]
)
VALUES = st.sampled_from(
    ['"CK1"', '["CK102"]', "3", "true", '{ CK101 = "info" }', "{ threshold = 50 }", "[", '"**"']
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(KEYS, VALUES), max_size=5), st.booleans())
def test_any_config_loads_or_fails_with_a_line(pairs: list[tuple[str, str]], table: bool) -> None:
    text = ("[tool.claimkit]\n" if table else "") + "".join(f"{k} = {v}\n" for k, v in pairs)
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / ("pyproject.toml" if table else "claimkit.toml")
        path.write_text(text, encoding="utf-8")
        try:
            load(str(path))
        except ConfigError as error:
            assert 1 <= error.line <= max(1, text.count("\n"))
            assert str(error).startswith(f"{path}:{error.line}: ")
