"""The run layer: one parallel map, and files and configuration the same for every command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from builder import Row, standard
from claimkit.parallel import ordered_map
from conftest import Run, write


def _square_plus(offset: int) -> Callable[[int], int]:
    return lambda item: item * item + offset  # a closure: inherited by fork, never pickled


@settings(max_examples=10, deadline=None)
@given(
    items=st.lists(st.integers(-1000, 1000), min_size=0, max_size=300), jobs=st.sampled_from([1, 2])
)
def test_ordered_map_is_map_in_order(items: list[int], jobs: int) -> None:
    work = _square_plus(7)
    assert list(ordered_map(work, items, jobs, threshold=8)) == [work(i) for i in items]


def _corpus(root: Path) -> None:
    """Two explainers; the one under drafts/ is excluded by the configuration."""
    write(root / "claimkit.toml", 'exclude = ["drafts/**"]\n')
    write(root / "kept.md", standard(2).text())
    doc = standard(2)
    doc.rows[0] = Row("1", doc.rows[0].sentence, url="http://127.0.0.1:9/excluded-source")
    write(root / "drafts" / "skipped.md", doc.text())


def test_bias_report_honours_exclude(tmp_path: Path, cli: Callable[..., Run]) -> None:
    _corpus(tmp_path)
    result = cli("bias-report", "--format", "json", ".")
    paths = [d["path"] for d in json.loads(result.stdout)["documents"]]
    assert paths == ["./kept.md"]


def test_verify_honours_exclude(tmp_path: Path, cli: Callable[..., Run]) -> None:
    _corpus(tmp_path)
    (tmp_path / "kept.md").write_text(
        standard(2)
        .text()
        .replace("https://www.cnbc.com/2022/11/02/story.html", "http://127.0.0.1:9/kept"),
        encoding="utf-8",
    )
    result = cli("verify", "--format", "json", "--no-cache", "--timeout", "2", ".")
    assert "127.0.0.1:9/kept" in result.stdout
    assert "excluded-source" not in result.stdout


def test_bias_report_takes_each_files_nearest_ratings(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    # cnbc.com is Center in the shipped database; each folder re-rates it its own way.
    for folder, bias in (("left", "Left"), ("right", "Right")):
        write(
            tmp_path / folder / "ratings.yaml",
            f'entries:\n  - {{name: "CNBC ({folder})", domains: [cnbc.com], bias: "{bias}"}}\n',
        )
        write(tmp_path / folder / "claimkit.toml", 'ratings = ["ratings.yaml"]\n')
        write(tmp_path / folder / "a.md", standard(2).text())
    result = cli("bias-report", "--format", "json", "left", "right")
    documents = {d["path"]: d["outlets"]["counts"] for d in json.loads(result.stdout)["documents"]}
    assert documents["left/a.md"]["Left"] == 1 and documents["left/a.md"]["Center"] == 0
    assert documents["right/a.md"]["Right"] == 1 and documents["right/a.md"]["Center"] == 0
