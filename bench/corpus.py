"""Deterministic synthetic claims with a known share of duplicates and decoys.

Sentences are news-style claims built from our own word lists: an actor, an action with
a number, an object, a place, a time and an attribution, plus optional clauses, so that
unrelated sentences share few content words (as real claims do). Then, by position:
exact copies, cosmetic variants (case, typographic quotes and dashes, hyphen vs space,
spacing), near duplicates (a word added or dropped) and decoys that must NOT merge (a
different number, an added negation, a swapped actor).
"""

from __future__ import annotations

import random
from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ACTORS = _words(
    "Iran Russia Ukraine Syria Turkey Poland Germany France Japan India Brazil Canada Mexico "
    "Egypt Israel Jordan Qatar Kenya Nigeria Chile Peru Norway Sweden Finland Estonia Latvia "
    "Lithuania Romania Hungary Austria Spain Portugal Greece Italy Vietnam Thailand Indonesia "
    "Pakistan Bangladesh Morocco Algeria Tunisia Ghana Ethiopia Argentina Colombia Australia"
)
ROLES = _words(
    "officials ministers analysts diplomats economists engineers inspectors regulators "
    "lawmakers commanders researchers auditors negotiators spokespeople envoys executives"
)
VERBS = _words(
    "shipped delivered ordered purchased produced exported imported deployed tested built "
    "financed approved licensed seized destroyed repaired inspected leased transferred stored"
)
OBJECTS = _words(
    "drones missiles tanks rifles trucks turbines vaccines satellites radars vessels "
    "helicopters generators transformers locomotives containers reactors batteries cables "
    "pipelines warehouses bridges tunnels ferries aircraft shells"
)
ADJECTIVES = _words(
    "advanced refurbished armoured unmanned electric heavy portable longrange shortrange "
    "modern obsolete military civilian commercial experimental upgraded"
)
PLACES = (
    "border region",
    "capital",
    "port",
    "coastline",
    "northern provinces",
    "southern districts",
    "eastern front",
    "western bases",
    "mountain passes",
    "river crossings",
    "industrial zones",
    "desert outposts",
    "islands",
    "refineries",
    "airfields",
    "rail junctions",
)
TIMES = (
    "last week",
    "this month",
    "since January",
    "in recent days",
    "over the summer",
    "before the election",
    "during the winter",
    "after the ceasefire",
    "earlier this year",
    "in the first quarter",
    "on Tuesday",
    "overnight",
    "at dawn",
    "in late autumn",
)
ADVERBS = ("quietly", "recently", "secretly", "gradually", "openly", "hastily")
VERBS_SAID = ("said", "told reporters", "confirmed", "wrote", "reported", "estimated")
CLAUSES = (
    "according to satellite imagery reviewed by independent monitors",
    "in a move that surprised several neighbouring governments",
    "raising fresh questions about the durability of existing agreements",
    "which critics described as a breach of earlier commitments",
    "as pressure mounted on the central bank to tighten credit",
    "amid growing concern over shortages of spare parts",
    "while parliament debated an emergency spending package",
    "despite repeated warnings from international observers",
)


@dataclass(frozen=True, slots=True)
class Generated:
    sentences: list[str]
    kind: list[str]  # "original", "exact", "cosmetic", "near", "decoy-number", ...
    source: list[int]  # the original a variant was made from, or -1


def _original(rng: random.Random) -> str:
    actor = rng.choice(ACTORS)
    other = rng.choice(ACTORS)
    number = rng.randint(2, 9_999_999)
    words = [
        rng.choice(ACTORS) + " " + rng.choice(ROLES),
        rng.choice(VERBS_SAID) + " that",
        actor,
        rng.choice(VERBS),
        f"{number:,}",
        rng.choice(ADJECTIVES),
        rng.choice(OBJECTS),
        "to",
        other,
        "near the",
        " and ".join(rng.sample(PLACES, 2)),
        rng.choice(TIMES),
    ]
    sentence = " ".join(words)
    if rng.random() < 0.7:
        sentence += ", " + rng.choice(CLAUSES)
    return sentence[0].upper() + sentence[1:] + "."


def _cosmetic(sentence: str, rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return sentence.upper()
    if choice == 1:
        return sentence.replace(" that ", " \u201cthat\u201d ", 1).replace(", ", " , ")
    if choice == 2:
        return sentence.replace(" near the ", " near the  ", 1).rstrip(".") + " ."
    return sentence.replace(" to ", " \u2014 to ", 1)


def _near(sentence: str, rng: random.Random) -> str:
    """One word added (an adverb) or dropped (the adjective): the same claim, reworded."""
    words = sentence.split(" ")
    at = next(i for i, w in enumerate(words) if w == "that") + 2  # after the actor
    if rng.random() < 0.5:
        words.insert(at, rng.choice(ADVERBS))
    else:
        del words[at + 2]  # verb, number, ADJECTIVE
    return " ".join(words)


def _decoy(sentence: str, kind: str) -> str:
    words = sentence.split(" ")
    if kind == "decoy-number":
        for i, word in enumerate(words):
            if word[:1].isdigit():
                digits = word.replace(",", "")
                words[i] = f"{int(digits) + 7:,}"
                break
    elif kind == "decoy-negation":
        words.insert(words.index("that") + 2, "never")
    else:  # swapped actor
        at = words.index("that") + 1
        words[at] = next(a for a in ACTORS if a != words[at] and a not in words)
    return " ".join(words)


def generate(count: int, seed: int = 7) -> Generated:
    """``count`` claims: ~84% originals, 4% exact, 4% cosmetic, 3% near, 5% decoys."""
    rng = random.Random(seed)
    sentences: list[str] = []
    kinds: list[str] = []
    sources: list[int] = []
    originals: list[int] = []
    for _ in range(count):
        roll = rng.random()
        if originals and roll < 0.16:
            base = rng.choice(originals)
            text = sentences[base]
            if roll < 0.04:
                kind, new = "exact", text
            elif roll < 0.08:
                kind, new = "cosmetic", _cosmetic(text, rng)
            elif roll < 0.11:
                kind, new = "near", _near(text, rng)
            else:
                kind = rng.choice(("decoy-number", "decoy-negation", "decoy-entity"))
                new = _decoy(text, kind)
            sentences.append(new)
            kinds.append(kind)
            sources.append(base)
        else:
            originals.append(len(sentences))
            sentences.append(_original(rng))
            kinds.append("original")
            sources.append(-1)
    return Generated(sentences, kinds, sources)
