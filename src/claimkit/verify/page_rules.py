"""What counts as a page's main text: the rules the extractor applies, apart from parsing.

Dropped: script, style and other non-text elements; navigation, header, footer, aside
and forms (comment forms, search boxes); elements whose role or class/id marks them as
menus, comments, share bars, cookie banners and the like. When the page has an
``<article>`` (or else a ``<main>``), only its text is kept. Block elements become line
breaks so sentences from different paragraphs never glue together.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimkit import lazy_re

# Bump when the output changes: cached pages store extracted text.
VERSION = 1

NEVER_TEXT = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
     "head", "title", "button", "select", "textarea", "option", "datalist"}
)  # fmt: skip
BOILERPLATE = frozenset({"nav", "header", "footer", "aside", "form", "dialog", "menu"})
BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
     "dialog", "alertdialog"}
)  # fmt: skip
# Whole tokens of class/id values (split on - _ and spaces).
BOILERPLATE_TOKENS = frozenset(
    {"nav", "navbar", "menu", "sidebar", "breadcrumb", "breadcrumbs", "footer", "cookie",
     "cookies", "consent", "share", "sharing", "social", "newsletter", "subscribe", "comment",
     "comments", "respond", "related", "recommended", "advert", "advertisement", "ad", "ads",
     "promo", "popup", "modal", "skip"}
)  # fmt: skip
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4",
     "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "figure",
     "figcaption", "hr", "body", "html"}
)  # fmt: skip
TOKEN_SPLIT = lazy_re.compile(r"[\s_\-]+")
_BLANK_LINES = lazy_re.compile(r"[ \t\r\f\v]*\n[\s]*")
_SPACES = lazy_re.compile(r"[ \t\r\f\v\u00a0]+")


def is_boilerplate(tag: str, attrs: Iterable[tuple[str, str | None]]) -> bool:
    if tag in BOILERPLATE or tag in NEVER_TEXT:
        return True
    for name, value in attrs:
        if name == "hidden":
            return True
        if not value:
            continue
        if name == "role" and value.strip().lower() in BOILERPLATE_ROLES:
            return True
        if name == "aria-hidden" and value.strip().lower() == "true":
            return True
        if name in ("class", "id"):
            tokens = TOKEN_SPLIT.split(value.lower())
            if any(token in BOILERPLATE_TOKENS for token in tokens):
                return True
    return False


def tidy(pieces: list[str]) -> str:
    text = _SPACES.sub(" ", "".join(pieces))
    return _BLANK_LINES.sub("\n", text).strip()


# A stub <article> (a teaser card) is not the page's body.
MIN_MAIN_CHARS = 200


def choose(articles: list[str], main: list[str], everything: list[str]) -> str:
    """The article's text when there is enough of it, else main's, else the whole page's."""
    for pieces in (articles, main):
        text = tidy(pieces)
        if len(text) >= MIN_MAIN_CHARS:
            return text
    return tidy(everything)
