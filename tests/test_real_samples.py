"""The six real explainers of the pipeline's later layout (../shared/real-samples/).

Their findings were read by hand once against each file: CNN live-blog and news rows
carrying CNN Fact Check's ``Left`` (CK203, the database rates CNN Digital ``Lean Left``),
The Guardian's ``Lean Left`` (rated ``Left``), NPR's ``Center``; rows with an empty date
``<div></div>`` (CK205); claims no level cites (CK102); outlets AllSides does not rate
(CK202). They are third-party text, read where they lie and never copied into the project.
"""

from __future__ import annotations

import pytest

from claimkit.parse import parse_file
from conftest import SHARED, lint_text

SAMPLES = SHARED / "real-samples"

# (line, code) of every finding, checked by hand against the file.
EXPECTED: dict[str, set[tuple[int, str]]] = {
    "real-1.md": {
        (19, "CK202"),
        (19, "CK205"),
        (21, "CK102"),
        (22, "CK102"),
        (22, "CK202"),
        (23, "CK203"),
        (24, "CK203"),
        (25, "CK202"),
        (26, "CK102"),
        (26, "CK202"),
        (27, "CK102"),
        (28, "CK102"),
        (28, "CK202"),
    },
    "real-2.md": {
        (19, "CK203"),
        (21, "CK205"),
        (23, "CK203"),
        (25, "CK102"),
        (26, "CK203"),
        (27, "CK102"),
        (28, "CK102"),
    },
    "real-3.md": {
        (20, "CK203"),
        (21, "CK205"),
        (22, "CK203"),
        (23, "CK202"),
        (24, "CK202"),
        (25, "CK102"),
        (25, "CK203"),
        (26, "CK102"),
        (27, "CK102"),
        (27, "CK202"),
        (28, "CK102"),
        (28, "CK202"),
    },
    "real-4.md": {
        (19, "CK202"),
        (19, "CK205"),
        (20, "CK202"),
        (20, "CK205"),
        (21, "CK202"),
        (25, "CK202"),
        (28, "CK202"),
        (28, "CK205"),
    },
    "real-5.md": {
        (19, "CK203"),
        (24, "CK203"),
        (25, "CK102"),
        (26, "CK102"),
        (26, "CK202"),
        (27, "CK102"),
        (27, "CK203"),
        (28, "CK102"),
        (28, "CK203"),
    },
    # Claim 5 ("They added that Ukrainian army's successes would have ...") repeats claim 4
    # ("UK defence officials say the Ukrainian army's successes will have ...") from the same
    # BBC page: one statement with its attribution and tense changed, so CK301.
    "real-6.md": {
        (20, "CK202"),
        (21, "CK205"),
        (22, "CK205"),
        (23, "CK205"),
        (23, "CK301"),
        (24, "CK102"),
        (24, "CK203"),
        (25, "CK203"),
        (27, "CK202"),
        (28, "CK102"),
        (28, "CK203"),
    },
}

pytestmark = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"real samples not found at {SAMPLES} (../shared is absent)"
)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_as_read_by_hand(name: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert {(d.line, d.code) for d in lint_text(text)} == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_is_read(name: str) -> None:
    document = parse_file(str(SAMPLES / name))
    assert document.title is not None and document.title.value.endswith("?")
    assert document.slider is not None
    assert [level.name for level in document.slider.levels] == [
        "less-detailed",
        "summary",
        "more-detailed",
    ]
    assert [claim.id for claim in document.claims] == [str(i) for i in range(1, 11)]
    text = document.text
    for claim in document.claims:
        source = claim.source
        assert claim.problem is None and source is not None
        assert claim.anchor is not None and claim.anchor_label is not None
        assert text[claim.anchor.start :].startswith('<span class="anchor" id=')
        assert claim.sentence.value and "<" not in claim.sentence.value
        assert claim.sentence.value in claim.context.value  # the pipeline quotes its context
        assert source.url is not None and source.url.value.startswith("https://")
        assert source.bias_label is not None and source.bias_label.value
        assert source.outlet.value and source.unplaced == ()
        # Every span holds the text its value was read from.
        for field in (claim.sentence, source.url, source.bias_label, source.outlet):
            assert field.span is not None
            assert text[field.span.start : field.span.end].strip() == field.value
        assert (source.date is None) == (source.date_raw.value == "")
    assert document.citations and all(c.group != -1 for c in document.citations)
    assert all(c.label == c.target for c in document.citations)
    # Side-by-side groups, one per citation, and lists within one group both occur.
    assert len(document.citation_groups) <= len(document.citations)
