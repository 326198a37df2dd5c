"""Which URLs claimkit may fetch: http(s) only; never link-local, metadata or multicast.

The check runs on the resolved addresses, before the first request and again before
every redirect hop, so a public name that resolves (or redirects) to 169.254.169.254
is refused before anything connects to it. An IPv6 address is judged by every IPv4
address it embeds as well (mapped, compatible, NAT64, 6to4, Teredo), so
``::169.254.169.254`` is 169.254.169.254. ``exclude_private`` also refuses loopback,
private and other non-global ranges.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = ("http", "https")
# Link-local ranges, where cloud metadata services live.
_LINK_LOCAL = (
    ipaddress.ip_network("169.254.0.0/16"),
    ipaddress.ip_network("fe80::/10"),
)
# Cloud metadata and platform services outside link-local: refused even when private
# addresses are allowed (AWS IPv6 IMDS, GCP IPv6, Alibaba Cloud, Oracle Cloud, Azure).
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("fd00:ec2::254", "fd20:ce::254", "100.100.100.200", "192.0.0.192", "168.63.129.16")
)
# IPv6 prefixes whose last 32 bits are an IPv4 address the traffic reaches (NAT64: the
# well-known prefix and the local-use one of RFC 8215).
_NAT64 = (
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("64:ff9b:1::/48"),
)


class Refused(Exception):
    """The URL must not be fetched; the message says why."""


class Unresolvable(Exception):
    """The host name does not resolve."""


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address an IPv6 address carries: mapped, compatible, NAT64, 6to4, Teredo."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    value = int(address)
    if value >> 32 == 0 and value > 1:  # IPv4-compatible ::a.b.c.d (not :: or ::1)
        found.append(ipaddress.IPv4Address(value & 0xFFFFFFFF))
    if any(address in network for network in _NAT64):
        found.append(ipaddress.IPv4Address(value & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)  # (server, client)
    return found


def address_problem(address: IPAddress, exclude_private: bool) -> str | None:
    """Why ``address`` may not be contacted, or None."""
    if isinstance(address, ipaddress.IPv6Address):
        for inner in embedded_ipv4(address):
            problem = _problem(inner, exclude_private)
            if problem is not None:
                return f"{address} embeds {inner}: {problem}"
    return _problem(address, exclude_private)


def _problem(address: IPAddress, exclude_private: bool) -> str | None:
    if address in _METADATA or any(address in network for network in _LINK_LOCAL):
        return f"{address} is a link-local or cloud-metadata address"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if exclude_private and not address.is_global:
        return f"{address} is a loopback or private address (--exclude-private)"
    return None


class Guard:
    """Checks URLs; remembers each host's addresses for the run (one DNS query per host)."""

    def __init__(self, exclude_private: bool = False) -> None:
        self.exclude_private = exclude_private
        self._resolved: dict[tuple[str, int], tuple[IPAddress, ...] | str] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        """Raise Refused (or Unresolvable) unless ``url`` may be fetched."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise Refused(f"unparsable URL ({exc})") from None
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise Refused(f"scheme {scheme or '(none)'!r} is not http or https")
        host = parts.hostname
        if not host:
            raise Refused("URL has no host")
        for address in self.addresses(host, port or (443 if scheme == "https" else 80)):
            problem = address_problem(address, self.exclude_private)
            if problem is not None:
                raise Refused(problem)

    def addresses(self, host: str, port: int) -> tuple[IPAddress, ...]:
        try:
            return (ipaddress.ip_address(host.strip("[]")),)
        except ValueError:
            pass
        key = (host.lower(), port)
        with self._lock:
            known = self._resolved.get(key)
        if known is None:
            known = _resolve(host, port)
            with self._lock:
                self._resolved[key] = known
        if isinstance(known, str):
            raise Unresolvable(known)
        return known


def _resolve(host: str, port: int) -> tuple[IPAddress, ...] | str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        why = (exc.strerror or "unknown host").lower()
        return f"DNS failure: cannot resolve {host} ({why})"
    except (UnicodeError, OSError) as exc:
        return f"DNS failure: cannot resolve {host} ({exc})"
    found: list[IPAddress] = []
    for info in infos:
        raw = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        try:
            address = ipaddress.ip_address(raw)
        except ValueError:
            continue
        if address not in found:
            found.append(address)
    return tuple(found) if found else f"DNS failure: cannot resolve {host} (no address)"
