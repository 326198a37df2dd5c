"""Write a deterministic corpus of realistic explainers (the seed's format and size).

    python bench/generate_corpus.py OUT_DIR --files 1000 [--seed 7]

Each file has 5-25 claims with sentences, contexts and source cells shaped like the
reference seed's (about 1.3 kB per claim row), three summary levels citing most claims,
and the usual defects at realistic rates: repeated claims, uncited rows, missing dates,
inline labels that disagree with the ratings data, the odd dangling citation.
"""

from __future__ import annotations

import argparse
import os
import random

STYLE = "display: flex; justify-content: center; align-items: center; flex-direction: column;"
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


def _row(rng: random.Random, number: int, sentence: str) -> str:
    name, host, label, slug, kind = rng.choice(OUTLETS)
    rating = f"https://www.allsides.com/news-source/{slug}" if slug else ""
    path = "-".join(rng.choice(OBJECTS).split()) + f"-{rng.randint(1000, 99999)}"
    url = f"https://{host}/{rng.randint(2019, 2024)}/{rng.randint(1, 12):02d}/{path}.html"
    date = (
        ""
        if rng.random() < 0.15
        else (f"{rng.choice(MONTHS)} {_ordinal(rng.randint(1, 28))}, {rng.randint(2019, 2024)}")
    )
    kind_cell = f"*({kind})*" if kind else ""
    before = " ".join(rng.sample(FILLER, 3))
    after = " ".join(rng.sample(FILLER, 3))
    cell = (
        f'<div style="{STYLE}"><a href="{rating}" target="_blank"><BiasChart bias="{label}" />'
        f'</a><div><a href="{url}" target="_blank">{name}</a></div><div>{kind_cell}</div>'
        f"<div>{date}</div></div>"
    )
    return (
        f'|<font id="{number}" color=#FF3399>[{number}]</font> {sentence}|{cell}|'
        f"{before} {sentence} {after}|"
    )


def _cite(ids: list[int]) -> str:
    return "<font color=#FF3399>[" + ", ".join(f'<a href="#{i}">{i}</a>' for i in ids) + "]</font>"


def _level(rng: random.Random, cited: list[int], paragraphs: int) -> str:
    parts = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            ids = sorted(rng.sample(cited, min(len(cited), rng.randint(1, 3))))
            sentences.append(f"{_sentence(rng)[:-1]} {_cite(ids)}.")
        parts.append(" ".join(sentences))
    return "<br/><br/>".join(parts)


def explainer(rng: random.Random) -> str:
    count = rng.randint(5, 25)
    sentences = [_sentence(rng) for _ in range(count)]
    for index in range(1, count):  # a pipeline repeating a claim from another live blog
        if rng.random() < 0.08:
            sentences[index] = sentences[rng.randrange(index)]
    cited = [i for i in range(1, count + 1) if rng.random() > 0.15] or [1]
    if rng.random() < 0.05:
        cited.append(count + 1)  # a dangling citation
    lines = [
        f"# How might {rng.choice(OBJECTS)} change the outlook for {rng.choice(OBJECTS)}?",
        "",
        "## Summary",
        "<DetailSlider>",
    ]
    for name, paragraphs in (("less-detailed", 1), ("summary", 1), ("more-detailed", 2)):
        lines += [f"<template v-slot:{name}>", _level(rng, cited, paragraphs), "</template>"]
    lines += [
        "</DetailSlider>",
        "",
        "## Claims",
        "| Claim Sentence | Source | Context |",
        "|---|---|---|",
    ]
    lines += [_row(rng, i, sentences[i - 1]) for i in range(1, count + 1)]
    return "\n".join(lines) + "\n"


def generate(out_dir: str, files: int, seed: int = 7) -> list[str]:
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(files):
        path = os.path.join(out_dir, f"explainer-{number:05d}.md")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(explainer(rng))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out_dir, args.files, args.seed)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out_dir}")


if __name__ == "__main__":
    main()
