"""Property tests over generated explainers: the fix keeps every citation and every claim."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder import Explainer, Row
from claimkit.dedupe.plan import plan
from claimkit.parse import parse_text
from claimkit.text.normalize import normalize
from dedupe_support import groups, links, rows

# Our own sentences, pairwise far apart (different numbers and names), so that only the
# copies the strategy makes are duplicates.
PLACES = ["Oslo", "Lima", "Accra", "Hanoi", "Quito", "Dakar", "Riga", "Perth", "Cusco", "Turin"]
BASES = [
    f"Port officials in {place} expect {10 + 7 * i} more cargo ships each month after the "
    f"dredging works finish."
    for i, place in enumerate(PLACES)
]
COSMETIC = [
    lambda s: s,
    str.upper,
    lambda s: s.replace("dredging works", "dredging-works"),
    lambda s: s.replace(" more ", "  more "),
    lambda s: s.replace("officials", "\u201cofficials\u201d"),
]


@st.composite
def explainers(draw: st.DrawFn) -> tuple[str, list[str]]:
    """An explainer whose rows are bases or cosmetic copies of earlier rows."""
    count = draw(st.integers(1, 9))
    sentences: list[str] = []
    used = 0
    for _ in range(count):
        if sentences and (used == len(BASES) or draw(st.booleans())):
            source = draw(st.sampled_from(sentences))
            sentences.append(draw(st.sampled_from(COSMETIC))(source))
        else:
            sentences.append(BASES[used])
            used += 1
    ids = [str(i) for i in range(1, count + 1)]
    levels = {}
    for level in ("less-detailed", "summary", "more-detailed"):
        parts = []
        for _ in range(draw(st.integers(0, 3))):
            members = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))
            links_ = ", ".join(f'<a href="#{i}">{i}</a>' for i in members)
            parts.append(f"Some text <font color=#FF3399>[{links_}]</font>.")
        levels[level] = " ".join(parts) or "No citations here."
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    rows_ = [Row(i, s) for i, s in zip(ids, sentences, strict=True)]
    return Explainer(levels=levels, rows=rows_, newline=newline).text(), sentences


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(explainers())
def test_fix_keeps_citations_and_claims(case: tuple[str, list[str]]) -> None:
    text, sentences = case
    result = plan(parse_text(text))
    new = result.new_text()

    found = rows(new)
    ids = [i for i, _, _ in found]
    # IDs are 1..N again and every citation resolves (independent regex reading).
    assert ids == [str(k) for k in range(1, len(ids) + 1)]
    assert all(label == i for i, label, _ in found)
    assert {t for t, _ in links(new)} <= set(ids)
    assert all(target == label for target, label in links(new))
    # The same holds for claimkit's own parser.
    document = parse_text(new)
    assert {c.target for c in document.citations} <= {c.id for c in document.claims}
    # A repeat the fix created inside a group is collapsed; one the author wrote stays.
    dropped = {d.claim.id for d in result.removed}
    for before, after in zip(groups(text), groups(new), strict=True):
        expected: list[str] = []
        first_dropped: dict[str, bool] = {}
        for target in before:
            final = result.mapping.get(target, target)
            if final in first_dropped and (target in dropped or first_dropped[final]):
                continue
            first_dropped.setdefault(final, target in dropped)
            expected.append(final)
        assert after == expected
    # Every distinct claim text is still there; only repeats went.
    kept = {normalize(s) for _, _, s in found}
    assert kept == {normalize(s) for s in sentences}
    removed = {d.claim.id for d in result.removed}
    assert len(found) == len(sentences) - len(removed)
    # A second fix is a no-op.
    assert plan(parse_text(new)).new_text() == new
