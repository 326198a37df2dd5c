"""HTML to the page's main text: what a reader sees as the article, not the page chrome.

Standard library only (``html.parser``): it never executes anything, copes with broken
markup, and needs no compiled dependency. Dropped: script, style and other non-text
elements; navigation, header, footer, aside and forms (comment forms, search boxes);
elements whose role or class/id marks them as menus, comments, share bars, cookie
banners and the like. When the page has an ``<article>`` (or else a ``<main>``), only
its text is kept. Block elements become line breaks so sentences from different
paragraphs never glue together.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Bump when the output changes: cached pages store extracted text.
VERSION = 1

_NEVER_TEXT = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
     "head", "title", "button", "select", "textarea", "option", "datalist"}
)  # fmt: skip
_BOILERPLATE = frozenset({"nav", "header", "footer", "aside", "form", "dialog", "menu"})
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog"}
)  # fmt: skip
# Whole tokens of class/id values (split on - _ and spaces).
_BOILERPLATE_TOKENS = frozenset(
    {"nav", "navbar", "menu", "sidebar", "breadcrumb", "breadcrumbs", "footer", "cookie",
     "cookies", "consent", "share", "sharing", "social", "newsletter", "subscribe", "comment",
     "comments", "respond", "related", "recommended", "advert", "advertisement", "ad", "ads",
     "promo", "popup", "modal", "skip"}
)  # fmt: skip
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
     "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "figure",
     "figcaption", "hr", "body", "html"}
)  # fmt: skip
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_BLANK_LINES = re.compile(r"[ \t\r\f\v]*\n[\s]*")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _is_boilerplate(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _BOILERPLATE or tag in _NEVER_TEXT:
        return True
    for name, value in attrs:
        if name == "hidden":
            return True
        if not value:
            continue
        if name == "role" and value.strip().lower() in _BOILERPLATE_ROLES:
            return True
        if name == "aria-hidden" and value.strip().lower() == "true":
            return True
        if name in ("class", "id"):
            tokens = _TOKEN_SPLIT.split(value.lower())
            if any(token in _BOILERPLATE_TOKENS for token in tokens):
                return True
    return False


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[str] = []
        self.article: list[str] = []
        self.main: list[str] = []
        self._skip_tag: str | None = None  # the element being dropped, with its nesting depth
        self._skip_depth = 0
        self._article_depth = 0
        self._main_depth = 0

    def _emit(self, text: str) -> None:
        self.all.append(text)
        if self._article_depth:
            self.article.append(text)
        if self._main_depth:
            self.main.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag and tag not in _VOID:
                self._skip_depth += 1
            return
        if tag not in _VOID and _is_boilerplate(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "article":
            self._article_depth += 1
        elif tag == "main":
            self._main_depth += 1
        if tag in _BLOCK:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip_tag is not None:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if self._skip_depth == 0:
                    self._skip_tag = None
            return
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "main" and self._main_depth:
            self._main_depth -= 1
        if tag in _BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self._emit(data)


def _tidy(pieces: list[str]) -> str:
    text = _SPACES.sub(" ", "".join(pieces))
    return _BLANK_LINES.sub("\n", text).strip()


def main_text(html: str) -> str:
    """The readable main text of an HTML page, one block per line."""
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        pass  # html.parser gives up on some broken markup; keep what it read
    for pieces in (parser.article, parser.main):
        text = _tidy(pieces)
        if len(text) >= 200:  # a stub <article> (a teaser card) is not the page's body
            return text
    return _tidy(parser.all)
