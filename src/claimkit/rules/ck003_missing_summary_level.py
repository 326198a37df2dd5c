"""CK003 missing-summary-level."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.model import LEVEL_NAMES
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    slider = ctx.document.slider
    if slider is None:
        yield Finding(
            None,
            "explainer has no <DetailSlider> with the summary levels " + ", ".join(LEVEL_NAMES),
        )
        return
    seen: set[str] = set()
    unknown = 0
    for level in slider.levels:
        if level.name not in LEVEL_NAMES:
            unknown += 1
            shown = level.name or "(no v-slot name)"
            yield Finding(
                level.span,
                f'unknown summary level "{shown}" (expected one of ' + ", ".join(LEVEL_NAMES) + ")",
            )
    for level in slider.levels:
        if level.name in LEVEL_NAMES and level.name not in seen:
            seen.add(level.name)
            if not level.text.strip():
                yield Finding(slider.span, f'summary level "{level.name}" is empty')
    # A misspelt level is the missing one under another name: report it once, at the
    # misspelling, and only the levels that no unknown template can stand for as missing.
    missing = [name for name in LEVEL_NAMES if name not in seen]
    for name in missing[unknown:]:
        yield Finding(slider.span, f'summary level "{name}" is missing')


RULE = Rule(
    code="CK003",
    name="missing-summary-level",
    severity=Severity.ERROR,
    summary="A summary level (less-detailed, summary, more-detailed) is missing, empty or unknown.",
    rationale=(
        "Readers move the slider between three levels of detail; a missing or empty level "
        "shows them a blank panel, and a misspelt level name is never displayed at all. "
        "A misspelt level is reported once, at its own `<template>` line, standing in for "
        "the level it was meant to be. "
        "Missing and empty levels are reported at the `<DetailSlider>` line (line 1 when "
        "there is no slider); an unknown level at its own `<template>` line. Citations "
        "inside an unknown level still count as citations."
    ),
    check=check,
    bad="<DetailSlider>\n<template v-slot:summary>\n...\n</template>\n</DetailSlider>\n",
    good="<DetailSlider>\n<template v-slot:less-detailed>...</template>\n"
    "<template v-slot:summary>...</template>\n<template v-slot:more-detailed>...</template>\n"
    "</DetailSlider>\n",
)
