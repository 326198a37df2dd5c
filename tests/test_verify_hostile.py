"""verify against hostile servers on 127.0.0.1: dripping, bad redirects, Ctrl-C."""

from __future__ import annotations

import ipaddress
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder import Row
from claimkit.verify.fetch import Fetcher
from claimkit.verify.model import LinkStatus
from claimkit.verify.options import FetchOptions
from claimkit.verify.safety import address_problem
from test_verify_cli import explainer
from verify_server import (
    ARTICLE_HTML,
    ARTICLE_SENTENCES,
    Reply,
    Server,
    html_reply,
    redirect,
    serve,
)

SCRIPT = Path(sys.executable).with_name("claimkit")


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        running.route("/article", html_reply(ARTICLE_HTML))
        running.route(
            "/drip",
            Reply(200, b"<p>" + b"x" * 500 + b"</p>", {"Content-Type": "text/html"}, drip=0.2),
        )
        running.route("/bad-redirect", redirect("http://[::1"))
        yield running


@pytest.mark.parametrize("timeout", [0.6, 1.5])
def test_a_dripping_server_is_cut_at_the_total_deadline(server: Server, timeout: float) -> None:
    options = FetchOptions(connect_timeout=1.0, read_timeout=timeout, retries=2, backoff=0.01)
    start = time.monotonic()
    result = Fetcher(options).fetch(server.url("/drip"))
    elapsed = time.monotonic() - start
    assert result.status is LinkStatus.TIMEOUT
    assert result.error == f"timeout after {timeout:g} s (response incomplete)"
    assert timeout <= elapsed < timeout + 1.5  # margin for a loaded machine
    assert server.hits["/drip"] == 1  # not retried


def test_a_body_dripping_after_quick_headers_is_cut_too(server: Server) -> None:
    def headers_then_drip(_: int) -> Reply:
        return Reply(200, b"<p>" + b"y" * 500 + b"</p>", {"Content-Type": "text/html"}, drip=0.01)

    server.route("/slow-body", headers_then_drip)
    options = FetchOptions(read_timeout=0.8, retries=0)
    start = time.monotonic()
    result = Fetcher(options).fetch(server.url("/slow-body"))
    assert result.status is LinkStatus.TIMEOUT and time.monotonic() - start < 2.5


def test_an_invalid_redirect_is_that_links_result(server: Server) -> None:
    result = Fetcher(FetchOptions(read_timeout=1.0, retries=0)).fetch(server.url("/bad-redirect"))
    assert result.status is LinkStatus.BROKEN and result.error == "invalid redirect"


def test_the_run_survives_a_bad_redirect_and_a_drip(tmp_path: Path, server: Server) -> None:
    rows = [
        Row("1", ARTICLE_SENTENCES[0], url=server.url("/article")),
        Row("2", ARTICLE_SENTENCES[1], url=server.url("/bad-redirect")),
        Row("3", ARTICLE_SENTENCES[2], url=server.url("/drip")),
        Row("4", ARTICLE_SENTENCES[3], url="http://[::1/broken"),
    ]
    path = explainer(tmp_path, rows)
    start = time.monotonic()
    result = subprocess.run(
        [str(SCRIPT), "verify", "--no-cache", "--format", "json", "--timeout", "2", str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert time.monotonic() - start < 8
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    links = {link["url"]: link for link in json.loads(result.stdout)["links"]}
    assert links[server.url("/article")]["status"] == "ok"
    assert links[server.url("/bad-redirect")]["error"] == "invalid redirect"
    assert links[server.url("/drip")]["status"] == "timeout"
    assert result.returncode == 1


@pytest.mark.parametrize(
    "address",
    [
        "::169.254.169.254",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::a9fe:a9fe",
        "2002:a9fe:a9fe::1",
        "2001:0:a9fe:a9fe::1",
        "ff02::1",
        "224.0.0.251",
        "fd00:ec2::254",
        "100.100.100.200",
        "169.254.169.254",
    ],
)
def test_metadata_multicast_and_embedded_forms_are_always_refused(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), exclude_private=False) is not None


@pytest.mark.parametrize("address", ["::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:c0a8:101::1"])
def test_embedded_private_addresses_follow_exclude_private(address: str) -> None:
    parsed = ipaddress.ip_address(address)
    assert address_problem(parsed, exclude_private=True) is not None


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "93.184.216.34", "2606:2800:220:1::"])
def test_ordinary_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address), exclude_private=False) is None


def test_ctrl_c_is_one_line_and_130(tmp_path: Path, server: Server) -> None:
    rows = [Row(str(i), ARTICLE_SENTENCES[0], url=server.url(f"/drip?{i}")) for i in range(1, 9)]
    path = explainer(tmp_path, rows)
    process = subprocess.Popen(
        [str(SCRIPT), "verify", "--no-cache", "--timeout", "30", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while server.hits["/drip"] < 8 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    _, stderr = process.communicate(timeout=20)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1] == "claimkit: interrupted"
    assert "Traceback" not in stderr


def test_a_hundred_and_one_headers_is_that_links_result(server: Server) -> None:
    headers = {f"X-Filler-{n}": "x" for n in range(150)}
    server.route("/headers", Reply(200, b"<p>x</p>", {"Content-Type": "text/html", **headers}))
    result = Fetcher(FetchOptions(read_timeout=2.0, retries=0)).fetch(server.url("/headers"))
    assert result.status is LinkStatus.UNREACHABLE and "more than 100 headers" in (
        result.error or ""
    )
