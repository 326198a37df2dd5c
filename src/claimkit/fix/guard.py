"""The one check every fix passes: no citation may come to mean a different claim.

A citation *means* the sentence of the row its ID resolves to. An ID no row carries is
dangling and must stay dangling (a renumbering that hands its number to a row would make
it cite that row); an ID two rows carry is ambiguous and must stay the same ambiguity.
Sentences are compared in the shared normalisation, the one that decides exact duplicates,
so that a dedupe merge onto an exact copy keeps every meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from claimkit import lazy_re
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
    a citation that repeats an earlier one of the group, and a whole group written right
    after another that it only repeats; it may not add, reorder or change.
    """
    old = [(g, expect(m) if expect else m) for g, m in meanings(before)]
    new = meanings(after)
    old_loose, old_groups = _by_group(old)
    new_loose, new_groups = _by_group(new)
    if old_loose != new_loose:
        return False
    drops = len(old_groups) - len(new_groups)  # whole groups the fix may have removed
    old_anchors, new_anchors = _anchors(before), _anchors(after)
    remaining = iter(sorted(new_groups))
    current = next(remaining, None)
    last_kept: list[Meaning] = []
    for group in sorted(old_groups):
        members = old_groups[group]
        anchor = old_anchors[group]
        # A group right after another (nothing but markup between) that only repeats it
        # may go: [1][1] -> [1]. Every other group keeps its place in the text.
        droppable = drops > 0 and not anchor and set(members) <= set(last_kept)
        kept = new_groups[current] if current is not None else None
        if droppable:
            drops -= 1
        elif (
            kept is not None
            and current is not None
            and new_anchors[current] == anchor
            and len(kept) <= len(members)
            and _first_each(kept) == _first_each(members)
        ):
            current = next(remaining, None)
            last_kept = members
        else:
            return False
    return current is None and drops == 0


_MARKUP = lazy_re.compile(r"<[^<>]{0,1000}>|[0-9\s,;\[\]()#]+")


def _anchors(document: Document) -> list[str]:
    """For each group, the words between it and the group before: where it stands.

    Markup, digits and separators are left out, so renumbering and relabelling (which
    change only those) keep every anchor; a group written right after another has none.
    """
    anchors: list[str] = []
    previous_end = 0
    for group in document.citation_groups:
        anchors.append(_MARKUP.sub(" ", document.text[previous_end : group.span.start]).strip())
        previous_end = group.span.end
    return anchors


def merge_expectation(redirect: Mapping[str, str]) -> Expect:
    """``expect`` for a merge: a removed row's sentence now reads as the kept row's."""
    table = {normalize(old): normalize(new) for old, new in redirect.items()}

    def expect(meaning: Meaning) -> Meaning:
        if meaning[0] == "row" and meaning[1] in table:
            return ("row", table[meaning[1]])
        return meaning

    return expect
