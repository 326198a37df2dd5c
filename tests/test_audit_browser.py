"""The audit site in a real browser: from disk, under its policy, used as an editor would.

Headless Chromium loads ``index.html`` by its file URL, sorts, filters by text and by rule,
follows a title to a document page and a citation to its claim. Screenshots of each page type
go to ``test-artifacts/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from builder import Row, cite, standard
from cdp import CHROMIUM, Page, browser
from conftest import ROOT, Run, write
from test_audit import _hostile

pytest.importorskip("websocket", reason="websocket-client is not installed (pip install '.[test]')")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)"
)


def _kept(path: Path) -> None:
    """A screenshot was written, and is a PNG of some size (a blank page is a few hundred bytes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000, path


def artifacts(tmp_path: Path) -> Path:
    folder = ROOT / "test-artifacts"
    try:
        folder.mkdir(exist_ok=True)
        return folder
    except OSError:  # a read-only checkout: keep them with the test's files
        return tmp_path


def _corpus(root: Path) -> None:
    troubled = standard(3)
    troubled.title = "Why are canal tolls rising?"
    troubled.levels["summary"] = (
        f"Tolls rise {cite('1')}. The authority cites costs {cite('8')}. "
        f"Shippers object {cite('9', '2')}."
    )
    troubled.rows.append(Row("4", "A row that no summary cites at all, for a warning."))
    write(root / "docs/tolls.md", troubled.text())
    clean = standard(2)
    clean.title = "A clean explainer about dredging"
    write(root / "docs/dredging.md", clean.text())
    warned = standard(3)
    warned.title = "Mostly fine, one missing date"
    warned.rows[1] = Row("2", "Freight carriers expect a busy autumn season.", date="")
    write(root / "docs/autumn.md", warned.text())


def _rows(page: Page) -> list[str]:
    """The paths of the visible index rows, top to bottom."""
    value = page.eval(
        "Array.from(document.querySelectorAll('#docs tbody tr'))"
        ".filter(r => !r.hidden && r.offsetParent !== null).map(r => r.cells[1].textContent)"
    )
    assert isinstance(value, list)
    return [str(v) for v in value]


def test_index_sorts_filters_and_leads_to_a_claim(cli: Callable[..., Run], tmp_path: Path) -> None:
    _corpus(tmp_path)
    assert cli("audit", "docs", "--html", "site").code == 1
    index = (tmp_path / "site/index.html").as_uri()
    shots = artifacts(tmp_path)
    with browser(tmp_path / "profile") as page:
        page.open(index)
        # The script ran (it writes the count) and the stylesheet applied, both from disk
        # under script-src/style-src 'self': the policy works for file URLs.
        assert page.wait_for("document.getElementById('shown').textContent") == ("3 of 3 documents")
        assert page.eval("getComputedStyle(document.querySelector('.tots')).display") == "flex"
        assert not [m for m in page.messages() if "Content Security Policy" in m]
        page.screenshot(shots / "audit-index.png")
        _kept(shots / "audit-index.png")

        # Sort by errors: most first, then least first on a second click.
        page.click("#docs th:nth-child(4) button")
        assert _rows(page)[0] == "tolls.md"
        assert page.eval("document.querySelector('#docs th:nth-child(4)').ariaSort") == (
            "descending"
        )
        page.click("#docs th:nth-child(4) button")
        assert _rows(page)[-1] == "tolls.md"
        # By title, A to Z.
        page.click("#docs th:nth-child(1) button")
        titles = page.eval(
            "Array.from(document.querySelectorAll('#docs tbody tr'))"
            ".map(r => r.cells[0].textContent)"
        )
        assert titles == sorted(titles, key=str.lower)

        # Filter by rule: only the document with a missing date (CK205) is left.
        page.click("#rule")
        page.eval(
            "(() => { const s = document.getElementById('rule'); s.value = 'CK205';"
            " s.dispatchEvent(new Event('change')); })()"
        )
        assert _rows(page) == ["autumn.md"]
        assert page.eval("document.getElementById('shown').textContent") == "1 of 3 documents"
        page.eval(
            "(() => { const s = document.getElementById('rule'); s.value = '';"
            " s.dispatchEvent(new Event('change')); })()"
        )
        # Filter by text, typed into the box.
        page.type_into("#q", "toll")
        assert _rows(page) == ["tolls.md"]

        # Follow the title to the document page.
        page.click("#docs tbody tr:not([hidden]) td:first-child a")
        page.wait_for("location.pathname.includes('/pages/') && document.readyState === 'complete'")
        assert (
            page.eval("document.querySelector('h1').textContent") == "Why are canal tolls rising?"
        )
        assert page.eval("document.querySelectorAll('mark.s.error').length") == 2
        page.screenshot(shots / "audit-document.png")
        _kept(shots / "audit-document.png")

        # From a citation to its claim: the row is the URL's target and on screen.
        page.click("#level-summary a.cite[href='#claim-1']")
        page.wait_for("location.hash === '#claim-1'")
        top = page.eval("document.getElementById('claim-1').getBoundingClientRect().top")
        assert 0 <= top < page.eval("innerHeight")
        assert page.eval("document.querySelector('tr:target').id") == "claim-1"
        # A dangling citation is no link at all.
        assert page.eval("document.querySelectorAll('.cite.dangling').length") == 2
        assert page.eval("document.querySelectorAll('a.cite.dangling').length") == 0
        assert not [m for m in page.messages() if "Content Security Policy" in m]


def test_hostile_document_runs_nothing(cli: Callable[..., Run], tmp_path: Path) -> None:
    write(tmp_path / "bad.md", _hostile().text())
    cli("audit", "bad.md", "--html", "site")
    (page_file,) = sorted((tmp_path / "site/pages").glob("*.html"))
    with browser(tmp_path / "profile") as page:
        for url in ((tmp_path / "site/index.html").as_uri(), page_file.as_uri()):
            page.open(url)
            # Hover every element, where an injected onmouseover would fire.
            count = page.eval("document.querySelectorAll('body *').length")
            for i in range(0, count, 7):
                page.eval(
                    f"document.querySelectorAll('body *')[{i}]"
                    ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))"
                )
            assert page.dialogs() == 0
            assert page.eval("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
            assert page.eval("document.querySelectorAll('img, iframe, object, embed').length") == 0
        text = page.eval("document.body.innerText")
        assert '<script>alert("x")</script> & more' in text
        page.screenshot(artifacts(tmp_path) / "audit-hostile.png")
        _kept(artifacts(tmp_path) / "audit-hostile.png")


def test_bias_report_chart_has_numbers_an_axis_and_a_graded_blindspot(
    cli: Callable[..., Run], tmp_path: Path
) -> None:
    doc = standard(3)
    doc.rows[0] = Row("1", doc.rows[0].sentence, url="https://www.cnn.com/x", bias="Lean Left")
    doc.rows[1] = Row("2", doc.rows[1].sentence, url="https://www.npr.org/y", bias="Lean Left")
    write(tmp_path / "a.md", doc.text())
    out = tmp_path / "report.html"
    assert cli("bias-report", "--format", "html", "-o", str(out), "a.md").code == 0
    with browser(tmp_path / "profile") as page:
        page.open(out.as_uri())
        first = "document.querySelectorAll('svg')[0]"
        numbers = page.eval(f"Array.from({first}.querySelectorAll('text')).map(t => t.textContent)")
        assert "2" in numbers and "1" in numbers  # two Lean Left outlets, one Center
        axis = page.eval(f"{first}.querySelector('line').getAttribute('x1')")
        assert float(axis) == float(page.eval(f"{first}.getAttribute('width')")) / 2
        grades = page.eval(
            "Array.from(document.querySelectorAll('.grade b')).map(b => b.textContent)"
        )
        assert grades and set(grades) == {"blindspot"}
        assert page.eval("getComputedStyle(document.querySelector('.g3 .meter i'))"
                         ".backgroundColor") == "rgb(176, 0, 32)"  # fmt: skip
        page.screenshot(artifacts(tmp_path) / "bias-report.png")
        _kept(artifacts(tmp_path) / "bias-report.png")
