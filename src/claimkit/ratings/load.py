"""Read ratings files: safe YAML only, schema-checked, errors as ``path:line: message``."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from typing import Any

from claimkit.ratings import RatingsError
from claimkit.ratings.schema import ENTRY_KEYS, ENTRY_LABELS, Entry, KeyPath, SchemaError, validate

SHIPPED_NAME = "bias_ratings.yaml"
# A JSON image of a YAML file's validated entries, keyed by the YAML's sha256. The YAML stays
# the source of truth: a cache whose hash does not match is ignored. Parsing 1,800 entries of
# YAML costs ~150 ms even with libyaml; the JSON image loads in a few.
CACHE_SUFFIX = ".cache.json"
# The shipped database is 0.4 MB; a ratings file a hundred times that is not one.
MAX_RATINGS_BYTES = 64 * 1024 * 1024


def shipped_path() -> str:
    """Where the shipped database is, in an editable checkout and in an installed wheel alike."""
    # The package's own __file__, not importlib.resources: that import alone costs ~13 ms
    # per run, and claimkit is never installed zipped.
    from importlib import import_module

    package = import_module("claimkit.data")  # mapped from the top-level data/ folder
    return os.path.join(os.path.dirname(package.__file__ or ""), SHIPPED_NAME)


def _loader() -> Any:
    import yaml

    # libyaml's safe loader is several times faster; both construct plain data only.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line_of(text: str, where: KeyPath) -> int:
    """The 1-based line of the node at ``where``, found again without constructing objects."""
    import yaml

    node: Any = yaml.compose(text, Loader=_loader())
    line = node.start_mark.line + 1 if node is not None else 1
    for key in where:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == key), None)
            if found is None:
                found = next((k for k, _ in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            found = node.value[key] if key < len(node.value) else None
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line


def parse_text(text: str, path: str) -> tuple[Entry, ...]:
    import yaml

    from claimkit.bombs import deep_nesting, long_number

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise RatingsError(f"{path}:{line}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise RatingsError(f"{path}:1: invalid YAML: {exc}") from None
    except ValueError:  # an integer past Python's int-string limit
        line, message = long_number(text)
        raise RatingsError(f"{path}:{line}: invalid YAML: {message}") from None
    except RecursionError:
        line, message = deep_nesting(text)
        raise RatingsError(f"{path}:{line}: invalid YAML: {message}") from None
    try:
        return validate(data, os.path.basename(path))
    except SchemaError as exc:
        raise RatingsError(f"{path}:{_line_of(text, exc.where)}: {exc.message}") from None


def _sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``.

    CPython's own small SHA-256 module when it has one: ``hashlib`` loads OpenSSL first,
    about 6 ms of every lint run, to hash 400 KB that the built-in module hashes in 1.6 ms.
    """
    try:
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # a build without it, or a Python that renamed it (3.12: _sha2)
        from hashlib import sha256
    return str(sha256(data).hexdigest())


def cache_image(data: bytes, entries: Sequence[Entry]) -> str:
    import json

    from claimkit.ratings.schema import as_yaml_data

    image = {
        "sha256": _sha256(data),
        "entries": [as_yaml_data(entry) for entry in entries],
    }
    return json.dumps(image, ensure_ascii=False, separators=(",", ":")) + "\n"


def _from_cache(path: str, data: bytes) -> tuple[Entry, ...] | None:
    """The entries of ``path``'s JSON image when it is current and well formed, else None."""
    import json

    from claimkit.files import read_regular
    from claimkit.parse import UnreadableError

    try:
        image = json.loads(read_regular(path + CACHE_SUFFIX, MAX_RATINGS_BYTES).data)
    except (UnreadableError, ValueError, RecursionError):
        return None
    if not isinstance(image, dict) or image.get("sha256") != _sha256(data):
        return None
    return _image_entries(image.get("entries"), os.path.basename(path))


def _image_entries(items: object, origin: str) -> tuple[Entry, ...] | None:
    """Entries from an image's list, or None when any item is not what cache_image writes.

    A hash match says the image was made from this YAML, not that nobody edited it since:
    every item is checked against the schema's shape (types, keys, the bias scale) before
    it is trusted, cheaply, since this runs on every lint that needs ratings.
    """
    if type(items) is not list:
        return None
    entries: list[Entry] = []
    labels, keys, get = ENTRY_LABELS, ENTRY_KEYS, dict.get
    for index, item in enumerate(items, 1):
        # One expression per item: this loop runs ~1,850 times in every lint that rates.
        if type(item) is not dict or not item.keys() <= keys:
            return None
        name, domains, paths = get(item, "name"), get(item, "domains"), get(item, "paths", [])
        kind, url, rated_by = (
            get(item, "type", ""),
            get(item, "rating_url", ""),
            get(item, "rated_by", ""),
        )
        as_of, factual = get(item, "as_of", ""), get(item, "factual", "")
        if not (
            type(name) is str
            and name
            and type(domains) is list
            and domains
            and all([type(d) is str and d for d in domains])
            and type(paths) is list
            and all([type(p) is str and p for p in paths])
            and get(item, "bias") in labels
            and type(kind) is str
            and type(url) is str
            and type(rated_by) is str
            and type(as_of) is str
            and type(factual) is str
        ):
            return None
        entries.append(
            Entry(
                name,
                tuple(domains),
                tuple(paths),
                item["bias"],
                kind,
                url,
                rated_by,
                as_of,
                factual or None,
                f"{origin} #{index}",
            )
        )
    return tuple(entries)


def _rebuild_cache(path: str, data: bytes, entries: Sequence[Entry]) -> None:
    """Replace an image that could not be used; where it cannot be written, it is not."""
    from claimkit.fix.write import WriteError, write_output

    if os.path.exists(path + CACHE_SUFFIX):
        with contextlib.suppress(WriteError, OSError):
            write_output(path + CACHE_SUFFIX, cache_image(data, entries).encode("utf-8"))


def load_file(path: str, *, use_cache: bool = True) -> tuple[Entry, ...]:
    from claimkit.files import read_regular
    from claimkit.parse import UnreadableError

    try:
        # Only a regular file, and not without bound (--ratings /dev/zero, a FIFO).
        data = read_regular(path, MAX_RATINGS_BYTES).data
    except UnreadableError as exc:
        if str(exc) == "no such file":
            raise RatingsError(f"{path}: ratings file does not exist") from None
        raise RatingsError(f"{path}: cannot read ratings file ({exc})") from None
    if use_cache and (cached := _from_cache(path, data)) is not None:
        return cached
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RatingsError(f"{path}:1: not UTF-8 ({exc.reason})") from None
    entries = parse_text(text, path)
    if use_cache:
        _rebuild_cache(path, data, entries)
    return entries


def load_layers(extra: Sequence[str] = (), *, shipped: bool = True) -> list[tuple[Entry, ...]]:
    """The shipped database (unless ``shipped`` is False) then each extra file, in order."""
    paths = ([shipped_path()] if shipped else []) + list(extra)
    return [load_file(path) for path in paths]
