"""Fetching against a real server on 127.0.0.1: statuses, retries, redirects, limits, safety."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from claimkit.verify.fetch import Fetcher, retry_after
from claimkit.verify.model import LinkStatus
from claimkit.verify.options import FetchOptions
from verify_server import (
    ARTICLE_HTML,
    Reply,
    Server,
    html_reply,
    redirect,
    serve,
)

FAST = FetchOptions(connect_timeout=1.0, read_timeout=0.5, retries=2, backoff=0.01)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def test_article_is_ok_with_main_text(server: Server) -> None:
    server.route("/article", html_reply(ARTICLE_HTML))
    result = Fetcher(FAST).fetch(server.url("/article"))
    assert result.status is LinkStatus.OK
    assert result.http_status == 200
    assert result.final_url is None
    assert result.text is not None
    assert "daily crossings from 36 to 24" in result.text
    assert "Please enter your comment" not in result.text
    assert "Skip to content" not in result.text
    assert "window.analytics" not in result.text


def test_user_agent_is_clear(server: Server) -> None:
    server.route("/ua", html_reply("<p>hello</p>"))
    Fetcher(FAST).fetch(server.url("/ua"))
    assert server.user_agents[0].startswith("claimkit/")


def test_404_is_broken_and_not_retried(server: Server) -> None:
    result = Fetcher(FAST).fetch(server.url("/gone"))
    assert result.status is LinkStatus.BROKEN
    assert result.http_status == 404
    assert server.hits["/gone"] == 1


def test_500_then_200_is_retried(server: Server) -> None:
    server.route(
        "/flaky", lambda n: Reply(500, b"oops") if n == 0 else html_reply("<p>Back again.</p>")
    )
    result = Fetcher(FAST).fetch(server.url("/flaky"))
    assert result.status is LinkStatus.OK
    assert server.hits["/flaky"] == 2


def test_persistent_500_gives_up_after_the_retries(server: Server) -> None:
    server.route("/down", Reply(503, b"down"))
    result = Fetcher(FAST).fetch(server.url("/down"))
    assert result.status is LinkStatus.BROKEN
    assert result.http_status == 503
    assert server.hits["/down"] == FAST.retries + 1


def test_429_with_retry_after_is_retried(server: Server) -> None:
    server.route(
        "/busy",
        lambda n: (
            Reply(429, b"slow down", {"Retry-After": "0"})
            if n == 0
            else html_reply("<p>Here you are.</p>")
        ),
    )
    result = Fetcher(FAST).fetch(server.url("/busy"))
    assert result.status is LinkStatus.OK
    assert server.hits["/busy"] == 2


def test_retry_after_longer_than_allowed_gives_up_without_waiting(server: Server) -> None:
    server.route("/later", Reply(429, b"", {"Retry-After": "3600"}))
    result = Fetcher(FAST).fetch(server.url("/later"))
    assert result.status is LinkStatus.BROKEN
    assert result.http_status == 429
    assert result.error is not None and "Retry-After 3600" in result.error
    assert server.hits["/later"] == 1


def test_retry_after_forms() -> None:
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after("soon") is None
    assert retry_after(None) is None


def test_slow_page_times_out(server: Server) -> None:
    server.route("/slow", Reply(200, b"<p>late</p>", {"Content-Type": "text/html"}, delay=2.0))
    result = Fetcher(FAST).fetch(server.url("/slow"))
    assert result.status is LinkStatus.TIMEOUT
    assert server.hits["/slow"] == 1  # a slow server is not asked again


def test_redirect_chain_reports_final_url(server: Server) -> None:
    server.route("/r1", redirect("/r2", 301))
    server.route("/r2", redirect(server.url("/r3"), 307))
    server.route("/r3", redirect("/article", 308))
    server.route("/article", html_reply(ARTICLE_HTML))
    result = Fetcher(FAST).fetch(server.url("/r1"))
    assert result.status is LinkStatus.REDIRECTED
    assert result.final_url == server.url("/article")
    assert result.text is not None and "Cape of Good Hope" in result.text


def test_redirect_loop_is_broken(server: Server) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    result = Fetcher(FAST).fetch(server.url("/a"))
    assert result.status is LinkStatus.BROKEN
    assert result.error == "redirect loop"
    assert server.hits["/a"] == 1 and server.hits["/b"] == 1


def test_more_than_five_redirects_is_broken(server: Server) -> None:
    for i in range(8):
        server.route(f"/hop{i}", redirect(f"/hop{i + 1}"))
    server.route("/hop8", html_reply("<p>end</p>"))
    result = Fetcher(FAST).fetch(server.url("/hop0"))
    assert result.status is LinkStatus.BROKEN
    assert result.error is not None and "more than 5 redirects" in result.error
    assert server.hits["/hop6"] == 0


@pytest.mark.parametrize("stream", [False, True], ids=["content-length", "streamed"])
def test_huge_body_is_too_large(server: Server, stream: bool) -> None:
    body = b"<p>" + b"word " * 400_000 + b"</p>"  # 2 MB
    server.route("/huge", Reply(200, body, {"Content-Type": "text/html"}, stream=stream))
    options = FetchOptions(read_timeout=2.0, retries=0, max_bytes=1024 * 1024)
    result = Fetcher(options).fetch(server.url("/huge"))
    assert result.status is LinkStatus.TOO_LARGE
    assert result.text is None


def test_pdf_is_not_html(server: Server) -> None:
    server.route("/report.pdf", Reply(200, b"%PDF-1.7\n%...", {"Content-Type": "application/pdf"}))
    result = Fetcher(FAST).fetch(server.url("/report.pdf"))
    assert result.status is LinkStatus.NOT_HTML
    assert result.content_type == "application/pdf"
    assert result.text is None


def test_redirect_to_metadata_address_is_refused_without_connecting(server: Server) -> None:
    server.route("/innocent", redirect("http://169.254.169.254/latest/meta-data/"))
    fetcher = Fetcher(FAST)
    requested: list[str] = []
    real_send = fetcher.session.send

    def spy(request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        requested.append(str(request.url))
        return real_send(request, **kwargs)

    fetcher.session.send = spy  # type: ignore[method-assign]
    result = fetcher.fetch(server.url("/innocent"))
    assert result.status is LinkStatus.REFUSED
    assert result.error is not None and "169.254.169.254" in result.error
    assert requested == [server.url("/innocent")]


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[::ffff:169.254.169.254]/",
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
    ],
)
def test_always_refused(url: str) -> None:
    result = Fetcher(FAST).fetch(url)
    assert result.status is LinkStatus.REFUSED


def test_loopback_allowed_by_default_refused_with_exclude_private(server: Server) -> None:
    server.route("/p", html_reply("<p>private</p>"))
    assert Fetcher(FAST).fetch(server.url("/p")).status is LinkStatus.OK
    strict = FetchOptions(read_timeout=0.5, retries=0, exclude_private=True)
    result = Fetcher(strict).fetch(server.url("/p"))
    assert result.status is LinkStatus.REFUSED
    assert server.hits["/p"] == 1


def test_redirect_to_private_address_refused_with_exclude_private(server: Server) -> None:
    strict = FetchOptions(read_timeout=0.5, retries=0, exclude_private=True)
    result = Fetcher(strict).fetch("http://10.0.0.1/internal")
    assert result.status is LinkStatus.REFUSED


def test_connection_refused_is_unreachable() -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = FetchOptions(connect_timeout=0.5, retries=1, backoff=0.01)
    result = Fetcher(options).fetch(f"http://127.0.0.1:{port}/")
    assert result.status is LinkStatus.UNREACHABLE


def test_cookies_set_on_a_redirect_travel_to_its_target(server: Server) -> None:
    server.route("/login", Reply(302, b"", {"Location": "/story", "Set-Cookie": "visit=1; Path=/"}))
    server.route("/story", html_reply(ARTICLE_HTML))
    result = Fetcher().fetch(server.url("/login"))
    assert result.status is LinkStatus.REDIRECTED
    story = [headers for path, headers in server.seen if path == "/story"]
    assert story and story[0].get("Cookie") == "visit=1"
    first = [headers for path, headers in server.seen if path == "/login"]
    assert "Cookie" not in first[0]


def test_credentials_in_the_url_are_sent_as_basic_auth(server: Server) -> None:
    server.route("/private", html_reply(ARTICLE_HTML))
    url = server.url("/private").replace("http://", "http://reader:s3cret@")
    assert Fetcher().fetch(url).status is LinkStatus.OK
    (path, headers), *_ = server.seen
    assert path == "/private"
    assert headers.get("Authorization") == "Basic " + base64.b64encode(b"reader:s3cret").decode()


def test_credentials_never_in_errors(server: Server) -> None:
    result = Fetcher(FAST).fetch(f"http://reader:hunter2@127.0.0.1:{server.port}/gone")
    assert result.status is LinkStatus.BROKEN
    assert "hunter2" not in repr(result.error)


def test_plain_text_pages_are_read(server: Server) -> None:
    server.route("/notes.txt", Reply(200, b"Plain words here.", {"Content-Type": "text/plain"}))
    result = Fetcher(FAST).fetch(server.url("/notes.txt"))
    assert result.status is LinkStatus.OK
    assert result.text == "Plain words here."


def test_charset_from_meta_when_header_has_none(server: Server) -> None:
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\xe9 cr\xe8me</p></body>"
    server.route("/latin", Reply(200, body.encode("latin-1"), {"Content-Type": "text/html"}))
    result = Fetcher(FAST).fetch(server.url("/latin"))
    assert result.text == "Caf\xe9 cr\xe8me"


# Messages say what happened in plain words: no urllib3 pool, retry or class names.
_INTERNALS = ("Pool", "Max retries", "NewConnectionError", "urllib3", "Errno", "Caused by")


def _plain(message: str | None) -> str:
    assert message is not None
    assert not any(word in message for word in _INTERNALS), message
    return message


def test_connection_refused_says_so_in_plain_words() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = FetchOptions(connect_timeout=0.5, retries=0)
    result = Fetcher(options).fetch(f"http://127.0.0.1:{port}/")
    assert _plain(result.error) == "connection refused"


def test_dns_failure_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_such_host(*args: object, **kwargs: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    result = Fetcher(FetchOptions(retries=0)).fetch("http://news.example/a")
    assert result.status is LinkStatus.UNREACHABLE
    assert _plain(result.error) == (
        "DNS failure: cannot resolve news.example (name or service not known)"
    )


def test_timeout_names_the_seconds(server: Server) -> None:
    server.route("/slow", Reply(200, b"<p>late</p>", {"Content-Type": "text/html"}, delay=2.0))
    result = Fetcher(FAST).fetch(server.url("/slow"))
    assert _plain(result.error).startswith("timeout after 0.5 s")


def test_tls_error_says_tls(server: Server) -> None:
    # https:// to a plain-HTTP server: the handshake fails.
    url = server.url("/").replace("http://", "https://")
    result = Fetcher(FetchOptions(retries=0, connect_timeout=1.0)).fetch(url)
    assert result.status is LinkStatus.UNREACHABLE
    assert _plain(result.error).startswith("TLS error: ")
