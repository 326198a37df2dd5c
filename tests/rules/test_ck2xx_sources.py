"""CK201, CK204, CK205: the Source cell."""

from __future__ import annotations

import pytest

from builder import standard
from conftest import found, lint_text


@pytest.mark.parametrize(
    "url",
    [
        "www.example.com/x",
        "//example.com/x",
        "ftp://example.com/x",
        "javascript:alert(1)",
        "https://exa mple.com/x",
        "https://example.com:99999/x",
        "https:///x",
        "",
    ],
)
def test_ck201_invalid_urls(url: str) -> None:
    doc = standard(2)
    doc.rows[1].url = url
    assert found(doc.text()) == [("CK201", 20)]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/a?b=c#d",
        "http://example.co.uk/",
        "https://edition.cnn.com/2022/11/01/world/x",
        "HTTPS://EXAMPLE.COM/X",
        "https://example.com:8443/path",
    ],
)
def test_ck201_valid_urls(url: str) -> None:
    doc = standard(2)
    doc.rows[1].url = url
    # Only CK201: these hosts are unrated (CK202) or rated otherwise (CK203).
    assert found(doc.text(), "CK201") == []


def test_ck201_missing_outlet_link() -> None:
    doc = standard(2)
    line = doc.rows[1].line()
    start = line.index("<div><a href=")
    end = line.index("</a></div>", start) + len("</a></div>")
    doc.rows[1].raw = line[:start] + "<div>Example News</div>" + line[end:]
    assert found(doc.text()) == [("CK201", 20)]


@pytest.mark.parametrize("label", ["Centre", "left", "Far Right", ""])
def test_ck204_unknown_labels(label: str) -> None:
    doc = standard(2)
    doc.rows[0].bias = label
    assert found(doc.text()) == [("CK204", 19)]


@pytest.mark.parametrize(
    "label", ["Left", "Lean Left", "Center", "Lean Right", "Right", "Mixed", "N/A"]
)
def test_ck204_known_labels(label: str) -> None:
    doc = standard(2)
    doc.rows[0].bias = label
    assert found(doc.text(), "CK204") == []


def test_ck204_column_points_at_label() -> None:
    doc = standard(1)
    doc.rows[0].bias = "Centre"
    text = doc.text()
    diagnostic = lint_text(text, "CK204")[0]
    assert text.splitlines()[18][diagnostic.column - 1 :].startswith("Centre")


@pytest.mark.parametrize(
    "date",
    ["", "   ", "yesterday", "2022/11/02", "Nov 31st, 2022", "Smarch 2nd, 2022", "2022-13-01"],
)
def test_ck205_missing_or_unparsable(date: str) -> None:
    doc = standard(2)
    doc.rows[1].date = date
    assert found(doc.text()) == [("CK205", 20)]


@pytest.mark.parametrize(
    "date",
    [
        "Nov 2nd, 2022",
        "November 2, 2022",
        "2022-11-02",
        "Sept 21st, 2023",
        "May 1, 2020",
        "Nov. 2, 2022",
    ],
)
def test_ck205_accepted_forms(date: str) -> None:
    doc = standard(2)
    doc.rows[1].date = date
    assert found(doc.text()) == []


def test_ck205_without_source_type() -> None:
    doc = standard(2)
    doc.rows[1].source_type = ""
    assert found(doc.text()) == []
    doc.rows[1].date = ""
    assert found(doc.text()) == [("CK205", 20)]
