"""A total deadline for each request: connecting, headers and body, together.

requests' timeouts bound each socket operation, so a server sending one byte a second
never trips them: a page could take minutes. Here each fetching thread arms a deadline
before it sends; the connections register their socket when they wait for a response;
one watchdog thread shuts down the socket of any request still running at its deadline,
which ends the blocked read at once. ``expired()`` then tells the caller to report a
timeout rather than a dropped connection.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class _Entry:
    deadline: float
    sock: socket.socket | None = None
    expired: bool = False


def _shutdown(sock: socket.socket) -> None:
    # socket.socket's own shutdown, not SSLSocket's: a plain syscall that any thread may
    # make while another is blocked reading.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Watchdog:
    def __init__(self) -> None:
        self._entries: dict[int, _Entry] = {}
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._owner = os.getpid()

    def arm(self, seconds: float) -> None:
        """Start this thread's request: it must be over within ``seconds``."""
        entry = _Entry(time.monotonic() + seconds)
        with self._changed:
            self._entries[threading.get_ident()] = entry
            if self._thread is None or self._owner != os.getpid():
                # (A forked child inherits the object but not the thread: start its own.)
                self._owner = os.getpid()
                self._thread = threading.Thread(
                    target=self._watch, name="claimkit-deadline", daemon=True
                )
                self._thread.start()
            self._changed.notify()

    def disarm(self) -> None:
        with self._changed:
            self._entries.pop(threading.get_ident(), None)

    def attach(self, sock: Any) -> None:
        """The socket this thread's request reads from (called by the connection)."""
        if not isinstance(sock, socket.socket):
            return
        with self._changed:
            entry = self._entries.get(threading.get_ident())
            if entry is None:
                return
            entry.sock = sock
            if entry.expired:
                _shutdown(sock)

    def expired(self) -> bool:
        with self._changed:
            entry = self._entries.get(threading.get_ident())
            return entry is not None and (entry.expired or time.monotonic() >= entry.deadline)

    def _watch(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                upcoming = None
                for entry in self._entries.values():
                    if entry.expired:
                        continue
                    if entry.deadline <= now:
                        entry.expired = True
                        if entry.sock is not None:
                            _shutdown(entry.sock)
                    elif upcoming is None or entry.deadline < upcoming:
                        upcoming = entry.deadline
                self._changed.wait(None if upcoming is None else upcoming - now)


def adapter(watchdog: Watchdog, **kwargs: Any) -> Any:
    """A requests HTTPAdapter whose connections report their socket to ``watchdog``."""
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class Watched:
        """Mixed into both connection classes: each socket reports to the watchdog."""

        sock: Any

        def _new_conn(self) -> Any:
            sock = super()._new_conn()  # type: ignore[misc]
            watchdog.attach(sock)  # from here on, a TLS handshake is bounded too
            return sock

        def getresponse(self, *args: Any, **kw: Any) -> Any:
            watchdog.attach(self.sock)
            return super().getresponse(*args, **kw)  # type: ignore[misc]

    class Plain(Watched, HTTPConnection):
        pass

    class Secure(Watched, HTTPSConnection):
        pass

    class PlainPool(HTTPConnectionPool):
        ConnectionCls = Plain

    class SecurePool(HTTPSConnectionPool):
        ConnectionCls = Secure

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kw: Any) -> None:
            super().init_poolmanager(*args, **kw)
            self.poolmanager.pool_classes_by_scheme = {"http": PlainPool, "https": SecurePool}

    return Adapter(**kwargs)
