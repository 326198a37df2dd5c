"""Main-text extraction with lxml: time per page, next to parsing alone.

    .venv/bin/python bench/bench_extract.py

Two pages of our own: the test article (3 KB) and the same article inside heavy page
chrome (170 KB: 1,200 navigation links and a large inline script), the size of a real
news page. Prints the median time per page over several rounds, and the share of it that
libxml2's parse alone takes (the rest is the walk that applies the page rules).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from lxml import etree

from claimkit.verify.extract import main_text
from verify_server import ARTICLE_HTML


def heavy_page() -> str:
    links = "".join(
        f"<a class='link item-{i}' href='/section/{i}?ref=nav'><span>Section {i}</span></a>"
        for i in range(600)
    )
    chrome = f"<div class='menu'>{links}</div>"
    data = ",".join(f'"k{i}": "{"v" * 40}"' for i in range(1500))
    script = f"<script>var data = {{{data}}};</script>"
    return ARTICLE_HTML.replace("<body>", "<body>" + chrome + script + chrome)


def per_page(extract: Callable[[str], str], page: str, rounds: int = 7, repeat: int = 20) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            extract(page)
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def main() -> None:
    for name, page in (("article, 3 KB", ARTICLE_HTML), ("news page, 170 KB", heavy_page())):
        whole = per_page(main_text, page)
        parse = per_page(lambda html: etree.fromstring(html, etree.HTMLParser()), page)
        print(f"{name:18s} main text {whole * 1000:6.2f} ms   parse alone {parse * 1000:6.2f} ms"
              f"   ratio {whole / parse:4.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
