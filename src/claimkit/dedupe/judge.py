"""Whether two similar sentences make the same claim, as a careful editor would judge it.

The two sentences' words (``Features``; a lead-in and a one-sided attribution taken off
by ``clauses``, number words read as values, titles before a name dropped here) are
aligned word by word. Where they differ:

- words that differ only in form are reconciled: glued by text extraction
  (``sectionnear`` / ``section near``), an acronym (``FBI``), inflections (``says`` /
  ``said``), synonyms and derivations of the lexicon (``began`` / ``started``), one word
  for a more general one (``car`` / ``vehicle``), verbs of saying, spelling variants
  (``modernise`` / ``modernize``, ``Zaporizhzhia`` / ``Zaporizhia``) unless the
  dictionary knows both as different words (``Austria`` / ``Australia``), and
  closed-class words of one pole (``its`` / ``their``); never an antonym;
- what one side has in place of the other is a swap. It blocks when it is an opposite
  (a closed-class word of another pole of its family, ``before`` / ``after``, ``he`` /
  ``she``, or an antonym), a name for another name, one content word for an unrelated
  one (``killed`` / ``injured``), or three content words a side and more; a shorter
  phrase reworded is a paraphrase and only costs score;
- words one side adds are allowed (they cost score), except a restrictor (``only``,
  ``nearly``), a comparative, quantity, order or time word, or a second clause (a
  coordinator or relative word with content, a new sentence, three content words set
  off by punctuation). Who someone is (an appositive after a name) is a detail.

Numbers, negations and hedges must be the same everywhere. Names both sides share are
compared as a sequence, so that a role swap ("Norway ... to Poland" / "Poland ... to
Norway") is a different claim though the same names occur. What remains is scored:
rapidfuzz's token-sort ratio of the reconciled words (a moved clause costs nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from claimkit.dedupe import lexicon
from claimkit.dedupe.features import (
    CALENDAR_WORDS,
    SPELLING_SIMILARITY,
    STOPWORDS,
    ClosedClasses,
    Features,
    Token,
    canonical_number,
    negation,
)
from claimkit.dedupe.wordclasses import (
    COORDINATORS,
    DOUBTING,
    RESTRICTORS,
    SAYING,
    TITLES,
    blocks_addition,
    opposed,
    opposition,
    pole,
)


@dataclass(frozen=True, slots=True)
class Verdict:
    score: float  # 0-100 over the reconciled words
    blocked: str | None  # the guard that keeps the pair apart, None when none does


def _choose(a: Features, b: Features) -> tuple[tuple[Token, ...], tuple[Token, ...]]:
    """The words to judge: an attribution only one side has comes off; two come off when
    they name the same source ("Mr Beer said" / "Mr Beer told a press conference")."""
    if a.body is not None and b.body is None:
        return a.body, b.full
    if b.body is not None and a.body is None:
        return a.full, b.body
    if a.body is not None and b.body is not None and _same_source(a.source, b.source):
        return a.body, b.body
    return a.full, b.full


def _same_source(a: tuple[Token, ...], b: tuple[Token, ...]) -> bool:
    """Whether two attributions share a source word and name no different parties."""

    def words(source: tuple[Token, ...]) -> set[str]:
        return {t.word for t in source if t.word not in STOPWORDS and t.word not in SAYING}

    def named(source: tuple[Token, ...]) -> set[str]:
        return {t.word for t in source if t.capital and t.word not in TITLES} & words(source)

    names_a, names_b = named(a), named(b)
    if names_a - names_b and names_b - names_a:
        return False
    if not words(a) or not words(b):
        return True  # "he said": a pronoun stands for whoever the other names
    if names_a & names_b:
        return True  # one person or body named in both ("Mr Reed" / "Reed, in a letter")
    # Else one source within the other ("officials" / "officials, on Tuesday"), not merely
    # a word in common ("utility officials" / "rebel officials").
    smaller, larger = sorted((words(a), words(b)), key=len)
    return bool(smaller) and smaller <= larger


def _names(a: tuple[Token, ...], b: tuple[Token, ...]) -> frozenset[str]:
    """Words either sentence writes as a name.

    A capital inside a sentence marks a name; one at a sentence start only when the
    word is no function word and neither sentence writes it in lower case elsewhere.
    """
    lower = {t.word for t in (*a, *b) if not t.capital}
    found: set[str] = set()
    for token in (*a, *b):
        word = token.word
        if not token.capital or word in CALENDAR_WORDS or canonical_number(word) is not None:
            continue
        if token.initial and (word in STOPWORDS or word in lower or pole(word) is not None):
            continue
        found.add(word)
    # A capital only at a sentence start marks a name when the dictionary knows the word
    # only as a name, or not at all ("Sales rose" is not about someone called Sales;
    # "Iran sent" and "Kaichen said" are).
    inside = {t.word for t in (*a, *b) if t.capital and not t.initial}
    found = {w for w in found if w in inside or not lexicon.known(w) or lexicon.proper_noun(w)}
    return frozenset(found)


def _without_titles(words: tuple[Token, ...], names: frozenset[str]) -> list[Token]:
    """The words, less titles before a name: "Under General Surovikin" -> "under surovikin"."""
    kept: list[Token] = []
    follows_name = False  # whether the word after this one is a name (or a dropped title)
    for token in reversed(words):
        if token.word in TITLES and follows_name:
            continue  # dropped; the name after it still follows
        kept.append(token)
        follows_name = token.word in names
    kept.reverse()
    return kept


@cache
def _closed(word: str) -> bool:
    return pole(word) is not None or canonical_number(word) is not None or bool(negation(word))


def _alike(x: str, y: str, names: frozenset[str]) -> bool:
    """Whether ``x`` and ``y`` are one word in two forms (or two words of one meaning)."""
    return x == y or _alike_words(x, y, x in names or y in names)


# A corpus aligns the same word pairs over and over (a template's words against each
# other's), and the answer depends on the pair and on whether either is a name.
@lru_cache(maxsize=65536)
def _alike_words(x: str, y: str, named: bool) -> bool:
    if x in SAYING and y in SAYING:
        return True
    if _closed(x) or _closed(y):
        px, py = pole(x), pole(y)
        if px is not None:
            return px == py
        nx, ny = negation(x), negation(y)
        return nx is not None and nx == ny
    if not named and lexicon.related(x, y):
        return True
    from rapidfuzz.fuzz import ratio

    if ratio(x, y) < SPELLING_SIMILARITY:
        return False
    return not lexicon.distinct_words(x, y) and not lexicon.antonyms(x, y)


def _swappable(word: str) -> bool:
    """Whether a word in place of another changes the claim: a content word, or a closed
    word that carries meaning (``rose``, ``before``, ``all``, ``Monday``). A pronoun for a
    noun ("it" / "the case") or a function word ("to", "on") is read as added on one side,
    not as a swap; an opposite function word is caught before (``opposed``)."""
    if word in STOPWORDS or negation(word) is not None:
        return False
    found = pole(word)
    return found is None or not found.startswith("person/")


# This many content words added as a phrase of their own (set off by punctuation) are a
# statement of their own, not a detail: "our goal is not to sue" vs "As we go down the
# licensing path, our goal is not to sue".
CLAUSE_WORDS = 3
REWORDED_WORDS = 3


_NOT_IN_ACRONYMS = frozenset({"of", "and", "the", "for", "on", "in", "to"})


# A corpus reconciles the same stretches over and over (a template's words against another
# template's): each pair of stretches is collapsed once.
@lru_cache(maxsize=65536)
def _collapse(seg: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """``seg`` with each run that is one word of ``other`` written as that word: glued
    (``section near``) or abbreviated (``FBI``, two letters or more); the longest run
    first, and of two words a run could be, the one ``other`` has first."""
    if len(seg) < 2:
        return seg
    # Each word's first place in ``other``: the result must not follow set order.
    place: dict[str, int] = {}
    for at, word in enumerate(other):
        place.setdefault(word, at)
    heads = ["" if w in _NOT_IN_ACRONYMS else w[0] for w in seg]
    out: list[str] = []
    at = 0
    while at < len(seg):
        for end in range(min(len(seg), at + 6), at + 1, -1):
            glued, initials = "".join(seg[at:end]), "".join(heads[at:end])
            forms = (glued, initials) if len(initials) >= 2 else (glued,)
            found = [place[w] for w in forms if w in place]
            if found:
                out.append(other[min(found)])
                at = end
                break
        else:
            out.append(seg[at])
            at += 1
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Added:
    """Words one side has and the other lacks, and how they sit in their sentence."""

    words: list[str]
    delimited: bool  # set off by punctuation: a phrase or clause of its own
    new_sentence: bool  # a sentence starts inside it
    appositive: bool  # between commas right after a name: "Vial, a district manager,"


@dataclass(slots=True)
class _Diff:
    out_a: list[str]  # the words of each side, reconciled words written alike
    out_b: list[str]
    pairs: dict[str, str]  # b's word -> a's, for reconciled names
    swaps: list[tuple[list[str], list[str]]]
    added: list[_Added]


def _added(
    words: list[str],
    tokens: list[Token],
    before: Token | None,
    names: frozenset[str],
    after: Token | None = None,
) -> _Added:
    after_pause = before is not None and before.pause
    if after is not None and after.word in COORDINATORS and tokens[-1].pause:
        # "Further testing is under way, but ...": a clause that ends at a conjunction.
        words = [*words, after.word]
    delimited = after_pause or any(t.pause for t in tokens)
    appositive = (
        after_pause
        and before is not None
        and before.word in names
        and tokens[-1].pause
        and not any(w in COORDINATORS or pole(w) is not None for w in words)
    )
    new_sentence = any(t.initial for t in tokens[1:]) or (before is not None and tokens[0].initial)
    return _Added(words, delimited, new_sentence, appositive)


def _reconcile(
    seg_a: list[str], seg_b: list[str], names: frozenset[str], diff: _Diff
) -> tuple[list[str], list[str]]:
    """Pair the words of a replaced stretch in order; return what stays unpaired per side."""
    raw_a, raw_b = tuple(seg_a), tuple(seg_b)
    seg_a, seg_b = list(_collapse(raw_a, raw_b)), list(_collapse(raw_b, raw_a))
    if len(seg_a) == len(seg_b) == 1 and lexicon.broader(seg_a[0], seg_b[0]):
        seg_b = seg_a  # "car" / "vehicle": one word for the other, nothing added beside it
    left_a: list[str] = []
    left_b: list[str] = []
    j = 0
    for x in seg_a:
        partner = next((k for k in range(j, len(seg_b)) if _alike(x, seg_b[k], names)), None)
        if partner is None:
            left_a.append(x)
            diff.out_a.append(x)
            continue
        left_b += seg_b[j:partner]
        diff.out_b += seg_b[j:partner]
        diff.out_a.append(x)
        diff.out_b.append(x)
        diff.pairs[seg_b[partner]] = x
        j = partner + 1
    left_b += seg_b[j:]
    diff.out_b += seg_b[j:]
    return left_a, left_b


def at(tokens: list[Token], index: int) -> Token | None:
    return tokens[index] if index < len(tokens) else None


def _diff(a: list[Token], b: list[Token], names: frozenset[str]) -> _Diff:
    diff = _Diff([], [], {}, [], [])
    words_a, words_b = [t.word for t in a], [t.word for t in b]
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before_a = a[i1 - 1] if i1 else None
        before_b = b[j1 - 1] if j1 else None
        diff.out_a += words_a[i1:i2] if tag != "replace" else []
        diff.out_b += words_b[j1:j2] if tag != "replace" else []
        if tag == "delete":
            diff.added.append(_added(words_a[i1:i2], a[i1:i2], before_a, names, at(a, i2)))
        elif tag == "insert":
            diff.added.append(_added(words_b[j1:j2], b[j1:j2], before_b, names, at(b, j2)))
        elif tag == "replace":
            left_a, left_b = _reconcile(words_a[i1:i2], words_b[j1:j2], names, diff)
            if _is_swap(left_a, left_b):
                diff.swaps.append((left_a, left_b))
                continue
            if left_a:
                diff.added.append(_added(left_a, a[i1:i2], before_a, names))
            if left_b:
                diff.added.append(_added(left_b, b[j1:j2], before_b, names))
    return diff


def _is_swap(left_a: list[str], left_b: list[str]) -> bool:
    """Whether what one side has in place of the other is a replacement, not two additions:
    an opposite, or content words on both sides (a pronoun for a noun is no swap)."""
    if not left_a or not left_b:
        return False
    if any(opposed(x, y) or lexicon.antonyms(x, y) for x in left_a for y in left_b):
        return True
    return any(map(_swappable, left_a)) and any(map(_swappable, left_b))


def _swap_reason(
    left_a: list[str],
    left_b: list[str],
    names: frozenset[str],
    everywhere_a: set[str],
    everywhere_b: set[str],
) -> str | None:
    """Why a replacement changes the claim, or None when it is a rewording of a phrase.

    A reworded stretch may still carry what would block as an addition (a restrictor, a
    second clause): those are looked for on each side.
    """
    for x in left_a:
        for y in left_b:
            if opposed(x, y):
                return opposition(x, y)
            if lexicon.antonyms(x, y):
                return f"opposite words ({x} / {y})"
    # A name in place of another name that the other side never mentions ("Iran" /
    # "Syria"); a name that only moved is checked by the order of names below.
    names_a, names_b = set(left_a) & names, set(left_b) & names
    if names_a - everywhere_b and names_b - everywhere_a:
        return "different named entity"
    if names_a and names_b:
        return "names in a different order"  # each is in the other's sentence, elsewhere
    content_a = [w for w in left_a if _swappable(w)]
    content_b = [w for w in left_b if _swappable(w)]
    if len(content_a) == 1 and len(content_b) == 1:
        # One content word for another, unrelated in the lexicon: the classic changed
        # claim ("killed" / "injured", "send" / "sell"). A longer stretch reworded
        # ("weak links such as" / "flaws like") is a paraphrase, judged by the score.
        return f"different wording ({' '.join(content_a)} / {' '.join(content_b)})"
    for side, other in ((left_a, left_b), (left_b, left_a)):
        extra = [w for w in side if w not in other]
        reason = _addition_reason(_Added(extra, False, False, False))
        if reason is not None:
            return reason
    if abs(len(content_a) - len(content_b)) >= CLAUSE_WORDS:
        return "added clause (reworded)"
    if min(len(content_a), len(content_b)) >= REWORDED_WORDS:
        # A phrase reworded is a paraphrase; three content words and more on each side
        # replaced by others is a different statement ("seemed happy to make it a fight"
        # / "supports the budget plan").
        return f"different wording ({' '.join(content_a)} / {' '.join(content_b)})"
    return None


def _addition_reason(added: _Added) -> str | None:
    words = added.words
    for word in words:
        if word in RESTRICTORS:
            return f"added restrictor ({word})"
        if word in DOUBTING:
            return f"added denial or doubt ({word})"
        if blocks_addition(word):
            return f"added relation word ({word})"
    content = sum(1 for w in words if _swappable(w))
    if added.appositive and not added.new_sentence:
        return None  # who someone is ("Vial, district manager for the Oregon ..."), a title
    if content and any(w in COORDINATORS for w in words):
        return f"added clause ({' '.join(words)})"
    if (added.delimited and content >= CLAUSE_WORDS) or (added.new_sentence and content >= 2):
        return f"added clause ({' '.join(words)})"
    return None


def judge(a: Features, b: Features, score_blocked: bool = True) -> Verdict:
    """The reconciled similarity of two sentences, and the guard that blocks them if any.

    Without ``score_blocked`` a pair told apart by its closed classes is not scored (its
    score is 0): most pairs of a corpus end there, and need not be read word by word.
    """
    from rapidfuzz.fuzz import token_sort_ratio

    # Numbers, negations and hedges count wherever they stand, the attribution included;
    # a pair they tell apart needs no alignment (its score is the plain one).
    closed = _closed_classes(a.closed, b.closed)
    if closed is not None:
        if not score_blocked:
            return Verdict(0.0, closed)
        full_a, full_b = (" ".join(t.word for t in f.full) for f in (a, b))
        return Verdict(round(float(token_sort_ratio(full_a, full_b)), 1), closed)
    tokens_a, tokens_b = _choose(a, b)
    names = _names(tokens_a, tokens_b)
    kept_a, kept_b = _without_titles(tokens_a, names), _without_titles(tokens_b, names)
    diff = _diff(kept_a, kept_b, names)
    # Word order does not count in the score (a clause moved is the same claim); it is
    # guarded where it matters, in the names' order and in the aligned swaps.
    value = float(token_sort_ratio(" ".join(diff.out_a), " ".join(diff.out_b)))
    blocked = _blocked([t.word for t in kept_a], [t.word for t in kept_b], names, diff)
    return Verdict(round(value, 1), blocked)


def _closed_classes(a: ClosedClasses, b: ClosedClasses) -> str | None:
    if a.numbers != b.numbers:
        return "different numbers"
    if a.negations != b.negations:
        return "different negations"
    if a.hedges != b.hedges:
        return "different hedging"
    return None


def _blocked(a: list[str], b: list[str], names: frozenset[str], diff: _Diff) -> str | None:
    everywhere_a, everywhere_b = set(a) | set(diff.out_a), set(b) | set(diff.out_b)
    for left_a, left_b in diff.swaps:
        reason = _swap_reason(left_a, left_b, names, everywhere_a, everywhere_b)
        if reason is not None:
            return reason
    for added in diff.added:
        reason = _addition_reason(added)
        if reason is not None:
            return reason
    # The names both sides have, at their first mention: two that trade places around
    # the same words are a role swap ("Norway agreed to supply gas to Poland" / "Poland
    # agreed to supply gas to Norway"). Names that only move in a list ("Scalia and
    # O'Connor") or around an apposition ("Scott McClellan, a White House spokesman" /
    # "White House spokesman Scott McClellan") keep their roles. A name only one side
    # has is a detail it adds ("in Frankfurt"); one in place of another is a swap, above.
    words_b = [diff.pairs.get(w, w) for w in b]
    first_a = {w: at for at, w in reversed(list(enumerate(a))) if w in names}
    first_b = {w: at for at, w in reversed(list(enumerate(words_b))) if w in names}
    shared = sorted(first_a.keys() & first_b.keys(), key=first_a.__getitem__)
    for i, x in enumerate(shared):
        for y in shared[i + 1 :]:
            if first_b[x] < first_b[y]:
                continue  # same order
            between_a = set(a[first_a[x] + 1 : first_a[y]])
            between_b = set(words_b[first_b[y] + 1 : first_b[x]])
            if any(_swappable(w) and w not in names for w in between_a & between_b):
                return "names in a different order"
    return None
