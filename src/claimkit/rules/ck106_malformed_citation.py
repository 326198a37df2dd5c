"""CK106 malformed-citation."""

from collections.abc import Iterator

from claimkit.diagnostics import Severity
from claimkit.rules.base import Context, Finding, Rule


def check(ctx: Context) -> Iterator[Finding]:
    for bad in ctx.document.malformed_citations:
        yield Finding(bad.span, bad.reason)
    graph = ctx.graph
    for citation in ctx.document.citations:
        if not graph.is_claim_target(citation.target):
            yield Finding(citation.span, f'citation target "#{citation.target}" is not a claim ID')


RULE = Rule(
    code="CK106",
    name="malformed-citation",
    severity=Severity.ERROR,
    summary='A citation is broken: an unbalanced `[`, an `<a>` without `href="#ID"`, '
    "or a target that is not a claim ID.",
    rationale=(
        "Broken citation markup renders as stray brackets or dead links, and hides which claim "
        'a sentence rests on. Links to other pages (`href="https://..."`) are not citations '
        "and are left alone."
    ),
    check=check,
    bad='[<a href="#1">1</a>, <a>2</a>',
    good='[<a href="#1">1</a>, <a href="#2">2</a>]',
)
