"""The bounded pool's per-host limit and the page cache's rules."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from claimkit.verify.cache import PageCache, default_dir
from claimkit.verify.fetch import FetchOptions
from claimkit.verify.model import LinkResult, LinkStatus
from claimkit.verify.pool import run_bounded
from claimkit.verify.run import Plan, fetch_all
from verify_server import Reply, serve


def test_results_keep_the_input_order() -> None:
    items = list(range(50))
    assert run_bounded(items, lambda n: n * n, lambda n: str(n % 3), 8, 2) == [n * n for n in items]


def test_per_host_limit_holds_while_other_hosts_proceed() -> None:
    lock = threading.Lock()
    current: dict[str, int] = {}
    peak: dict[str, int] = {}

    def work(item: tuple[str, int]) -> int:
        host = item[0]
        with lock:
            current[host] = current.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), current[host])
        time.sleep(0.01)
        with lock:
            current[host] -= 1
        return item[1]

    items = [("a", i) for i in range(20)] + [("b", i) for i in range(5)]
    run_bounded(items, work, lambda item: item[0], jobs=8, per_host=2)
    assert peak == {"a": 2, "b": 2}


def test_per_host_limit_against_a_real_server() -> None:
    with serve() as server:
        for i in range(12):
            server.route(f"/p{i}", Reply(200, b"<p>x</p>", {"Content-Type": "text/html"}, 0.05))
        urls = [server.url(f"/p{i}") for i in range(12)]
        results = fetch_all(urls, Plan(FetchOptions(read_timeout=2.0), jobs=8, per_host=3))
        assert all(r.status is LinkStatus.OK for r in results.values())
        assert server.max_in_flight <= 3


def test_default_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_dir() == tmp_path / "claimkit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_dir() == Path.home() / ".cache" / "claimkit"


def test_round_trip_and_expiry(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, max_age=3600)
    page = LinkResult("https://example.org/a", LinkStatus.OK, 200, text="Some words.")
    cache.put(page)
    got = cache.get("https://example.org/a")
    assert got is not None and got.text == "Some words." and got.from_cache
    assert PageCache(tmp_path, max_age=0).get("https://example.org/a") is None
    assert not list(tmp_path.rglob(".tmp-*"))  # the atomic write left no temporary file


@pytest.mark.parametrize(
    ("status", "code", "kept"),
    [
        (LinkStatus.BROKEN, 404, True),
        (LinkStatus.BROKEN, 503, False),
        (LinkStatus.BROKEN, 429, False),
        (LinkStatus.TIMEOUT, None, False),
        (LinkStatus.UNREACHABLE, None, False),
        (LinkStatus.REFUSED, None, False),
        (LinkStatus.NOT_HTML, 200, True),
    ],
)
def test_transient_failures_are_not_cached(
    tmp_path: Path, status: LinkStatus, code: int | None, kept: bool
) -> None:
    cache = PageCache(tmp_path, max_age=3600)
    cache.put(LinkResult("https://example.org/x", status, code, error="e"))
    assert (cache.get("https://example.org/x") is not None) is kept


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, max_age=3600)
    cache.put(LinkResult("https://example.org/c", LinkStatus.OK, 200, text="t"))
    (entry,) = tmp_path.rglob("*.json")
    entry.write_text("{not json")
    assert cache.get("https://example.org/c") is None


def test_credentials_are_not_stored(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, max_age=3600)
    cache.put(LinkResult("https://me:pw123@example.org/c", LinkStatus.OK, 200, text="t"))
    (entry,) = tmp_path.rglob("*.json")
    assert "pw123" not in entry.read_text()
    assert json.loads(entry.read_text())["url"] == "https://***@example.org/c"


def test_unwritable_cache_warns_once_and_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = PageCache(blocker, max_age=3600)
    cache.put(LinkResult("https://example.org/a", LinkStatus.OK, 200, text="t"))
    assert cache.warning is not None
    assert cache.get("https://example.org/a") is None
