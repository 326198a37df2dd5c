"""Fetch one URL: safety checks, retries, redirects, size cap, and a status for the result.

One ``requests.Session`` is shared by every worker thread (its connection pool is sized
to the number of workers). Redirects are followed here, not by requests, so that every
hop's address passes the safety check before anything connects to it.
"""

from __future__ import annotations

import email.utils
import re
import time
from urllib.parse import urljoin, urlsplit

import requests

from claimkit import lazy_re
from claimkit.verify.deadline import Watchdog, adapter
from claimkit.verify.extract import main_text
from claimkit.verify.model import LinkResult, LinkStatus, scrub
from claimkit.verify.options import FetchOptions
from claimkit.verify.safety import Guard, Refused, Unresolvable

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_CHARSET = lazy_re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w\-]+)""", re.IGNORECASE)


class _GiveUp(Exception):
    def __init__(self, status: LinkStatus, error: str, http_status: int | None = None) -> None:
        super().__init__(error)
        self.status = status
        self.error = error
        self.http_status = http_status


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _decode(body: bytes, response: requests.Response) -> str:
    declared = requests.utils.get_encoding_from_headers(response.headers)
    # requests defaults text/* without a charset to ISO-8859-1; the page's own meta is better.
    if declared and "charset" not in response.headers.get("content-type", "").lower():
        declared = None
    if not declared:
        found = _CHARSET.search(body[:4096])
        declared = found.group(1).decode("ascii") if found else "utf-8"
    try:
        return body.decode(declared, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps: requests and urllib3 nest the socket error two deep,
    sometimes only in ``args`` (urllib3's MaxRetryError keeps it as ``reason``)."""
    found: list[BaseException] = []
    pending: list[BaseException] = [exc]
    while pending and len(found) < 20:
        current = pending.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        reason = getattr(current, "reason", None)
        for nested in (current.__cause__, current.__context__, reason, *current.args):
            if isinstance(nested, BaseException):
                pending.append(nested)
    return found


def plain_reason(exc: BaseException) -> str:
    """What happened, in the words a person would use: never urllib3's class names."""
    import socket
    import ssl

    causes = _causes(exc)
    for cause in causes:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"certificate not trusted ({cause.verify_message or cause.reason})"
        if isinstance(cause, ssl.SSLError):
            return (
                str(cause.reason or cause.strerror or "handshake failed").lower().replace("_", " ")
            )
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, socket.gaierror):
            return f"DNS failure ({(cause.strerror or 'unknown host').lower()})"
        if isinstance(cause, TimeoutError | socket.timeout):
            return "timeout"
    import http.client

    for cause in causes:
        if isinstance(cause, http.client.HTTPException) and not isinstance(
            cause, http.client.RemoteDisconnected
        ):
            return f"invalid response ({cause})"
    for cause in causes:
        if type(cause).__name__ in ("RemoteDisconnected", "ProtocolError"):
            return "the server closed the connection without a response"
        if isinstance(cause, OSError) and cause.strerror:
            return f"connection failed ({cause.strerror.lower()})"
    return "connection failed"


class Fetcher:
    """Thread-safe: one instance serves every worker of a run."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self.guard = Guard(self.options.exclude_private)
        self.session = requests.Session()
        # Proxies and .netrc from the environment are not used: credentials from .netrc
        # must not travel to whatever host a source link names.
        self.session.trust_env = False
        self.deadline = Watchdog()
        mounted = adapter(
            self.deadline,
            pool_connections=64,
            pool_maxsize=max(1, self.options.pool_size),
            max_retries=0,
        )
        self.session.mount("http://", mounted)
        self.session.mount("https://", mounted)
        self.session.headers.update(
            {
                "User-Agent": self.options.user_agent,
                "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            }
        )
        self._headers = dict(self.session.headers)

    def close(self) -> None:
        self.session.close()

    def excluded(self, url: str) -> LinkResult | None:
        """The result for a URL the exclude patterns keep from being fetched, or None."""
        pattern = self.options.excluded(url)
        if pattern is None:
            return None
        return LinkResult(url, LinkStatus.EXCLUDED, error=f"excluded by {pattern!r}")

    def fetch(self, url: str) -> LinkResult:
        skipped = self.excluded(url)
        if skipped is not None:
            return skipped
        try:
            return self._fetch(url)
        except _GiveUp as stop:
            return LinkResult(url, stop.status, stop.http_status, None, scrub(stop.error, url))
        except (ValueError, UnicodeError, LookupError, requests.RequestException) as exc:
            # A URL that urllib3 or the IDNA codec cannot take, found after the checks:
            # this link's result, never the run's end.
            error = scrub(f"invalid URL: {exc}", url)
            return LinkResult(url, LinkStatus.UNREACHABLE, None, None, error)
        except Exception as exc:  # whatever a hostile server provokes
            # (a protocol error http.client raises unwrapped, a page that defeats the
            # HTML parser): one link's result, never the run's end.
            error = scrub(f"failed: {type(exc).__name__}: {exc}", url)
            return LinkResult(url, LinkStatus.UNREACHABLE, None, None, error)
        finally:
            self.deadline.disarm()

    def _fetch(self, url: str) -> LinkResult:
        current = url
        seen = {url}
        hops = 0
        while True:
            self._check(current)
            response = self._get(current)
            if response.status_code in _REDIRECTS and response.headers.get("location"):
                response.close()
                self.deadline.disarm()
                target = _redirect_target(current, response.headers["location"])
                if target is None:
                    raise _GiveUp(LinkStatus.BROKEN, "invalid redirect", response.status_code)
                hops += 1
                if target in seen:
                    raise _GiveUp(LinkStatus.BROKEN, "redirect loop", response.status_code)
                if hops > self.options.max_redirects:
                    raise _GiveUp(
                        LinkStatus.BROKEN,
                        f"more than {self.options.max_redirects} redirects",
                        response.status_code,
                    )
                seen.add(target)
                current = target
                continue
            return self._result(url, current if hops else None, response)

    def _check(self, url: str) -> None:
        try:
            self.guard.check(url)
        except Refused as exc:
            raise _GiveUp(LinkStatus.REFUSED, f"refused: {exc}") from None
        except Unresolvable as exc:
            raise _GiveUp(LinkStatus.UNREACHABLE, str(exc)) from None

    def _get(self, url: str) -> requests.Response:
        """One request, retried on connection errors, 429 and 5xx with exponential backoff."""
        opts = self.options
        for attempt in range(opts.retries + 1):
            last = attempt == opts.retries
            wait = opts.backoff * (2**attempt)
            self.deadline.arm(opts.read_timeout)
            try:
                # Prepared by hand: Session.request re-merges session settings on every
                # call, a third of the CPU a request costs, for settings that never change.
                prepared = requests.PreparedRequest()
                prepared.prepare(
                    method="GET", url=url, headers=self._headers, cookies=self.session.cookies
                )
                response = self.session.send(
                    prepared,
                    stream=True,
                    allow_redirects=False,
                    timeout=(opts.connect_timeout, opts.read_timeout),
                )
            except requests.exceptions.RequestException as exc:
                if self.deadline.expired():
                    raise _GiveUp(LinkStatus.TIMEOUT, self._late()) from None
                self._failed(exc, last)
            except (ValueError, UnicodeError):
                # requests reads the Location of a redirect even when not following it,
                # and urlsplit raises on one such as "http://[::1".
                raise _GiveUp(LinkStatus.BROKEN, "invalid redirect") from None
            else:
                code = response.status_code
                if (code != 429 and code < 500) or code in opts.accept:
                    return response
                if last:
                    return response
                asked = retry_after(response.headers.get("retry-after"))
                response.close()
                if asked is not None:
                    if asked > opts.max_retry_wait:
                        raise _GiveUp(
                            LinkStatus.BROKEN,
                            f"HTTP {code}, Retry-After {asked:g}s exceeds {opts.max_retry_wait:g}s",
                            code,
                        )
                    wait = asked
            self.deadline.disarm()
            time.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _late(self) -> str:
        return f"timeout after {self.options.read_timeout:g} s (response incomplete)"

    def _failed(self, exc: requests.RequestException, last: bool) -> None:
        """Raise _GiveUp for a failed request, unless it is worth another attempt."""
        errors = requests.exceptions
        if isinstance(exc, errors.ConnectTimeout):
            if last:
                timeout = self.options.connect_timeout
                raise _GiveUp(LinkStatus.TIMEOUT, f"timeout after {timeout:g} s (connecting)")
        elif isinstance(exc, errors.ReadTimeout):
            # A slow server stays slow: waiting again would only double the run.
            timeout = self.options.read_timeout
            raise _GiveUp(LinkStatus.TIMEOUT, f"timeout after {timeout:g} s (no response)")
        elif isinstance(exc, errors.SSLError):
            raise _GiveUp(LinkStatus.UNREACHABLE, f"TLS error: {plain_reason(exc)}")
        elif isinstance(exc, errors.ConnectionError):
            if last:
                raise _GiveUp(LinkStatus.UNREACHABLE, plain_reason(exc))
        else:
            raise _GiveUp(LinkStatus.UNREACHABLE, plain_reason(exc))

    def _result(self, url: str, final: str | None, response: requests.Response) -> LinkResult:
        code = response.status_code
        content_type = response.headers.get("content-type")

        def result(
            status: LinkStatus, error: str | None = None, text: str | None = None
        ) -> LinkResult:
            return LinkResult(url, status, code, final, error, content_type, text)

        if code in self.options.accept and not 200 <= code < 300:
            # Alive by the user's word; the body is an error page, not the source, so its
            # claims stay unchecked rather than "not found".
            response.close()
            status = LinkStatus.REDIRECTED if final is not None else LinkStatus.OK
            return result(status, f"HTTP {code} accepted")
        if code >= 400:
            response.close()
            reason = response.reason or ""
            return result(LinkStatus.BROKEN, f"HTTP {code} {reason}".strip())
        media = _media_type(content_type)
        if media and not media.startswith(_HTML_TYPES + _TEXT_TYPES):
            response.close()
            return result(LinkStatus.NOT_HTML, f"content type {media}")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.options.max_bytes:
            response.close()
            return result(LinkStatus.TOO_LARGE, self._too_large())
        body = self._read(response)
        if body is None:
            return result(LinkStatus.TOO_LARGE, self._too_large())
        decoded = _decode(body, response)
        if media.startswith(_TEXT_TYPES):
            text = decoded
        elif media or decoded.lstrip()[:512].lower().startswith(("<!doctype html", "<html")):
            text = main_text(decoded)
        else:
            return result(LinkStatus.NOT_HTML, "no content type")
        return result(LinkStatus.REDIRECTED if final is not None else LinkStatus.OK, text=text)

    def _too_large(self) -> str:
        return f"body larger than {self.options.max_bytes} bytes"

    def _read(self, response: requests.Response) -> bytes | None:
        """The decoded body, or None past the size cap; a body past the deadline is a timeout."""
        limit = self.options.max_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > limit:
                    return None
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            if self.deadline.expired() or "timed out" in str(exc):
                raise _GiveUp(LinkStatus.TIMEOUT, self._late(), response.status_code) from None
            raise _GiveUp(
                LinkStatus.UNREACHABLE, f"reading the body failed: {exc}", response.status_code
            ) from None
        finally:
            response.close()
        if self.deadline.expired():
            # The watchdog shut the socket: what arrived is a truncated page, not the page.
            raise _GiveUp(LinkStatus.TIMEOUT, self._late(), response.status_code)
        return b"".join(chunks)


def _redirect_target(current: str, location: str) -> str | None:
    """The absolute URL a ``Location`` names, or None when it is not a valid URL."""
    try:
        target = urljoin(current, location.strip())
        parts = urlsplit(target)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return target
