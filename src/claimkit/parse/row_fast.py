"""The claim rows pipelines write, each read in one match: about 4x faster than by role.

Two layouts cover nearly every row a pipeline writes: the reference layout

    |<font id="N" color=#FF3399>[N]</font> SENTENCE|<div ...><a ...><BiasChart /></a>...|CONTEXT|

and the later converter's, with a width ``<div>`` and a ``<span class="anchor">`` around
the sentence and ``<ClientOnly>`` around the chart. A row of either shape with no entities,
escapes, tags or pipes inside its texts is read here; anything else (or nothing) falls
through to ``table.general_row``, the reader by role. Both must build the very same Claim:
``tests/test_parse_fast_paths.py`` compares them on every row of a generated corpus in
every layout, the seed, the real samples and property-generated rows.
"""

from __future__ import annotations

from claimkit import lazy_re
from claimkit.model import Claim, Field, Source
from claimkit.parse.dates import parse_date
from claimkit.parse.positions import LineLocator
from claimkit.parse.source_cell import DATE_MAX as _DATE_MAX

_SOURCE = (
    r'\|<div style="[^"<>]*"><a href="(?P<rating>[^"<>&]*)" target="_blank">'
    r'{chart_open}<BiasChart bias="(?P<bias>[^"<>&]*)" />{chart_close}</a>'
    r'<div><a href="(?P<url>[^"<>&]*)" target="_blank">(?P<outlet>[^<>|&]*)</a></div>'
    r"<div>(?:\*\((?P<type>[^<>|&()*]{0,200})\)\*|(?P<notype>))</div>"
    # As the reader by role: a date is short and has no "(" (that text would be the type).
    r"<div>(?P<date>[^<>|&()]{0,60})</div></div>"
    r"\|(?P<context>[^|\\&<>]*)\|"
)
_REFERENCE = lazy_re.compile(
    r'\|(?P<anchor><font id="(?P<id>[0-9]{1,9})" color=#FF3399>\[(?P<label>(?P=id))\]</font>)'
    r"(?P<sentence>[^|<>\\&]*)" + _SOURCE.replace("{chart_open}", "").replace("{chart_close}", "")
)
_LATER = lazy_re.compile(
    r'\|<div style="[^"<>]*">'
    r'(?P<anchor><span class="anchor" id="(?P<id>[0-9]{1,9})"></span>)'
    r"<font {1,2}color=#FF3399>\[(?P<label>(?P=id))\]</font>"
    r"(?P<sentence>[^|<>\\&]*)</div>"
    + _SOURCE.replace("{chart_open}", "<ClientOnly>").replace("{chart_close}", "</ClientOnly>")
)


def canonical_row(
    original: str, masked: str, start: int, end: int, index: int, locate: LineLocator
) -> Claim | None:
    """The row's Claim when it has one of the pipelines' shapes, else None."""
    if original.startswith("|<f", start):
        match = _REFERENCE.fullmatch(original, start, end)
    elif original.startswith("|<d", start):
        match = _LATER.fullmatch(original, start, end)
    else:
        return None
    if match is None or masked[start:end] != original[start:end]:
        return None
    span = locate.span

    def stripped(group: str) -> Field:
        # As the general reader trims a cell: a blank one is an empty span at its end.
        raw = match[group]
        lead = len(raw) - len(raw.lstrip())
        at = match.start(group)
        return Field(raw.strip(), span(at + lead, at + max(len(raw.rstrip()), lead)))

    sentence = stripped("sentence")
    if not sentence.value:  # ... but a blank sentence is an empty span right after the anchor
        at = match.start("sentence")
        sentence = Field("", span(at, at))

    def raw_field(group: str) -> Field:
        return Field(match[group].strip(), span(match.start(group), match.end(group)))

    if match["type"] is not None:
        source_type = raw_field("type")
    else:
        source_type = Field("", span(match.start("notype"), match.end("notype")))
    date_raw = raw_field("date")
    if len(date_raw.value) > _DATE_MAX:
        return None
    source = Source(
        rating_url=raw_field("rating"),
        bias_label=raw_field("bias"),
        url=raw_field("url"),
        outlet=raw_field("outlet"),
        source_type=source_type,
        date_raw=date_raw,
        date=parse_date(date_raw.value) if date_raw.value else None,
    )
    return Claim(
        id=match["id"],
        row=span(start, end),
        position=index,
        anchor=span(match.start("anchor"), match.end("anchor")),
        id_span=span(match.start("id"), match.end("id")),
        anchor_label=span(match.start("label"), match.end("label")),
        sentence=sentence,
        context=stripped("context"),
        source=source,
        cell_count=3,
        problem=None,
    )
