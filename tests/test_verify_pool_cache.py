"""The bounded pool's per-host limit and the page cache's rules."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from claimkit.verify.cache import PageCache, default_dir
from claimkit.verify.model import LinkResult, LinkStatus
from claimkit.verify.options import FetchOptions
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


def test_every_thread_is_used_when_hosts_allow_it() -> None:
    started = threading.Barrier(6, timeout=5)  # breaks unless six items run at once

    def work(item: int) -> int:
        started.wait()
        return item

    assert run_bounded(list(range(6)), work, lambda n: str(n % 3), jobs=6, per_host=2) == list(
        range(6)
    )


def test_done_runs_on_the_calling_thread_once_per_item() -> None:
    seen: list[tuple[int, str]] = []
    run_bounded(
        list(range(30)),
        lambda n: n,
        lambda n: str(n % 4),
        jobs=5,
        per_host=2,
        done=lambda item, _: seen.append((item, threading.current_thread().name)),
    )
    assert sorted(item for item, _ in seen) == list(range(30))
    assert {name for _, name in seen} == {threading.current_thread().name}


def test_the_first_error_stops_the_run_and_is_raised() -> None:
    ran: list[int] = []

    def work(item: int) -> int:
        ran.append(item)
        if item == 3:
            raise ValueError("item 3 is bad")
        return item

    with pytest.raises(ValueError, match="item 3 is bad"):
        run_bounded(list(range(200)), work, lambda n: "one-host", jobs=4, per_host=1)
    assert len(ran) < 200  # nothing new started after the failure


def test_no_items_no_threads() -> None:
    assert run_bounded([], lambda n: n, str, jobs=4, per_host=1) == []


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


def test_fan_out_to_processes_gives_the_same_results(tmp_path: Path) -> None:
    try:
        second = serve("127.0.0.2")
        other = second.__enter__()
    except OSError:
        pytest.skip("127.0.0.2 is not a loopback address here")
    try:
        with serve() as first:
            urls = []
            for server in (first, other):
                for i in range(6):
                    body = f"<p>Page {i} on {server.host}.</p>".encode()
                    server.route(f"/p{i}", Reply(200, body, {"Content-Type": "text/html"}, 0.02))
                    urls.append(server.url(f"/p{i}"))
            cache = PageCache(tmp_path, max_age=3600)
            plan = Plan(FetchOptions(read_timeout=2.0), cache, jobs=4, per_host=2, processes=2)
            seen: list[str] = []
            results = fetch_all(urls, plan, lambda url, _result: seen.append(url))
            assert list(results) == urls
            assert sorted(seen) == sorted(urls)  # progress reported from the workers
            for url, result in results.items():
                assert result.status is LinkStatus.OK
                assert result.text == f"Page {url[-1]} on {url.split('/')[2].split(':')[0]}."
            assert first.max_in_flight <= 2 and other.max_in_flight <= 2
            assert first.total == 6 and other.total == 6
            # The workers wrote the cache: a second run in this process makes no request.
            again = fetch_all(urls, Plan(FetchOptions(), cache, processes=1))
            assert all(result.from_cache for result in again.values())
            assert first.total == 6 and other.total == 6
    finally:
        second.__exit__(None, None, None)


def test_partition_keeps_hosts_whole() -> None:
    from claimkit.verify.fanout import partition

    urls = [f"http://h{n % 5}.example/{n}" for n in range(40)]
    parts = partition(urls, lambda url: url.split("/")[2], 3)
    assert sorted(u for part in parts for u in part) == sorted(urls)
    hosts = [{u.split("/")[2] for u in part} for part in parts]
    assert all(not (a & b) for i, a in enumerate(hosts) for b in hosts[i + 1 :])
