"""One database entry, the label scale, and validation of parsed YAML data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from claimkit import lazy_re
from claimkit.domain import RATED_LABELS

# Labels an entry may carry: N/A means "no rating" and has no place in a ratings file.
ENTRY_LABELS = RATED_LABELS
SCHEMA_VERSION = 1

_DOMAIN = lazy_re.compile(
    r"^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$"
)
_AS_OF = lazy_re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ENTRY_KEYS = {
    "name",
    "domains",
    "paths",
    "bias",
    "type",
    "rating_url",
    "rated_by",
    "as_of",
    "factual",
}
_TOP_KEYS = {"schema", "about", "entries"}

KeyPath = tuple[str | int, ...]


class SchemaError(ValueError):
    """Data that does not fit the schema; ``where`` is the key path of the offending node."""

    def __init__(self, where: KeyPath, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message


class Entry(NamedTuple):
    # A NamedTuple, not a dataclass: every lint that rates sources builds all ~1,850 of the
    # shipped entries, and a frozen dataclass costs ~5x as much to construct.
    name: str
    domains: tuple[str, ...]  # hosts, lower case, without a leading "www."
    paths: tuple[str, ...]  # path prefixes ("/opinions"); empty: the whole site
    bias: str
    source_type: str
    rating_url: str
    rated_by: str
    as_of: str
    factual: str | None = None  # a factual-reporting grade, when the rater gives one
    origin: str = ""  # "file:index", to say where a match came from


def is_domain(host: str) -> bool:
    return bool(_DOMAIN.match(host))


def normalize_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def normalize_path(path: str) -> str:
    """``/Opinions/`` -> ``/opinions``; ``/`` and empty mean the whole site (``""``)."""
    segments = [s for s in path.strip().lower().split("/") if s]
    return "/" + "/".join(segments) if segments else ""


def _text(value: object, where: KeyPath, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise SchemaError(where, f"{where[-1]} must be a string")
    text = str(value).strip()
    if required and not text:
        raise SchemaError(where, f"{where[-1]} must not be empty")
    return text


def _list(value: object, where: KeyPath) -> list[object]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise SchemaError(where, f"{where[-1]} must be a list of strings")
    return value


def _domains(value: object, where: KeyPath) -> tuple[str, ...]:
    items = _list(value, where)
    if not items:
        raise SchemaError(where, "domains must list at least one domain")
    found: list[str] = []
    for index, item in enumerate(items):
        at = (*where, index)
        host = normalize_host(_text(item, at, required=True))
        if not _DOMAIN.match(host):
            raise SchemaError(at, f'"{item}" is not a domain (write "example.com", no scheme)')
        found.append(host)
    return tuple(found)


def _paths(value: object, where: KeyPath) -> tuple[str, ...]:
    if value is None:
        return ()
    found: list[str] = []
    for index, item in enumerate(_list(value, where)):
        at = (*where, index)
        raw = _text(item, at, required=True)
        if not raw.startswith("/") or any(c in raw for c in "?# \t"):
            raise SchemaError(at, f'path prefix "{raw}" must start with "/" and hold no ? or #')
        found.append(normalize_path(raw))
    return tuple(found)


def validate_entry(raw: object, where: KeyPath, origin: str) -> Entry:
    if not isinstance(raw, Mapping):
        raise SchemaError(where, "an entry must be a mapping (name:, domains:, bias:, ...)")
    for key in raw:
        if key not in ENTRY_KEYS:
            raise SchemaError((*where, str(key)), f'unknown key "{key}" in entry')
    for key in ("name", "domains", "bias"):
        if key not in raw:
            raise SchemaError(where, f'entry has no "{key}"')
    bias = _text(raw["bias"], (*where, "bias"), required=True)
    if bias not in ENTRY_LABELS:
        raise SchemaError(
            (*where, "bias"), f'bias "{bias}" is not one of {", ".join(ENTRY_LABELS)}'
        )
    as_of = _text(raw.get("as_of"), (*where, "as_of"), required=False)
    if as_of and not _AS_OF.match(as_of):
        raise SchemaError((*where, "as_of"), f'as_of "{as_of}" is not YYYY, YYYY-MM or YYYY-MM-DD')
    factual = _text(raw.get("factual"), (*where, "factual"), required=False) or None
    return Entry(
        name=_text(raw["name"], (*where, "name"), required=True),
        domains=_domains(raw["domains"], (*where, "domains")),
        paths=_paths(raw.get("paths"), (*where, "paths")),
        bias=bias,
        source_type=_text(raw.get("type"), (*where, "type"), required=False),
        rating_url=_text(raw.get("rating_url"), (*where, "rating_url"), required=False),
        rated_by=_text(raw.get("rated_by"), (*where, "rated_by"), required=False),
        as_of=as_of,
        factual=factual,
        origin=origin,
    )


def validate(data: object, origin: str) -> tuple[Entry, ...]:
    """The entries of one parsed ratings file; SchemaError at the first problem."""
    if not isinstance(data, Mapping):
        raise SchemaError((), 'a ratings file is a mapping with an "entries:" list')
    for key in data:
        if key not in _TOP_KEYS:
            raise SchemaError((str(key),), f'unknown top-level key "{key}"')
    if "schema" in data and data["schema"] != SCHEMA_VERSION:
        raise SchemaError(("schema",), f"unsupported schema version (expected {SCHEMA_VERSION})")
    entries = data.get("entries")
    if not isinstance(entries, Sequence) or isinstance(entries, str):
        raise SchemaError(("entries",) if "entries" in data else (), '"entries" must be a list')
    return tuple(
        validate_entry(raw, ("entries", index), f"{origin} #{index + 1}")
        for index, raw in enumerate(entries)
    )


def as_yaml_data(entry: Entry) -> dict[str, object]:
    """The mapping that writes ``entry`` back out, keys in schema order, empties left out."""
    data: dict[str, object] = {"name": entry.name, "domains": list(entry.domains)}
    if entry.paths:
        data["paths"] = list(entry.paths)
    data["bias"] = entry.bias
    for key, value in (
        ("type", entry.source_type),
        ("rating_url", entry.rating_url),
        ("rated_by", entry.rated_by),
        ("as_of", entry.as_of),
        ("factual", entry.factual),
    ):
        if value:
            data[key] = value
    return data
