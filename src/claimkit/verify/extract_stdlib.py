"""Main text with the standard library's ``html.parser`` (used when lxml is missing)."""

from __future__ import annotations

from html.parser import HTMLParser

from claimkit.verify.extract import BLOCK, VOID, choose, is_boilerplate


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
            if tag == self._skip_tag and tag not in VOID:
                self._skip_depth += 1
            return
        if tag not in VOID and is_boilerplate(tag, attrs):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "article":
            self._article_depth += 1
        elif tag == "main":
            self._main_depth += 1
        if tag in BLOCK:
            self._emit("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_tag is None and tag in BLOCK:
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
        if tag in BLOCK:
            self._emit("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_tag is None:
            self._emit(data)


def main_text(html: str) -> str:
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):
        pass  # html.parser gives up on some broken markup; keep what it read
    return choose(parser.article, parser.main, parser.all)
