"""``claimkit audit --html DIR``: a static site of the corpus, one page per document.

``adapter`` is the only module that calls the rest of claimkit; ``page`` and ``index`` render,
``site`` orchestrates and writes. The JavaScript and CSS live in ``static/`` as files of
their own, shipped as package data and copied next to the pages.
"""
