"""The look-up policy of spec section 2: path prefix, then host, then parent domains."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.ratings.lookup import Database, registered_domain
from claimkit.ratings.schema import Entry


def entry(name: str, domain: str, bias: str, path: str = "", kind: str = "News Media") -> Entry:
    return Entry(name, (domain,), (path,) if path else (), bias, kind, "", "test", "2024")


SHIPPED_LIKE = [
    entry("Daily Digital", "daily.example.com", "Lean Left"),
    entry("Daily (Opinion)", "daily.example.com", "Left", "/opinions"),
    entry("Daily Fact Check", "daily.example.com", "Left", "/specials/fact-check", "Fact Check"),
    entry("Wire", "wire.example.org", "Left"),
    entry("Wire", "wire.example.org", "Lean Left"),
    entry("Wire Podcast", "wire.example.org", "Center", kind="Podcast"),
    entry("Twin A", "twins.example.net", "Center"),
    entry("Twin B", "twins.example.net", "Center"),
    entry("Fact desk", "facts.example.net", "Right", kind="Fact Check"),
    entry("Fact desk 2", "facts.example.net", "Left", kind="Fact Check"),
]


@pytest.fixture
def db() -> Database:
    return Database([SHIPPED_LIKE])


@pytest.mark.parametrize(
    ("url", "name", "why"),
    [
        ("https://www.daily.example.com/europe/live-news/x", "Daily Digital", "whole site"),
        ("https://daily.example.com/opinions/2022/piece", "Daily (Opinion)", "longest path"),
        ("https://daily.example.com/OPINIONS", "Daily (Opinion)", "longest path"),
        ("https://daily.example.com/opinionsx/piece", "Daily Digital", "whole site"),
        ("https://daily.example.com/specials/fact-check/x", "Daily Fact Check", "longest path"),
        ("https://daily.example.com/specials/other", "Daily Digital", "whole site"),
        ("https://edition.daily.example.com/2022/x", "Daily Digital", "parent domain"),
        ("https://a.b.edition.daily.example.com/opinions/x", "Daily (Opinion)", "longest path"),
        ("daily.example.com", "Daily Digital", "whole site"),
        ("www.daily.example.com/opinions", "Daily (Opinion)", "longest path"),
    ],
)
def test_most_specific_entry_wins(db: Database, url: str, name: str, why: str) -> None:
    match = db.lookup(url)
    assert match is not None
    assert match.entry.name == name
    assert match.reason().startswith(why)


def test_news_media_entry_wins_a_tie_and_a_remaining_tie_is_ambiguous(db: Database) -> None:
    match = db.lookup("https://wire.example.org/article/1")
    assert match is not None
    assert [e.name for e in match.entries] == ["Wire", "Wire"]  # the Podcast row dropped
    assert match.labels == ("Left", "Lean Left") and match.ambiguous
    assert "ambiguous" in match.reason() and "News Media one preferred" in match.reason()


def test_agreeing_ties_are_not_ambiguous(db: Database) -> None:
    match = db.lookup("https://twins.example.net/")
    assert match is not None and not match.ambiguous and match.labels == ("Center",)


def test_without_news_media_all_tied_entries_stay(db: Database) -> None:
    match = db.lookup("https://facts.example.net/x")
    assert match is not None and match.labels == ("Right", "Left")


def test_unrated_and_unreadable(db: Database) -> None:
    assert db.lookup("https://example.com/x") is None
    assert db.lookup("https://other.example.net/x") is None
    assert db.lookup("") is None
    assert db.lookup("https://[::1/x") is None


def test_parent_walk_stops_at_the_registered_domain() -> None:
    # An entry for a public suffix must not rate every site under it.
    db = Database([[entry("Suffix", "co.uk", "Left"), entry("Paper", "paper.co.uk", "Right")]])
    assert db.lookup("https://news.other.co.uk/x") is None
    match = db.lookup("https://news.paper.co.uk/x")
    assert match is not None and match.entry.name == "Paper"
    assert db.registered("https://news.paper.co.uk/x") == "paper.co.uk"


def test_later_layer_replaces_entries_at_the_same_host_and_path(db: Database) -> None:
    mine = [entry("Daily, our view", "daily.example.com", "Center")]
    layered = Database([SHIPPED_LIKE, mine])
    match = layered.lookup("https://daily.example.com/world/x")
    assert match is not None and match.entry.name == "Daily, our view"
    # Where the user's file is silent, the shipped entries still answer.
    opinion = layered.lookup("https://daily.example.com/opinions/x")
    assert opinion is not None and opinion.entry.name == "Daily (Opinion)"
    assert len(layered) == len(SHIPPED_LIKE)  # one replaced, one added


def test_registered_domain_uses_the_bundled_snapshot_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import claimkit.ratings.lookup as lookup

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tldextract tried to open a socket")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("TLDEXTRACT_CACHE", raising=False)
    monkeypatch.setattr(lookup, "_extractor", None)
    registered_domain.cache_clear()
    assert registered_domain("edition.cnn.com") == "cnn.com"
    assert registered_domain("www.bbc.co.uk") == "bbc.co.uk"
    assert registered_domain("news.example.com.au") == "example.com.au"
    assert list(tmp_path.iterdir()) == []  # nothing written under HOME


def test_lookups_are_cached_per_host(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimkit.ratings.lookup as lookup

    calls: list[str] = []
    real = lookup.registered_domain
    monkeypatch.setattr(lookup, "registered_domain", lambda host: calls.append(host) or real(host))
    fresh = Database([SHIPPED_LIKE])
    for page in range(50):
        fresh.lookup(f"https://www.daily.example.com/story/{page}")
    assert calls == []  # the host itself is rated: no public-suffix look-up at all
    for page in range(50):
        match = fresh.lookup(f"https://edition.daily.example.com/story/{page}")
        assert match is not None and match.entry.name == "Daily Digital"
    assert calls == ["edition.daily.example.com"]  # a parent match checks the PSL, once


def _split_by_urlsplit(url: str) -> tuple[str, str]:
    """The general reading split_source's fast path must agree with."""
    from urllib.parse import urlsplit

    from claimkit.ratings.schema import normalize_host, normalize_path

    text = url.strip()
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:
        return "", ""
    return normalize_host(host), normalize_path(parts.path)


_url_bits = st.text(st.sampled_from(list("aZ09.-_:@/?#%[] \t~")), max_size=25)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        _url_bits,
        st.builds(
            lambda scheme, host, rest: f"{scheme}://{host}{rest}",
            st.sampled_from(["http", "HTTPS", "ftp"]),
            _url_bits,
            _url_bits,
        ),
    )
)
def test_split_source_fast_path_agrees_with_urlsplit(url: str) -> None:
    from claimkit.ratings.lookup import split_source

    assert split_source(url) == _split_by_urlsplit(url)
