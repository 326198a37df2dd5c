"""CK301 duplicate-claim."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, FixAvailability, Option, Rule

# The literal, not dedupe.similarity's constant: importing dedupe here would cost every lint
# start-up its import, selected or not (a test keeps the two equal).
THRESHOLD = Option(
    "CK301",
    "threshold",
    float,
    70.0,
    "near-duplicate similarity of the reconciled words: rows whose sentences score this or "
    "more (and pass every meaning guard) are duplicates; 100 means exact duplicates only. "
    "Also the top-level `dedupe.threshold` and `claimkit dedupe --threshold`",
    minimum=0,
    maximum=100,
)


RENUMBER = Option(
    "CK301",
    "renumber",
    bool,
    True,
    "whether the fix renumbers the claims 1..N after removing rows (`claimkit dedupe "
    "--no-renumber` turns it off for its run)",
)


def threshold_of(ctx: Context) -> float:
    """The near-duplicate threshold for this file: Settings.dedupe_threshold is the older way
    in (dedupe's --threshold, library callers) and wins when set, as it always has."""
    threshold = ctx.settings.dedupe_threshold
    return ctx.option(THRESHOLD) if threshold is None else threshold


def check(ctx: Context) -> Iterator[Finding]:
    from claimkit.dedupe.plan import document_duplicates, merge_fixes

    duplicates = document_duplicates(ctx, threshold_of(ctx))
    if not duplicates:
        return
    fixes = merge_fixes(ctx, duplicates, ctx.option(RENUMBER))
    for duplicate, fix in zip(duplicates, fixes, strict=True):
        yield Finding(
            duplicate.claim.row,
            f"claim {duplicate.claim.id} duplicates claim {duplicate.kept.id}",
            fix,
        )


RULE = Rule(
    code="CK301",
    name="duplicate-claim",
    severity=Severity.WARNING,
    summary="A claim row repeats the sentence of an earlier row.",
    rationale=(
        "Publishing pipelines paste the same quote from several pages of one outlet (live "
        "blogs), which makes a claim look better sourced than it is and clutters the table. "
        "Sentences are compared after normalisation (Unicode NFKC, case, quotes, dashes and "
        "hyphens, punctuation, whitespace, thousands separators, contractions, dotted "
        "abbreviations). Near duplicates are judged word by word: glued words, titles, a "
        "one-sided attribution, inflections, synonyms and spelling variants are reconciled; "
        "the similarity of what remains must reach the threshold (default 70 of 100), and "
        "guards keep apart sentences with other numbers, negations, hedges or names, names "
        "in another order, an opposite word (before/after, more/less, he/she, rose/fell), "
        "an added restrictor (only, nearly) or an added clause. A row that repeats an "
        "earlier row exactly names that row; otherwise the earliest row of its cluster."
    ),
    check=check,
    bad='|<font id="1">[1]</font> Prices rose 4% in May.|...|\n'
    '|<font id="2">[2]</font> Prices rose 4% in May.|...|',
    good='|<font id="1">[1]</font> Prices rose 4% in May.|...|',
    fix=FixAvailability.SOMETIMES,
    fix_note=(
        "`lint --fix` and `claimkit dedupe --fix` (one fix engine) remove the later row, "
        "point its citations at the row it repeats (a citation group that already cites "
        "that row loses the repeat) and, through CK104, renumber. Exact duplicates are a "
        "safe fix; near duplicates are applied only with `--unsafe-fixes`; a row no summary "
        "cites is never removed, and nothing is merged in a table that repeats an ID."
    ),
    options=(THRESHOLD, RENUMBER),
)
