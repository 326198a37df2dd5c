"""HTML to the page's main text: what a reader sees as the article, not the page chrome.

libxml2's HTML parser (through lxml) reads the page, and a small walk applies the rules of
``page_rules``. Nothing on the page is executed or fetched.
"""

from __future__ import annotations

import threading

from lxml import etree

from claimkit import lazy_re
from claimkit.verify.page_rules import BLOCK, VERSION, VOID, choose, is_boilerplate

__all__ = ["VERSION", "main_text"]

# lxml refuses a str that carries its own encoding declaration (XHTML pages do).
_XML_DECLARATION = lazy_re.compile(r"^\s*<\?xml[^>]*\?>")


class _Sink:
    def __init__(self) -> None:
        self.all: list[str] = []
        self.article: list[str] = []
        self.main: list[str] = []
        self.article_depth = 0
        self.main_depth = 0

    def emit(self, text: str) -> None:
        self.all.append(text)
        if self.article_depth:
            self.article.append(text)
        if self.main_depth:
            self.main.append(text)


def _walk(element: etree._Element, sink: _Sink) -> None:
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        if element.tail:
            sink.emit(element.tail)
        return
    tag = tag.lower()
    attrs = ((str(name), str(value)) for name, value in element.attrib.items())
    if tag not in VOID and is_boilerplate(tag, attrs):
        if element.tail:
            sink.emit(element.tail)
        return
    article, main = tag == "article", tag == "main"
    sink.article_depth += article
    sink.main_depth += main
    block = tag in BLOCK
    if block:
        sink.emit("\n")
    if element.text:
        sink.emit(element.text)
    for child in element:
        _walk(child, sink)  # libxml2 caps nesting at 256 levels: no runaway recursion
    if block:
        sink.emit("\n")
    sink.article_depth -= article
    sink.main_depth -= main
    if element.tail:
        sink.emit(element.tail)


# One parser per thread: a parser object serialises the threads that share it.
_local = threading.local()


def _parser() -> etree.HTMLParser:
    parser: etree.HTMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        _local.parser = parser
    return parser


def main_text(html: str) -> str:
    """The readable main text of an HTML page, one block per line."""
    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return ""
    try:
        root = etree.fromstring(html, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return ""
    if root is None:
        return ""
    sink = _Sink()
    _walk(root, sink)
    return choose(sink.article, sink.main, sink.all)
