"""Write a deterministic corpus of realistic explainers (the seed's format and size).

    python bench/generate_corpus.py OUT_DIR --files 1000 [--seed 7] [--layouts mixed]

Each file has 5-25 claims with sentences, contexts and source cells shaped like the
reference seed's (about 1.3 kB per claim row), three summary levels citing most claims,
and the usual defects at realistic rates: repeated claims, uncited rows, missing dates,
inline labels that disagree with the ratings data, the odd dangling citation. By default
half the files are in the pipeline's later layout, most others in the reference layout and
one in ten in a random mix of the spec's other variations (``bench/layouts.py``);
``--layouts reference`` or ``--layouts later`` writes one layout only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from layouts import (
    CHARTS,
    CITES,
    HOLDERS,
    LATER,
    QUOTES,
    REFERENCE,
    ROW_STYLES,
    SLOTS,
    TABLES,
    TYPES,
    Claim,
    Document,
    Layout,
    render,
)

OUTLETS = [  # (name, host, inline label, rating page slug, source type)
    ("CNN Digital", "www.cnn.com", "Lean Left", "cnn-media-bias", "News Media"),
    ("Reuters", "www.reuters.com", "Center", "reuters", "News Media"),
    ("Fox News Digital", "www.foxnews.com", "Right", "fox-news-media-bias", "News Media"),
    ("NPR (Online News)", "www.npr.org", "Lean Left", "npr-media-bias", "News Media"),
    ("The Hill", "thehill.com", "Center", "hill-media-bias", "News Media"),
    (
        "Washington Examiner",
        "www.washingtonexaminer.com",
        "Lean Right",
        "washington-examiner-media-bias",
        "News Media",
    ),
    ("Bloomberg", "www.bloomberg.com", "Lean Left", "bloomberg-media-bias", "News Media"),
    ("CNBC", "www.cnbc.com", "Center", "cnbc", "News Media"),
    ("Defense News", "www.defensenews.com", "Center", "defense-news-media-bias", "News Media"),
    ("regional-monitor.net", "www.regional-monitor.net", "N/A", "", ""),
    ("policy-quarterly.org", "policy-quarterly.org", "N/A", "", ""),
]
SUBJECTS = [
    "Officials",
    "Analysts",
    "The ministry",
    "Port operators",
    "The central bank",
    "Negotiators",
    "Farm groups",
    "The regulator",
    "Two senior diplomats",
    "Economists",
]
VERBS = ["expect", "warned that", "said", "estimate that", "reported that", "believe"]
OBJECTS = [
    "grain exports",
    "the new pipeline",
    "freight rates",
    "the ceasefire talks",
    "fuel subsidies",
    "the border crossing",
    "water rationing",
    "the drone program",
    "interest rates",
    "the power grid",
    "fishing quotas",
    "the rail link",
]
CHANGES = [
    "will rise by {n} percent before the end of the year",
    "could fall to {n} million tonnes next season",
    "have been delayed by at least {n} weeks",
    "are unlikely to change before {y}",
    "would cost about ${n} billion over a decade",
    "may double if the dry season lasts {n} more weeks",
]
FILLER = [
    "The statement came after a week of talks.",
    "Markets barely moved on the news.",
    "Critics called the plan unrealistic.",
    "The figures were first reported on Monday.",
    "Local officials declined to comment.",
    "A final decision is expected in spring.",
    "Independent experts were more cautious.",
    "The estimate has been revised twice.",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _sentence(rng: random.Random) -> str:
    change = rng.choice(CHANGES).format(n=rng.randint(2, 950), y=rng.randint(2024, 2031))
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {change}."


def _claim(rng: random.Random, number: int, sentence: str) -> Claim:
    name, host, label, slug, kind = rng.choice(OUTLETS)
    rating = f"https://www.allsides.com/news-source/{slug}" if slug else ""
    path = "-".join(rng.choice(OBJECTS).split()) + f"-{rng.randint(1000, 99999)}"
    url = f"https://{host}/{rng.randint(2019, 2024)}/{rng.randint(1, 12):02d}/{path}.html"
    date = (
        ""
        if rng.random() < 0.15
        else (f"{rng.choice(MONTHS)} {_ordinal(rng.randint(1, 28))}, {rng.randint(2019, 2024)}")
    )
    before = " ".join(rng.sample(FILLER, 3))
    after = " ".join(rng.sample(FILLER, 3))
    return Claim(
        id=str(number),
        sentence=sentence,
        context=f"{before} {sentence} {after}",
        rating_url=rating,
        bias=label,
        url=url,
        outlet=name,
        source_type=kind,
        date=date,
    )


def _level(
    rng: random.Random, cited: list[int], paragraphs: int
) -> list[list[tuple[str, list[str]]]]:
    parts = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            ids = sorted(rng.sample(cited, min(len(cited), rng.randint(1, 3))))
            sentences.append((_sentence(rng)[:-1], [str(i) for i in ids]))
        parts.append(sentences)
    return parts


def document(rng: random.Random) -> Document:
    """An abstract explainer with the usual defects, to be written in any layout."""
    count = rng.randint(5, 25)
    sentences = [_sentence(rng) for _ in range(count)]
    for index in range(1, count):  # a pipeline repeating a claim from another live blog
        if rng.random() < 0.08:
            sentences[index] = sentences[rng.randrange(index)]
    cited = [i for i in range(1, count + 1) if rng.random() > 0.15] or [1]
    if rng.random() < 0.05:
        cited.append(count + 1)  # a dangling citation
    title = f"How might {rng.choice(OBJECTS)} change the outlook for {rng.choice(OBJECTS)}?"
    levels = {
        name: _level(rng, cited, paragraphs)
        for name, paragraphs in (("less-detailed", 1), ("summary", 1), ("more-detailed", 2))
    }
    claims = [_claim(rng, i, sentences[i - 1]) for i in range(1, count + 1)]
    return Document(title, levels, claims)


def random_layout(rng: random.Random) -> Layout:
    """Any combination of the variations the spec names."""
    return Layout(
        row=rng.choice(ROW_STYLES),
        quote=rng.choice(QUOTES),
        chart=rng.choice(CHARTS),
        chart_last=rng.random() < 0.3,
        reorder=rng.random() < 0.3,
        type_style=rng.choice(TYPES),
        holder=rng.choice(HOLDERS),
        cite=rng.choice(CITES),
        slot=rng.choice(SLOTS),
        table=rng.choice(TABLES),
        upper=rng.random() < 0.2,
        context_wrap=rng.random() < 0.2,
        crlf=rng.random() < 0.2,
        bom=rng.random() < 0.1,
    )


def mixed_layout(rng: random.Random) -> Layout:
    """Half the files in the pipeline's later layout, most others in the reference one."""
    draw = rng.random()
    if draw < 0.5:
        return LATER
    if draw < 0.9:
        return REFERENCE
    return random_layout(rng)


LAYOUTS = {"mixed": mixed_layout, "reference": lambda _: REFERENCE, "later": lambda _: LATER}


def explainer(rng: random.Random, layout: Layout | None = REFERENCE) -> str:
    """One explainer's text; ``layout=None`` draws one as the mixed corpus does."""
    chosen = mixed_layout(rng) if layout is None else layout
    return render(document(rng), chosen)


def generate(out_dir: str, files: int, seed: int = 7, layouts: str = "mixed") -> list[str]:
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(seed)
    choose = LAYOUTS[layouts]
    paths = []
    for number in range(files):
        path = os.path.join(out_dir, f"explainer-{number:05d}.md")
        layout = choose(rng)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(render(document(rng), layout))
        paths.append(path)
    return paths


def make_consistent(directory: str) -> int:
    """Rewrite each generated summary so that every sentence states its first cited claim.

    ``generate_corpus.py`` writes summary sentences with random figures none of their claims
    hold, so CK601 reports nearly every one (about 17 a file). Pipelines get most figures
    right; this variant measures the rule where it finds nothing. Returns the files changed.
    """
    from claimkit.parse import parse_text
    from claimkit.summary.sentences import split, visible_text

    changed = 0
    for path in sorted(Path(directory).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        document = parse_text(text, path.name)
        if document.slider is None:
            continue
        rows = {claim.id: claim for claim in document.claims if not claim.malformed}
        edits: list[tuple[int, int, str]] = []
        for level in document.slider.levels:
            visible = visible_text(document, level)
            for sentence in split(document, level, visible):
                claim = next((rows[t] for t in sentence.targets if t in rows), None)
                if claim is None or sentence.borrowed:
                    continue
                # Replace the words before the first citation group, keep the markup after.
                words_end = sentence.start + len(
                    visible[sentence.start : sentence.end].rstrip(" .")
                )
                markup = level.text.find("<font", sentence.start, sentence.end)
                end = markup if markup != -1 else words_end
                base = level.content.start
                replacement = claim.sentence.value.rstrip(". ") + " "
                edits.append((base + sentence.start, base + end, replacement))
        for start, end, replacement in sorted(edits, reverse=True):
            text = text[:start] + replacement + text[end:]
        path.write_text(text, encoding="utf-8")
        changed += 1
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--layouts", choices=sorted(LAYOUTS), default="mixed")
    args = parser.parse_args()
    paths = generate(args.out_dir, args.files, args.seed, args.layouts)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out_dir}")


if __name__ == "__main__":
    main()
