"""Worker processes: forked early or late, they give the run's results and never outlive it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from claimkit.verify.claims import ClaimRef
from claimkit.verify.fanout import EARLY_BYTES, Report, Workers
from claimkit.verify.model import LinkStatus, MatchKind
from claimkit.verify.options import FetchOptions
from claimkit.verify.run import Plan, preload, verify
from verify_server import Reply, Server, serve

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="worker processes are forked (POSIX only)"
)


@pytest.fixture
def two_hosts() -> Iterator[tuple[Server, Server]]:
    with ExitStack() as stack:
        first = stack.enter_context(serve())
        try:
            second = stack.enter_context(serve("127.0.0.2"))
        except OSError:
            pytest.skip("127.0.0.2 is not a loopback address here")
        yield first, second


def _refs(servers: tuple[Server, ...], pages: int) -> list[ClaimRef]:
    refs = []
    for server in servers:
        for i in range(pages):
            sentence = f"Harbour {server.host} moved {i} thousand boxes in the last month."
            body = f"<html><body><p>{sentence}</p></body></html>".encode()
            server.route(f"/p{i}", Reply(200, body, {"Content-Type": "text/html"}))
            url = server.url(f"/p{i}")
            refs.append(ClaimRef("doc.md", str(len(refs) + 1), len(refs) + 1, url, sentence, ""))
    return refs


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by a parent that is gone) counts as gone.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[1].startswith("Z"))


def test_early_workers_only_for_big_inputs() -> None:
    assert Workers.early(EARLY_BYTES - 1, None, preload, max_count=128) is None
    assert Workers.early(EARLY_BYTES, 1, preload, max_count=128) is None  # --jobs 1 alike
    assert Workers.early(EARLY_BYTES, None, preload, max_count=1) is None
    workers = Workers.early(EARLY_BYTES, 2, preload, max_count=128)
    assert workers is not None and len(workers) == 2
    workers.close()
    assert len(workers) == 0


def test_early_workers_give_the_same_results_as_one_process(
    two_hosts: tuple[Server, Server],
) -> None:
    refs = _refs(two_hosts, 5)
    plan = Plan(FetchOptions(read_timeout=2.0), None, jobs=8, per_host=2, processes=2)
    seen: list[str] = []
    links, results = verify(refs, plan, lambda url, _: seen.append(url), Workers(2, preload))
    assert sorted(seen) == sorted(links)  # progress reported from the workers, once per URL
    assert all(link.status is LinkStatus.OK for link in links.values())
    assert [r.sentence.kind for r in results] == [MatchKind.FOUND] * len(refs)
    assert [r.ref for r in results] == refs
    # The per-host limit held across the workers (checked before the next run, which
    # uses the default limit).
    assert all(server.max_in_flight <= 2 for server in two_hosts)
    alone, _ = verify(refs, Plan(FetchOptions(read_timeout=2.0), None, jobs=8, processes=1))
    assert {url: link.status for url, link in alone.items()} == {
        url: link.status for url, link in links.items()
    }


def test_a_small_run_sends_early_workers_home(two_hosts: tuple[Server, Server]) -> None:
    refs = _refs(two_hosts[:1], 3)  # one host: nothing to share out
    workers = Workers(2, preload)
    children = list(workers._children)
    links, _ = verify(refs, Plan(FetchOptions(read_timeout=2.0), None, processes=2), None, workers)
    assert all(link.status is LinkStatus.OK for link in links.values())
    for child in children:
        child.join(5)
        assert not child.is_alive()


def test_more_workers_than_buckets(two_hosts: tuple[Server, Server]) -> None:
    refs = _refs(two_hosts, 2)
    workers = Workers(3, preload)
    children = list(workers._children)
    links, _ = verify(refs, Plan(FetchOptions(read_timeout=2.0), None, processes=3), None, workers)
    assert len(links) == 4 and all(link.status is LinkStatus.OK for link in links.values())
    for child in children:
        child.join(5)
        assert not child.is_alive()


def test_workers_exit_when_their_parent_dies(tmp_path: Path) -> None:
    # The parent forks two waiting workers, prints their pids and dies without a word.
    script = (
        "import os, sys\n"
        "from claimkit.verify.fanout import Workers\n"
        "workers = Workers(2)\n"
        "print(*(child.pid for child in workers._children), flush=True)\n"
        "os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    pids = [int(pid) for pid in done.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in pids)


def _report_or_die(job: tuple[str, bool], report: Report) -> str | None:
    url, die = job
    if die:
        os._exit(3)  # a worker killed mid-run: no goodbye, no results
    report(url, "payload")
    return None


def test_a_worker_that_dies_is_noticed_and_the_rest_still_reported() -> None:
    workers = Workers(2)
    children = list(workers._children)
    started = time.monotonic()
    payloads, warnings = workers.run(
        _report_or_die, [("http://a.example/", False), ("http://b.example/", True)], None
    )
    assert payloads == {"http://a.example/": "payload"}
    assert warnings == []
    assert time.monotonic() - started < 10
    assert not any(child.is_alive() for child in children)
