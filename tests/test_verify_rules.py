"""CK501 and CK502 read fetch results the engine was given; they never fetch."""

from __future__ import annotations

from builder import Explainer, Row, cite
from claimkit.engine import LintJob, lint_document
from claimkit.parse import parse_text
from claimkit.rules import BY_CODE
from claimkit.settings import Settings
from claimkit.verify.model import LinkResult, LinkStatus

STORY = "https://news.example.org/2022/11/02/canal.html"
GONE = "https://news.example.org/2022/11/01/removed.html"
PDF = "https://reports.example.org/annual.pdf"
PAGE_TEXT = (
    "Officials at the canal authority cut the number of daily crossings from 36 to 24.\n"
    "The detour adds roughly two weeks to a voyage."
)


def document() -> str:
    rows = [
        Row("1", "The canal authority cut daily crossings from 36 to 24.", url=STORY),
        Row("2", "The detour adds roughly two weeks to a voyage.", url=STORY + "#part-2"),
        Row("3", "Ports in the north reported record volumes in October.", url=STORY),
        Row("4", "The canal will reopen fully next week.", url=GONE),
        Row("5", "Revenue rose 12% over the year.", url=PDF),
    ]
    body = f"Traffic changed {cite('1', '2', '3', '4', '5')}."
    levels = {"less-detailed": body, "summary": body, "more-detailed": body}
    return Explainer(levels=levels, rows=rows).text()


PAGES = {
    STORY: LinkResult(STORY, LinkStatus.OK, 200, text=PAGE_TEXT),
    GONE: LinkResult(GONE, LinkStatus.BROKEN, 404, error="HTTP 404 Not Found"),
    PDF: LinkResult(PDF, LinkStatus.NOT_HTML, 200, error="content type application/pdf"),
}


def findings(settings: Settings) -> list[tuple[str, int, str]]:
    doc = parse_text(document(), "doc.md")
    job = LintJob((BY_CODE["CK501"], BY_CODE["CK502"]), settings)
    return [(d.code, d.line, d.message) for d in lint_document(doc, job)]


def test_rules_report_from_the_pages_they_are_given() -> None:
    found = findings(Settings(online=True, pages=dict(PAGES)))
    codes = [(code, message.split("'")[0]) for code, _, message in found]
    assert codes == [("CK502", "claim 3"), ("CK501", "claim 4")]
    ck501 = next(message for code, _, message in found if code == "CK501")
    assert "HTTP 404" in ck501 and GONE in ck501


def test_rules_are_silent_offline_even_with_pages() -> None:
    assert findings(Settings(online=False, pages=dict(PAGES))) == []


def test_a_page_missing_from_the_map_is_not_reported() -> None:
    assert findings(Settings(online=True, pages={})) == []
