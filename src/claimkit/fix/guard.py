"""The one check every fix passes: no citation may come to mean a different claim.

A citation *means* the sentence of the row its ID resolves to. An ID no row carries is
dangling and must stay dangling (a renumbering that hands its number to a row would make
it cite that row); an ID two rows carry is ambiguous and must stay the same ambiguity.
Sentences are compared in the shared normalisation, the one that decides exact duplicates,
so that a dedupe merge onto an exact copy keeps every meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from claimkit.model import Document
from claimkit.text.normalize import normalize

# ("row", sentence) | ("dangling", target) | ("ambiguous", sentences...)
Meaning = tuple[str, ...]
Expect = Callable[[Meaning], Meaning]


def _rows_by_id(document: Document) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for claim in document.claims:
        if claim.id is not None:
            rows.setdefault(claim.id, []).append(normalize(claim.sentence.value))
    return rows


def meanings(document: Document) -> list[tuple[int, Meaning]]:
    """(group index, meaning) of every citation, in document order."""
    rows = _rows_by_id(document)
    found: list[tuple[int, Meaning]] = []
    for citation in document.citations:
        sentences = rows.get(citation.target)
        if sentences is None:
            meaning: Meaning = ("dangling", citation.target)
        elif len(sentences) == 1:
            meaning = ("row", sentences[0])
        else:
            meaning = ("ambiguous", *sentences)
        found.append((citation.group, meaning))
    return found


def _first_each(items: list[Meaning]) -> list[Meaning]:
    seen: set[Meaning] = set()
    out: list[Meaning] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _by_group(found: list[tuple[int, Meaning]]) -> tuple[list[Meaning], dict[int, list[Meaning]]]:
    loose: list[Meaning] = []
    grouped: dict[int, list[Meaning]] = {}
    for group, meaning in found:
        if group < 0:
            loose.append(meaning)
        else:
            grouped.setdefault(group, []).append(meaning)
    return loose, grouped


def same_meanings(before: Document, after: Document, expect: Expect | None = None) -> bool:
    """Whether every citation of ``after`` means what it meant in ``before``.

    ``expect`` maps a meaning before to the meaning the fix intends (a dedupe merge sends a
    removed row's citations to the row it keeps). Inside one ``[...]`` group a fix may drop
    a citation that repeats an earlier one of the group; it may not add, reorder or change.
    """
    old = [(g, expect(m) if expect else m) for g, m in meanings(before)]
    new = meanings(after)
    old_loose, old_groups = _by_group(old)
    new_loose, new_groups = _by_group(new)
    if old_loose != new_loose or len(before.citation_groups) != len(after.citation_groups):
        return False
    if old_groups.keys() != new_groups.keys():
        return False
    for group, members in old_groups.items():
        kept = new_groups[group]
        if len(kept) > len(members) or _first_each(kept) != _first_each(members):
            return False
    return True


def merge_expectation(redirect: Mapping[str, str]) -> Expect:
    """``expect`` for a merge: a removed row's sentence now reads as the kept row's."""
    table = {normalize(old): normalize(new) for old, new in redirect.items()}

    def expect(meaning: Meaning) -> Meaning:
        if meaning[0] == "row" and meaning[1] in table:
            return ("row", table[meaning[1]])
        return meaning

    return expect
