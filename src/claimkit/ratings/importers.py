"""Convert published ratings exports (AllSides CSV/JSON, MBFC JSON) into our entries."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from claimkit.ratings.schema import ENTRY_LABELS, Entry, as_yaml_data, is_domain, normalize_host

ALLSIDES = "AllSides"
MBFC = "Media Bias/Fact Check"
# Placeholder hosts (RFC 2606) name no outlet.
_PLACEHOLDERS = {"example.com", "example.org", "example.net"}
_MBFC_BIAS = {
    "left": "Left",
    "left-center": "Lean Left",
    "center": "Center",
    "right-center": "Lean Right",
    "right": "Right",
}
_MBFC_REPORTING = {
    "very-high": "Very High",
    "high": "High",
    "mostly-factual": "Mostly Factual",
    "mixed": "Mixed",
    "low": "Low",
    "very-low": "Very Low",
}
FORMATS = ("allsides-csv", "allsides-json", "mbfc-json")


class ConvertError(ValueError):
    """An export that cannot be read as the format asked for."""


@dataclass(slots=True)
class Imported:
    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (outlet, why)


def site_of(url: str) -> tuple[str, str] | str:
    """(host, path prefix) an outlet's address stands for, or why it stands for none."""
    url = url.strip()
    if not url:
        return "no address"
    parts = urlsplit(url if "://" in url else "http://" + url)
    host = normalize_host(parts.hostname or "")
    if not is_domain(host):
        return f'no usable host in "{url}"'
    if host in _PLACEHOLDERS:
        return f"placeholder host {host}"
    segments = [s for s in parts.path.lower().split("/") if s]
    if parts.query and segments:
        # The outlet is named by the query (youtube.com/playlist?list=...): a path prefix
        # would rate every page of that kind on the platform.
        return "the outlet is identified by a query string"
    if segments and "." in segments[-1]:
        # A page rather than a section: index.html stands for its directory,
        # opinion.html for the section /opinion.
        last = segments.pop()
        stem = last.rsplit(".", 1)[0]
        if stem != "index":
            segments.append(stem)
    return host, "/" + "/".join(segments) if segments else ""


def _row_entry(
    name: str, kind: str, bias: str, url: str, rating_url: str, as_of: str, origin: str
) -> Entry | str:
    if bias not in ENTRY_LABELS:
        return f'rating "{bias}" is not one of {", ".join(ENTRY_LABELS)}'
    site = site_of(url)
    if isinstance(site, str):
        return site
    host, path = site
    return Entry(
        name=name,
        domains=(host,),
        paths=(path,) if path else (),
        bias=bias,
        source_type=kind,
        rating_url=rating_url,
        rated_by=ALLSIDES,
        as_of=as_of,
        origin=origin,
    )


def from_allsides(rows: Iterable[Mapping[str, Any]], as_of: str = "") -> Imported:
    """Rows with AllSides' publication fields (source_name, media_bias_rating, ...)."""
    result = Imported()
    for index, row in enumerate(rows, 1):
        name = " ".join(str(row.get("source_name") or "").split())
        made = _row_entry(
            name or "(unnamed)",
            str(row.get("source_type") or "").strip(),
            str(row.get("media_bias_rating") or "").strip(),
            str(row.get("source_url") or ""),
            str(row.get("allsides_url") or "").strip(),
            as_of,
            f"row {index}",
        )
        if isinstance(made, str):
            result.skipped.append((name or f"row {index}", made))
        else:
            result.entries.append(made)
    return result


def _strip_prefix(row: Mapping[str, str]) -> dict[str, str]:
    # The CSV export flattens JSON paths: allsides_media_bias_ratings/publication/source_name.
    return {key.rsplit("/", 1)[-1].strip(): (value or "") for key, value in row.items() if key}


def allsides_csv(text: str, as_of: str = "") -> Imported:
    reader = csv.DictReader(text.splitlines())
    fields = {name.rsplit("/", 1)[-1] for name in reader.fieldnames or ()}
    if not {"source_name", "media_bias_rating", "source_url"} <= fields:
        raise ConvertError(
            "not an AllSides CSV export (no source_name/media_bias_rating/source_url)"
        )
    return from_allsides((_strip_prefix(row) for row in reader), as_of)


def allsides_json(data: Any, as_of: str = "") -> Imported:
    """The JSON export: ``{"allsides_media_bias_ratings": [{"publication": {...}}, ...]}``
    (also a bare list, or ``{"publication": [...]}`` inside)."""
    items = data.get("allsides_media_bias_ratings") if isinstance(data, dict) else data
    if isinstance(items, dict):
        items = items.get("publication")
    if not isinstance(items, list):
        raise ConvertError("not an AllSides JSON export (no allsides_media_bias_ratings list)")
    rows = [item.get("publication", item) if isinstance(item, dict) else {} for item in items]
    return from_allsides(rows, as_of)


def mbfc_json(data: Any) -> Imported:
    """MBFC's extension feed: ``{"date": ..., "sources": [{"domain", "name", "bias", ...}]}``."""
    sources = data.get("sources") if isinstance(data, dict) else data
    if not isinstance(sources, list):
        raise ConvertError('not an MBFC JSON export (no "sources" list)')
    as_of = str(data.get("date", ""))[:10] if isinstance(data, dict) else ""
    result = Imported()
    for index, source in enumerate(sources, 1):
        if not isinstance(source, dict):
            result.skipped.append((f"source {index}", "not an object"))
            continue
        name = " ".join(str(source.get("name") or "").split()) or f"source {index}"
        bias = _MBFC_BIAS.get(str(source.get("bias") or ""))
        if bias is None:
            result.skipped.append((name, f'MBFC category "{source.get("bias")}" has no lean'))
            continue
        site = site_of(str(source.get("domain") or ""))
        if isinstance(site, str):
            result.skipped.append((name, site))
            continue
        host, path = site
        result.entries.append(
            Entry(
                name=name,
                domains=(host,),
                paths=(path,) if path else (),
                bias=bias,
                source_type="News Media",
                rating_url=str(source.get("url") or ""),
                rated_by=MBFC,
                as_of=as_of,
                factual=_MBFC_REPORTING.get(str(source.get("reporting") or "")),
                origin=f"source {index}",
            )
        )
    return result


def detect(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return "allsides-csv"
    try:
        data = json.loads(stripped)
    except ValueError:
        raise ConvertError("looks like JSON but does not parse") from None
    if isinstance(data, dict) and "sources" in data:
        return "mbfc-json"
    return "allsides-json"


def convert(text: str, kind: str = "auto", as_of: str = "") -> Imported:
    kind = detect(text) if kind == "auto" else kind
    if kind == "allsides-csv":
        return allsides_csv(text, as_of)
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except ValueError as exc:
        raise ConvertError(f"not valid JSON ({exc})") from None
    if kind == "allsides-json":
        return allsides_json(data, as_of)
    if kind == "mbfc-json":
        return mbfc_json(data)
    raise ConvertError(f"unknown format {kind!r} (use {', '.join(FORMATS)} or auto)")


def _scalar(value: object) -> str:
    # JSON strings are valid YAML double-quoted scalars: no YAML-specific quoting pitfalls.
    return json.dumps(value, ensure_ascii=False)


def dump(entries: Iterable[Entry], header: str = "", about: str = "") -> str:
    """A ratings file in our schema; ``header`` becomes ``#`` comment lines at the top.

    Written by hand rather than by yaml.dump so that the file is yamllint-clean (document
    start, indented sequences) and diffs line by line when a new export arrives.
    """
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += ["---", "schema: 1"]
    if about:
        lines.append(f"about: {_scalar(about)}")
    lines.append("entries:")
    for entry in entries:
        data = as_yaml_data(entry)
        first = True
        for key, value in data.items():
            if isinstance(value, list):
                text = "[" + ", ".join(_scalar(v) for v in value) + "]"
            else:
                text = _scalar(value)
            lines.append(f"  {'- ' if first else '  '}{key}: {text}")
            first = False
    return "\n".join(lines) + "\n"
