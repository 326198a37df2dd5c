"""Date forms an explainer may carry: ``Nov 2nd, 2022``, ``November 2, 2022``, ``2022-11-02``."""

from __future__ import annotations

import datetime as dt

from claimkit import lazy_re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_WRITTEN = lazy_re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(st|nd|rd|th)?,\s*(\d{4})")
_ISO = lazy_re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(raw: str) -> dt.date | None:
    """The date ``raw`` names, or None when it is empty, unparsable or impossible."""
    text = raw.strip()
    try:
        if match := _ISO.fullmatch(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _WRITTEN.fullmatch(text):
            month = _MONTHS.get(match[1].lower())
            if month is None:
                return None
            return dt.date(int(match[4]), month, int(match[2]))
    except ValueError:  # 30 February and its kind
        return None
    return None
