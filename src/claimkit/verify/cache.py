"""An on-disk cache of fetch results, so a second run makes no requests for fresh pages.

One JSON file per URL (named by the URL's SHA-256) under the user's cache directory:
``$XDG_CACHE_HOME/claimkit/pages`` or ``~/.cache/claimkit/pages``. It holds the status and
the page's extracted main text, never the raw HTML, and is the only place page content is
written. Writes are atomic (temporary file + rename). Transient failures (timeouts,
unreachable hosts, 429 and 5xx) and refusals are never cached: the next run tries again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from claimkit.verify import extract
from claimkit.verify.model import LinkResult, LinkStatus, mask_credentials

_CACHEABLE = frozenset(
    {LinkStatus.OK, LinkStatus.REDIRECTED, LinkStatus.NOT_HTML, LinkStatus.TOO_LARGE}
)
_FORMAT = 1


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "claimkit"


def cacheable(result: LinkResult) -> bool:
    if result.status in _CACHEABLE:
        # An error status alive only by --accept: the next run may not accept it.
        return result.http_status is None or result.http_status < 400
    # A 404 or 410 is an answer; a 429 or a 5xx is a bad moment.
    code = result.http_status
    return (
        result.status is LinkStatus.BROKEN
        and code is not None
        and 400 <= code < 500
        and code != 429
    )


class PageCache:
    def __init__(self, directory: Path, max_age: float) -> None:
        self.directory = directory / "pages"
        self.max_age = max_age
        self.warning: str | None = None  # set once when the cache cannot be written

    def _path(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, url: str) -> LinkResult | None:
        try:
            raw = self._path(url).read_text(encoding="utf-8")
            data: dict[str, Any] = json.loads(raw)
        except (OSError, ValueError):
            return None
        if data.get("format") != _FORMAT or data.get("extractor") != extract.VERSION:
            return None
        fetched = data.get("fetched_at")
        if not isinstance(fetched, int | float) or time.time() - fetched > self.max_age:
            return None
        try:
            return LinkResult(
                url=url,
                status=LinkStatus(data["status"]),
                http_status=data.get("http_status"),
                final_url=data.get("final_url"),
                error=data.get("error"),
                content_type=data.get("content_type"),
                text=data.get("text"),
                from_cache=True,
            )
        except (KeyError, ValueError, TypeError):
            return None

    def put(self, result: LinkResult) -> None:
        if not cacheable(result) or self.warning is not None:
            return
        data = {
            "format": _FORMAT,
            "extractor": extract.VERSION,
            "url": mask_credentials(result.url),
            "fetched_at": time.time(),
            "status": result.status.value,
            "http_status": result.http_status,
            "final_url": result.final_url and mask_credentials(result.final_url),
            "error": result.error,
            "content_type": result.content_type,
            "text": result.text,
        }
        path = self._path(result.url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False)
                os.replace(temp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            self.warning = f"cannot write the page cache in {self.directory}: {exc}"
