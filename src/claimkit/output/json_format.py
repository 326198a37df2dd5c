"""The JSON contract of spec section 3: one array of diagnostic objects."""

from __future__ import annotations

import json
from collections.abc import Iterable

from claimkit.diagnostics import Diagnostic


def render(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps([d.as_json() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"
