"""Closed classes of words whose swap, or whose addition, changes what a claim says.

Each word maps to a *pole* of a *family*: words of one pole may stand for each other
(``fewer`` / ``less``, ``his`` / ``him``); a word in place of a word of another pole of
the same family is a different claim (``before`` / ``after``, ``all`` / ``some``, ``he``
/ ``she``, ``north`` / ``south``, ``Monday`` / ``Tuesday``). Comparatives, quantities,
orders and ranks also may not be added on one side only ("prices rose" is not "prices
rose more"), nor may RESTRICTORS ("only", "partly", "nearly"), which narrow a claim.
Pronouns, places and calendar words may be added (a detail, "he said on Tuesday").
These lists are this project's own; WordNet's antonyms (``lexicon``) cover open-class
words on top.
"""

from __future__ import annotations

from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list (kept as prose: easier to read and edit)."""
    return frozenset(text.split())


def _poles(groups: Iterable[str]) -> dict[str, str]:
    """``"pole: word word ..."`` lines to a word -> pole table."""
    table: dict[str, str] = {}
    for group in groups:
        pole, _, words = group.partition(":")
        for word in words.split():
            table[word] = pole.strip()
    return table


# Families of opposed poles: a word of one pole in place of a word of another pole of
# the same family is a different claim. "family/pole: words".
OPPOSED = _poles(
    [
        "time/before: before prior earlier previously",
        "time/after: after later afterwards subsequently",
        "compare/more: more greater higher larger bigger above exceeding",
        "compare/less: less fewer lower smaller below beneath",
        "vertical/up: up upward upwards",
        "vertical/down: down downward downwards",
        "stance/for: for pro",
        "stance/against: against anti",
        "with/with: with",
        "with/without: without",
        "quantity/all: all every",
        "quantity/some: some several certain",
        "quantity/none: none",
        "quantity/most: most majority",
        "quantity/few: few minority",
        "quantity/many: many numerous",
        "order/earliest: earliest first oldest",
        "order/latest: latest last newest final",
        "rank/top: highest biggest largest best top",
        "rank/bottom: lowest smallest least worst bottom",
        "change/increase: increase increased increases increasing rise rose risen rising "
        "rises grow grew grown growing grows gain gained gains climb climbed climbs "
        "climbing soar soared soars soaring surge surged surges surging jump jumped jumps "
        "jumping rally rallied rallies",
        "change/decrease: decrease decreased decreases decreasing fall fell fallen falling "
        "falls drop dropped dropping drops decline declined declining declines shrink shrank "
        "shrunk shrinking slump slumped slumps slumping plunge plunged plunges plunging "
        "tumble tumbled tumbles tumbling sink sank sunk sinking slide slid slides sliding "
        "dip dipped dips dipping",
        "when/past: past",
        "when/next: next coming",
        "way/to: to toward towards into",
        "way/from: from",
        "logic/and: and",
        "logic/or: or",
        "amount/over: over",
        "amount/under: under",
        "switch/on: on",
        "switch/off: off",
        "frequency/always: always constantly",
        "frequency/often: often frequently usually regularly",
        "frequency/sometimes: sometimes occasionally",
        "frequency/rarely: rarely seldom",
        "place/in: in inside",
        "place/out: out outside",
        "person/he: he him his himself",
        "person/she: she her hers herself",
        "person/first: i me my mine myself we us our ours ourselves",
        "person/second: you your yours yourself yourselves",
        "person/third: it its itself they them their theirs themselves",
        "compass/north: north northern northward northwards",
        "compass/south: south southern southward southwards",
        "compass/east: east eastern eastward eastwards",
        "compass/west: west western westward westwards",
        "compass/northeast: northeast northeastern",
        "compass/northwest: northwest northwestern",
        "compass/southeast: southeast southeastern",
        "compass/southwest: southwest southwestern",
        "side/left: left",
        "side/right: right",
        "legal/prosecution: prosecutor prosecutors prosecution plaintiff plaintiffs",
        "legal/defence: defence defense defendant defendants",
        "deal/buyer: buyer buyers purchaser purchasers",
        "deal/seller: seller sellers vendor vendors",
        "work/employer: employer employers",
        "work/employee: employee employees",
        "contest/winner: winner winners victor victors",
        "contest/loser: loser losers",
        "fight/attacker: attacker attackers aggressor aggressors",
        "fight/defender: defender defenders",
        "politics/government: government ruling incumbent",
        "politics/opposition: opposition challenger",
        "trade/import: import imports imported importing",
        "trade/export: export exports exported exporting",
        "day/monday: monday",
        "day/tuesday: tuesday",
        "day/wednesday: wednesday",
        "day/thursday: thursday",
        "day/friday: friday",
        "day/saturday: saturday",
        "day/sunday: sunday",
        "day/yesterday: yesterday",
        "day/today: today",
        "day/tomorrow: tomorrow",
        "month/january: january jan",
        "month/february: february feb",
        "month/march: march",
        "month/april: april apr",
        "month/june: june jun",
        "month/july: july jul",
        "month/august: august aug",
        "month/september: september sep sept",
        "month/october: october oct",
        "month/november: november nov",
        "month/december: december dec",
    ]
)
# "most" is a quantity and a rank; "first" an order. One pole each is enough.
OPPOSED["most"] = "quantity/most"

# Words that narrow or grade a claim: added on one side only, they change it.
RESTRICTORS = _poles(
    [
        "only: only just merely solely exclusively",
        "partly: partly partially",
        "nearly: nearly almost practically virtually",
        "mostly: mostly largely mainly primarily chiefly predominantly",
        "barely: barely hardly scarcely",
    ]
)
_ADDITION_FAMILIES = ("compare/", "quantity/", "order/", "rank/", "time/", "frequency/")

# Verbs of saying stand for each other ("said" / "stated" / "told"): the claim is what
# was said. Doubt ("claimed", "alleged") and denial are not among them.
SAYING = words(
    """
    say says said saying state states stated stating tell tells told telling announce
    announces announced announcing add adds added adding note notes noted noting report
    reports reported reporting explain explains explained explaining caution cautions
    cautioned cautioning warn warns warned warning insist insists insisted insisting
    declare declares declared declaring remark remarks remarked comment comments commented
    """
)


def pole(word: str) -> str | None:
    """The closed-class pole of ``word`` ("family/pole"), or None for an open-class word."""
    if word in RESTRICTORS:
        return "restrictor/" + RESTRICTORS[word]
    return OPPOSED.get(word)


def opposed(x: str, y: str) -> bool:
    """Two words of different poles of one family: ``before`` / ``after``, ``he`` / ``she``."""
    px, py = pole(x), pole(y)
    if px is None or py is None or px == py:
        return False
    return px.split("/")[0] == py.split("/")[0]


_KINDS = {"day": "different date", "month": "different date", "compass": "different direction",
          "side": "different direction", "person": "different person"}  # fmt: skip


def opposition(x: str, y: str) -> str:
    """How to name the swap of two opposed words: "different date (tuesday / monday)"."""
    family = (pole(x) or "").split("/")[0]
    return f"{_KINDS.get(family, 'opposite words')} ({x} / {y})"


def blocks_addition(word: str) -> bool:
    """Whether adding ``word`` on one side only changes the claim."""
    found = pole(word)
    return found is not None and found.startswith(("restrictor/", *_ADDITION_FAMILIES))


# Verbs that deny or doubt what they report: "..., officials denied." added to a claim
# says the opposite of it, or less than it.
DOUBTING = words(
    """
    deny denies denied denying dispute disputes disputed disputing refute refutes refuted
    reject rejects rejected rejecting dismiss dismisses dismissed question questions
    questioned doubt doubts doubted claim claims claimed alleged alleges allege
    """
)

# Titles and honorifics before a name: "General Mark Ellison" is Mark Ellison.
TITLES = words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister
    premier chancellor secretary general gen lieutenant lt colonel col major maj captain
    capt sergeant sgt admiral adm commander cmdr marshal brigadier corporal private
    senator sen representative rep congressman congresswoman governor gov mayor judge
    justice ambassador envoy king queen prince princess crown pope cardinal bishop
    archbishop rabbi imam sheikh ayatollah chief deputy foreign defence defense interior
    finance spokesman spokeswoman spokesperson chairman chairwoman chair ceo director
    commissioner inspector officer agent detective pastor father reverend rev saint st
    """
)

# An addition with one of these and a content word is a second clause (a second
# predicate, another fact), not a detail: "..., and cut pensions", "..., where there is
# a lack of expertise".
COORDINATORS = words(
    "and but while whereas although though or then so because where which who whose"
)
