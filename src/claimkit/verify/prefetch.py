"""``lint --online``: fetch every source URL of the run once, before any rule runs.

The rules CK501 and CK502 then read the results from ``Settings.pages``
(``claimkit.rules.online_pages``), so they stay
pure functions of their input (no rule fetches, and no URL is fetched twice when
several rows or rules need it).
"""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.model import Document
from claimkit.verify.model import LinkResult
from claimkit.verify.options import FetchOptions


def prefetch(
    documents: Iterable[Document], options: FetchOptions | None = None
) -> tuple[dict[str, LinkResult], str | None]:
    """Fetch the documents' source URLs with ``options`` (verify's defaults) and its cache.

    Returns the pages and a warning to show, if the cache could not be written.
    """
    from claimkit.verify.cache import PageCache, default_dir
    from claimkit.verify.claims import claim_refs, unique_urls
    from claimkit.verify.run import Plan, fetch_all

    urls = unique_urls(claim_refs(documents))
    cache = PageCache(default_dir(), max_age=86400.0)
    pages = fetch_all(urls, Plan(options or FetchOptions(), cache))
    return pages, cache.warning
