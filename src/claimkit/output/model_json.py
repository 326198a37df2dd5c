"""The parsed model as JSON (``claimkit parse``), and a short outline for people."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from claimkit.model import Document


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, tuple) and hasattr(value, "_asdict"):  # Span, Field, Citation
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_dict(document: Document) -> dict[str, Any]:
    data: dict[str, Any] = _plain(document)
    data.pop("text", None)
    data["is_explainer"] = document.is_explainer
    return data


def render(document: Document) -> str:
    return json.dumps(as_dict(document), indent=2, ensure_ascii=False) + "\n"


def render_outline(document: Document) -> str:
    lines = [f"{document.path}: {'explainer' if document.is_explainer else 'not an explainer'}"]
    if document.title is not None:
        lines.append(f"title: {document.title.value}")
    if document.slider is not None:
        for level in document.slider.levels:
            count = sum(1 for c in document.citations if c.level == level.name)
            lines.append(f"level {level.name or '?'} (line {level.span.line}): {count} citations")
    for claim in document.claims:
        source = claim.source
        where = source.url.value if source and source.url else "-"
        lines.append(
            f"claim {claim.id} (line {claim.row.line}): {claim.sentence.value[:60]}"
            f" <{where}>" + (f" MALFORMED: {claim.problem}" if claim.problem else "")
        )
    return "\n".join(lines) + "\n"
