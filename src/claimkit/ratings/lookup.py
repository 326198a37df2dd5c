"""From a source URL to its rating: the most specific entry, per the spec's look-up policy.

Policy (spec section 2, "Edge cases, decided"):

1. Hosts are compared without a leading ``www.``. The URL's full host is tried first, then
   each parent domain down to the registered domain (``edition.cnn.com`` -> ``cnn.com``).
2. Within a host, the entry with the longest path prefix that matches whole path segments
   wins (``cnn.com/opinions/x`` -> CNN (Opinion); ``cnn.com/europe/x`` -> CNN Digital).
3. Several entries on the same host and path: News Media entries win. Entries left that
   disagree make the match ambiguous; every tied label is kept.
4. Layers: an entry in a later file replaces every earlier-file entry with the same host
   and path, so a user's file overrides the shipped one precisely where it speaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from claimkit import lazy_re
from claimkit.ratings.schema import Entry, normalize_host, normalize_path

NEWS_MEDIA = "News Media"


@dataclass(frozen=True, slots=True)
class Match:
    host: str  # the URL's host, without www.
    matched_host: str
    matched_path: str  # "" for the whole site
    entries: tuple[Entry, ...]  # the winner first; more than one when tied
    candidates: int  # entries on the matched host+path before the News Media preference

    @property
    def registered_domain(self) -> str:
        return registered_domain(self.host)

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(entry.bias for entry in self.entries))

    @property
    def ambiguous(self) -> bool:
        return len(self.labels) > 1

    def reason(self) -> str:
        where = self.matched_host + self.matched_path
        if self.matched_path:
            why = f"longest path prefix {where}"
        elif self.matched_host == self.host:
            why = f"whole site {where}"
        else:
            why = f"parent domain {where} (of {self.host})"
        if self.candidates > len(self.entries):
            why += f"; {self.candidates} entries there, the News Media one preferred"
        if self.ambiguous:
            why += "; ambiguous: " + ", ".join(f"{e.name} ({e.bias})" for e in self.entries)
        return why


_extractor: Any = None


@lru_cache(maxsize=65536)
def registered_domain(host: str) -> str:
    """``edition.cnn.com`` -> ``cnn.com``, from tldextract's bundled public suffix snapshot.

    Called only when an answer needs it (a parent-domain match, an unrated host), so a run
    whose sources all match their own host never imports tldextract (nor requests with it).
    """
    global _extractor
    if _extractor is None:
        import tldextract

        # No suffix-list URLs and no cache directory: the snapshot inside the package only,
        # so no network and no writes to the user's home.
        _extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    parts = _extractor(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host


# scheme://host[:port][/path][?query][#fragment] with a plain host: nearly every source URL.
# urlsplit gives the same host and path for these (tests/test_ratings_lookup.py checks).
_PLAIN_URL = lazy_re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?::[0-9]*)?(/[^?#]*)?(?:[?#].*)?", re.DOTALL
)
_SPACE = lazy_re.compile(r"\s")


def split_source(url_or_domain: str) -> tuple[str, str]:
    """(host without www., normalised path) of a URL or a bare ``domain/path``."""
    text = url_or_domain.strip()
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    plain = _PLAIN_URL.fullmatch(text)
    if plain is not None and not _SPACE.search(text):
        return normalize_host(plain[1]), normalize_path(plain[2] or "")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return "", ""
    return normalize_host(host), normalize_path(parts.path)


def _segments_match(prefix: str, path: str) -> bool:
    return not prefix or path == prefix or path.startswith(prefix + "/")


class Database:
    """The layered entries, indexed by host; look-ups are cached per host."""

    def __init__(self, layers: Iterable[Sequence[Entry]]) -> None:
        by_key: dict[tuple[str, str], list[Entry]] = {}
        order: list[Entry] = []
        for layer in layers:
            fresh: dict[tuple[str, str], list[Entry]] = {}
            for entry in layer:
                for host in entry.domains:
                    for path in entry.paths or ("",):
                        fresh.setdefault((host, path), []).append(entry)
            by_key.update(fresh)  # a later layer replaces earlier entries at the same key
            order.extend(layer)
        self._by_host: dict[str, list[tuple[str, tuple[Entry, ...]]]] = {}
        for (host, path), entries in by_key.items():
            self._by_host.setdefault(host, []).append((path, tuple(entries)))
        for paths in self._by_host.values():
            paths.sort(key=lambda item: -len(item[0]))  # longest prefix first
        live = {id(e) for entries in by_key.values() for e in entries}
        self.entries: tuple[Entry, ...] = tuple(e for e in order if id(e) in live)
        self._host_chain = lru_cache(maxsize=65536)(self._chain)  # per host, for the run

    def __len__(self) -> int:
        return len(self.entries)

    def _chain(self, host: str) -> tuple[str, ...]:
        """The hosts to try for ``host``, most specific first, each one in the index.

        Parents are tried down to the registered domain only: an entry for ``co.uk`` must not
        rate every site under it. The public suffix list is consulted only when a parent of
        the host is in the index at all.
        """
        labels = host.split(".")
        hosts = [
            h for h in (".".join(labels[i:]) for i in range(len(labels))) if h in self._by_host
        ]
        if any(h != host for h in hosts):
            registered = registered_domain(host)
            hosts = [h for h in hosts if h in (host, registered) or h.endswith("." + registered)]
        return tuple(hosts)

    def registered(self, url_or_domain: str) -> str:
        host, _ = split_source(url_or_domain)
        return registered_domain(host) if host else ""

    def lookup(self, url_or_domain: str) -> Match | None:
        return self.lookup_parts(*split_source(url_or_domain))

    def lookup_parts(self, host: str, path: str) -> Match | None:
        """``lookup`` for a source already split by ``split_source``."""
        if not host:
            return None
        for candidate in self._host_chain(host):
            for prefix, entries in self._by_host[candidate]:
                if _segments_match(prefix, path):
                    news = tuple(e for e in entries if e.source_type == NEWS_MEDIA)
                    return Match(
                        host=host,
                        matched_host=candidate,
                        matched_path=prefix,
                        entries=news or entries,
                        candidates=len(entries),
                    )
        return None
