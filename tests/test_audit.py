"""``claimkit audit --html DIR``: the site's content, its safety, its files and exit codes."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder import Explainer, Row, cite, standard
from conftest import ROOT, Run, write

REAL = ROOT.parent / "shared" / "real-samples"


def _hostile() -> Explainer:
    """Claims that carry markup and a script link: none of it may reach a page as markup."""
    rows = [
        Row(
            "1",
            'Officials said <script>alert("x")</script> & more was coming.',
            url="javascript:alert(1)",
            outlet='<img src=x onerror="alert(2)">Harbour Ledger',
        ),
        Row(
            "2",
            "The port handled 4,000 ships <b onmouseover=alert(3)>last year</b>.",
            url='https://www.cnbc.com/a"onmouseover="alert(4)',
        ),
        Row("3", "Freight rates doubled in May.", url="data:text/html,<script>alert(5)</script>"),
    ]
    body = (
        f"Officials warned of delays {cite('1')}. Ships waited {cite('2', '9')}. "
        f"Rates rose {cite('3')}."
    )
    return Explainer(
        title='Port <script>alert("t")</script> delays',
        levels={"less-detailed": body, "summary": body, "more-detailed": body},
        rows=rows,
    )


def _two_with_a_shared_claim() -> tuple[Explainer, Explainer]:
    shared = "The canal authority cut daily crossings from 36 to 24 in August."
    first = standard(3)
    first.rows[1] = Row("2", shared)
    second = standard(2)
    second.title = "Who pays for the canal's drought?"
    second.rows[0] = Row("1", shared)
    return first, second


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text outside tags."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: Path) -> _Elements:
    parser = _Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _pages(site: Path) -> list[Path]:
    return sorted((site / "pages").glob("*.html"))


def test_site_layout_index_rows_and_exit_code(cli: Callable[..., Run], tmp_path: Path) -> None:
    first, second = _two_with_a_shared_claim()
    write(tmp_path / "docs/a.md", first.text())
    write(tmp_path / "docs/b.md", second.text())
    write(tmp_path / "docs/README.md", "# Not an explainer\n")
    result = cli("audit", "docs", "--html", "site")
    site = tmp_path / "site"
    # The shared claim is CK-clean in each file; clean documents exit 0, as lint does.
    assert result.code == 0, result.stderr
    assert "2 documents, 2 pages, 1 cross-document duplicate clusters" in result.stderr
    assert {p.name for p in (site / "assets").iterdir()} == {"audit.css", "audit.js"}
    assert len(_pages(site)) == 2
    index = _parse(site / "index.html")
    rows = [attrs for tag, attrs in index.tags if tag == "tr" and "data-codes" in attrs]
    assert len(rows) == 2
    text = " ".join(index.text)
    assert "Who pays for the canal's drought?" in text
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "<p>Paths are under <code>docs</code>.</p>" in html and "<td>b.md</td>" in html
    assert "Duplicate claims across documents (1)" in text
    assert "1 skipped" not in text and "markdown file(s) skipped" in text


def test_findings_are_counted_by_severity_and_family(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    doc = standard(3)
    doc.levels["summary"] += f" More {cite('7')}."  # CK101, an error
    doc.rows.append(Row("4", "Nobody cites this row at all, which is a warning."))  # CK102
    write(tmp_path / "a.md", doc.text())
    write(tmp_path / "b.md", standard(2).text())
    result = cli("audit", ".", "--html", "out")
    assert result.code == 1
    page = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    (row,) = re.findall(r'<tr data-codes="CK101 CK102"[^>]*>(.*?)</tr>', page)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    # document, path, claims, errors, warnings, info, citations, sources, duplicates, ...
    assert cells[2:9] == ["4", "1", "1", "0", "2", "0", "0"]
    assert 'class="fail"' in page
    assert '<option value="CK101">CK101 dangling-citation (1)</option>' in page


def test_document_page_links_citations_to_claims_and_marks_findings(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    doc = standard(3)
    doc.levels["summary"] = (
        f"Traffic will grow {cite('1', '2')}. Tolls will rise {cite('8')}. Ships wait {cite('3')}."
    )
    write(tmp_path / "a.md", doc.text())
    cli("audit", "a.md", "--html", "out")
    (page,) = _pages(tmp_path / "out")
    html = page.read_text(encoding="utf-8")
    parsed = _parse(page)
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    targets = [
        a["href"] for tag, a in parsed.tags if tag == "a" and "cite" in (a.get("class") or "")
    ]
    assert targets and all(t is not None and t[1:] in ids for t in targets)
    assert {"claim-1", "claim-2", "claim-3"} <= ids
    # The sentence with the dangling citation is marked, badged, and listed among findings.
    (marked,) = re.findall(r'<mark class="s error" id="(s-summary-\d+)">(.*?)</mark>', html)
    assert "Tolls will rise" in marked[1] and "dangling" in marked[1]
    assert re.search(r'<a class="badge error" href="#f\d+"[^>]*>CK101</a>', html)
    assert f'<a href="#{marked[0]}">line' in html


def test_claims_table_shows_findings_bias_and_duplicates(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    doc = standard(3)
    doc.rows[2] = Row("3", doc.rows[0].sentence, bias="Left")  # CK301 and CK203
    write(tmp_path / "a.md", doc.text())
    cli("audit", "a.md", "--html", "out")
    (page,) = _pages(tmp_path / "out")
    html = page.read_text(encoding="utf-8")
    row = re.search(r'<tr id="claim-3"[^>]*>(.*?)</tr>', html)
    assert row is not None
    cells = row.group(1)
    assert "CK301" in cells and "CK203" in cells
    assert 'repeats <a href="#claim-1">claim 1</a>' in cells
    assert '<div class="differs">' in cells and "Center" in cells and "Left" in cells
    first = re.search(r'<tr id="claim-1"[^>]*>(.*?)</tr>', html)
    assert first is not None and 'repeated by <a href="#claim-3">claim 3</a>' in first.group(1)
    assert 'rel="noopener noreferrer"' in cells


def test_cross_document_duplicates_link_both_ways(cli: Callable[..., Run], tmp_path: Path) -> None:
    first, second = _two_with_a_shared_claim()
    write(tmp_path / "a.md", first.text())
    write(tmp_path / "b.md", second.text())
    cli("audit", "a.md", "b.md", "--html", "out")
    a, b = _pages(tmp_path / "out")
    assert f'href="{b.name}#claim-1"' in a.read_text(encoding="utf-8")
    assert f'href="{a.name}#claim-2"' in b.read_text(encoding="utf-8")
    assert "<!--x:" not in b.read_text(encoding="utf-8") or "elsewhere" in b.read_text("utf-8")
    index = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert f'href="pages/{a.name}#claim-2"' in index and f'href="pages/{b.name}#claim-1"' in index


def test_everything_from_documents_is_escaped(cli: Callable[..., Run], tmp_path: Path) -> None:
    write(tmp_path / "bad.md", _hostile().text())
    cli("audit", "bad.md", "--html", "out")
    site = tmp_path / "out"
    for page in [site / "index.html", *_pages(site)]:
        parsed = _parse(page)
        for tag, attrs in parsed.tags:
            assert tag not in {"img", "iframe", "object", "embed", "form"}, (page, tag)
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), (page, tag, attrs)
        scripts = [a for tag, a in parsed.tags if tag == "script"]
        assert all(a.get("src") == "assets/audit.js" for a in scripts), page
        assert len(scripts) == (1 if page.name == "index.html" else 0)
    (page,) = _pages(site)
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert "not a link: <code>javascript:alert(1)</code>" in html
    assert "not a link: <code>data:text/html,&lt;script&gt;" in html
    # A quote in a URL cannot end the attribute it sits in.
    external = [a for tag, a in _parse(page).tags if tag == "a" and a.get("target") == "_blank"]
    assert external and all(a["rel"] == "noopener noreferrer" for a in external)
    assert all(set(a) == {"href", "rel", "target"} for a in external)


def test_pages_carry_a_strict_policy_and_no_inline_code(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    write(tmp_path / "a.md", standard(3).text())
    cli("audit", "a.md", "--html", "out")
    site = tmp_path / "out"
    for page in [site / "index.html", *_pages(site)]:
        html = page.read_text(encoding="utf-8")
        (policy,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
        assert not re.search(r"https?://(?!www\.cnbc\.com)", html.split("<body", 1)[0])


def test_writes_only_its_own_files_and_replaces_them_whole(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    write(tmp_path / "a.md", standard(2).text())
    site = tmp_path / "deep/new/site"
    assert cli("audit", "a.md", "--html", str(site)).code == 0
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    (site / "pages" / "old.html").write_text("mine too", encoding="utf-8")
    index_inode = (site / "index.html").stat().st_ino
    write(tmp_path / "a.md", standard(3).text())  # a changed document: a changed index
    assert cli("audit", "a.md", "--html", str(site)).code == 0
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (site / "pages" / "old.html").exists()
    # A new file renamed over the old: a reader never sees a page half written.
    assert (site / "index.html").stat().st_ino != index_inode
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]


def test_a_rebuild_rewrites_only_what_changed(cli: Callable[..., Run], tmp_path: Path) -> None:
    for name, claims in (("a", 2), ("b", 3), ("c", 4)):
        write(tmp_path / f"{name}.md", standard(claims).text())
    site = tmp_path / "site"
    assert cli("audit", ".", "--html", "site").code == 0

    def stamps() -> dict[str, tuple[int, int]]:
        return {
            str(p.relative_to(site)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in site.rglob("*")
            if p.is_file()
        }

    before = stamps()
    assert cli("audit", ".", "--html", "site").code == 0
    assert stamps() == before  # the same input: not one file rewritten
    # One summary of b now cites a claim it lacks: b's page and the index change (the other
    # pages name b only by its title, which stays).
    edited = standard(3)
    edited.levels["summary"] = f"Traffic will grow {cite('1', '9')}."
    write(tmp_path / "b.md", edited.text())
    assert cli("audit", ".", "--html", "site").code == 1
    after = stamps()
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == ["index.html", next(n for n in after if n.endswith("-b.html"))]
    assert "dangling-citation" in (site / changed[1]).read_text(encoding="utf-8")


def test_usage_errors_are_one_line_exit_2(cli: Callable[..., Run], tmp_path: Path) -> None:
    write(tmp_path / "a.md", standard(2).text())
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for args in (
        ["audit", "a.md"],
        ["audit", "missing.md", "--html", "out"],
        ["audit", "a.md", "--html", "file"],
        ["audit", "-", "--html", "out"],
        ["audit", "a.md", "--html", "out", "--select", "CK999"],
    ):
        result = cli(*args)
        assert result.code == 2, args
        assert result.stderr.startswith("claimkit: error: ") or "Usage" in result.stderr, args
        assert "Traceback" not in result.stderr and result.stderr.count("\n") <= 8, args


def test_an_unwritable_site_is_exit_2(cli: Callable[..., Run], tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only directories")
    write(tmp_path / "a.md", standard(2).text())
    (tmp_path / "ro").mkdir(mode=0o500)
    result = cli("audit", "a.md", "--html", "ro/site")
    assert result.code == 2 and result.stderr.startswith("claimkit: error: cannot create")


def test_many_documents_use_workers_and_keep_the_index_small(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    for i in range(80):  # above the worker threshold
        doc = standard(3)
        doc.title = f"Explainer number {i}"
        write(tmp_path / f"docs/{i:03d}.md", doc.text())
    assert cli("audit", "docs", "--html", "out", "-j", "2").code == 0
    site = tmp_path / "out"
    assert len(_pages(site)) == 80
    index = (site / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<a href="pages/[^"]+">Explainer number (\d+)</a>', index)
    assert titles == [str(i) for i in range(80)]
    # Every document has the same three claims: one cluster across 80 documents, and each
    # page names at most ten of the others.
    assert "Duplicate claims across documents (3)" in index
    page = _pages(site)[0].read_text(encoding="utf-8")
    assert page.count('class="elsewhere"') == 3 * 11
    assert page.count("and 69 more documents") == 3  # 79 others: ten named, the rest counted
    assert len(index) < 80 * 1200
    # The index names ten claims of a cluster and says how many more; clusters.html all 80.
    clusters = index[index.index('id="clusters"') :]
    assert clusters.count("<li><a href=") == 3 * 10 and clusters.count("and 70 more") == 3
    every = (site / "clusters.html").read_text(encoding="utf-8")
    assert every.count("<li><a href=") == 3 * 80 and "more (" not in every
    # "and N more" points at its own cluster on clusters.html, from the index and the pages.
    targets = set(re.findall(r'href="(?:\.\./)?clusters\.html#([^"]+)"', index + page))
    assert len(targets) == 3
    assert all(f'<li class="cluster" id="{t}">' in every for t in targets)


@pytest.mark.skipif(not REAL.is_dir(), reason=f"no real samples at {REAL}")
def test_real_samples_build(cli: Callable[..., Run], tmp_path: Path) -> None:
    result = cli("audit", str(REAL), "--html", "out")
    assert result.code in (0, 1), result.stderr
    pages = _pages(tmp_path / "out")
    assert pages
    for page in pages:
        parsed = _parse(page)
        assert not any(tag == "script" for tag, _ in parsed.tags)


def test_unreadable_file_is_a_row_without_a_page(cli: Callable[..., Run], tmp_path: Path) -> None:
    write(tmp_path / "docs/a.md", standard(2).text())
    (tmp_path / "docs/b.md").write_bytes(b"\x00\x01binary\xff" * 10)
    result = cli("audit", "docs", "--html", "out")
    assert result.code == 1
    index = (tmp_path / "out/index.html").read_text(encoding="utf-8")
    assert '<tr data-codes="CK001" class="fail"><td>b.md</td><td>b.md</td>' in index
    assert len(_pages(tmp_path / "out")) == 1


@pytest.mark.parametrize("count", [2, 70])  # in this process, and on worker processes
def test_a_page_that_cannot_be_written_is_exit_2(
    cli: Callable[..., Run], tmp_path: Path, count: int
) -> None:
    for i in range(count):
        write(tmp_path / f"docs/{i:03d}.md", standard(2).text())
    (tmp_path / "out/pages/0002-001.html").mkdir(parents=True)
    result = cli("audit", "docs", "--html", "out", "-j", "2")
    assert result.code == 2
    assert result.stderr.startswith("claimkit: error: cannot write ")
    assert "0002-001.html" in result.stderr and result.stderr.count("\n") == 1


def test_blindspot_grades() -> None:
    from claimkit.report.chart import blindspot_grade
    from claimkit.report.compute import unit_stats

    def grade(**counts: int) -> tuple[int, str]:
        stats = unit_stats({k.replace("_", " "): v for k, v in counts.items()})
        found = blindspot_grade(stats)
        return found.level, found.word

    assert grade(Left=3, Center=2) == (3, "blindspot")
    assert grade(Lean_Left=9, Right=1) == (2, "thin")
    assert grade(Lean_Left=3, Lean_Right=1) == (1, "uneven")
    assert grade(Left=2, Right=1) == (0, "balanced")
    assert grade(Center=4) == (0, "balanced")
    assert (
        "1 of 10 sided sources on the right (10%)"
        in blindspot_grade(unit_stats({"Lean Left": 9, "Right": 1})).detail
    )
