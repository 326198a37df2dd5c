"""The lint result cache: an unchanged file under an unchanged configuration is not re-linted.

One shard per lint job: ``<cache dir>/lint-<format>/<job key>/<bucket>.json``. The job key hashes
everything besides the file that can change a finding: claimkit's version and the files of
the installed package (a rebuilt rule set), the rules selected and their order, configured
severities, per-rule options, the dedupe threshold, the size cap and the bytes of every
ratings file the job reads. Inside a shard, entries are keyed by a hash of the file's bytes,
so the path is not part of an entry: findings are stored without it and take the display
path of the run that reads them, and two copies of one file share an entry.

A warm run reads and hashes each file in this process and renders what the shard holds:
no worker is forked and no document parsed unless some file missed. Misses are linted on
the parallel map as before; each worker hashes exactly the bytes it linted, so a file that
changes between the look-up and the lint is stored under the bytes that produced the result.

Writes are atomic (a temporary file in the shard's directory, then ``os.replace``) and
merge with what another run wrote meanwhile; a lost race only loses entries. Anything read
back is validated (magic, format, the job key inside the shard, the shape of each entry)
and ignored when it does not fit: a cache can make a run faster, never different.

``--online`` results depend on the network and are never cached; ``--fix`` and ``--diff``
do not use the cache (the next run hashes the rewritten bytes and misses).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from claimkit.atomic import write_whole
from claimkit.diagnostics import Applicability, Diagnostic, Edit, Fix, Severity
from claimkit.engine import FileResult, LintJob

MAGIC = "claimkit-lint-cache"
FORMAT = 2
DEFAULT_DIR = ".claimkit_cache"
ENV_DIR = "CLAIMKIT_CACHE_DIR"
# Entries no run has written for this long are dropped when a shard is next written.
MAX_AGE_SECONDS = 30 * 24 * 3600
_SEVERITIES = {s.label: s for s in Severity}
_APPLICABILITY = {a.value: a for a in Applicability}


def digest(data: bytes) -> str:
    """A content hash; ``_blake2`` is built in, where ``hashlib`` would load OpenSSL first."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return str(blake2b(data, digest_size=20).hexdigest())


def cache_dir(flag: str | None, configured: str | None) -> str:
    """Where the cache lives: ``--cache-dir``, then $CLAIMKIT_CACHE_DIR, configuration, default."""
    chosen = flag or os.environ.get(ENV_DIR) or configured or DEFAULT_DIR
    return os.path.abspath(chosen)


def clean(directory: str) -> bool:
    """Remove the cache directory; False when there was none."""
    import shutil

    if not os.path.lexists(directory):
        return False
    if os.path.isdir(directory) and not os.path.islink(directory):
        shutil.rmtree(directory)
    else:
        os.remove(directory)
    return True


# --- the job key --------------------------------------------------------------------------

_package_fingerprint: str | None = None


def _package() -> str:
    """Sizes and times of claimkit's own files: a rebuilt rule set is another key.

    The version alone would serve stale findings from a development install whose rules
    changed since; a stat per module is cheap next to any lint.
    """
    global _package_fingerprint
    if _package_fingerprint is None:
        # The package's own folder: this file is claimkit/run/cache.py.
        parts: list[str] = []
        pending = [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))]
        while pending:
            with os.scandir(pending.pop()) as entries:
                for entry in sorted(entries, key=lambda e: e.name):
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            pending.append(entry.path)
                    elif entry.name.endswith((".py", ".json", ".yaml")):
                        info = entry.stat()
                        parts.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
        _package_fingerprint = digest("\n".join(parts).encode("utf-8"))
    return _package_fingerprint


# As ratings.load bounds them; importing that module (and its schema) costs a warm run ~2 ms.
_MAX_RATINGS_BYTES = 64 * 1024 * 1024


def shipped_ratings() -> str:
    """``ratings.load.shipped_path()``, without importing the loader (a test holds them equal)."""
    from importlib import import_module

    package = import_module("claimkit.data")  # mapped from the top-level data/ folder
    return os.path.join(os.path.dirname(package.__file__ or ""), "bias_ratings.yaml")


def _file_content(path: str) -> str:
    # Bounded and regular files only, like the ratings loader: --ratings /dev/zero. No entry
    # is ever written under a key whose ratings file cannot be read: the run that needs it
    # fails before storing anything.
    data = _read_for_lookup(path, _MAX_RATINGS_BYTES)
    return "unreadable" if data is None else digest(data)


def job_key(job: LintJob) -> str:
    from claimkit.rules import BY_CODE
    from claimkit.version import __version__

    settings = job.settings
    parts: dict[str, Any] = {
        "format": FORMAT,
        "version": __version__,
        "package": _package(),
        "registry": sorted(BY_CODE),
        "rules": [rule.code for rule in job.rules],
        "severity": sorted((code, level.label) for code, level in job.severity.items()),
        "options": [list(item) for item in settings.rule_options.values],
        "dedupe_threshold": settings.dedupe_threshold,
        "max_file_size": settings.max_file_size,
        "ratings": [
            [path, _file_content(path)] for path in (shipped_ratings(), *settings.ratings_files)
        ],
    }
    return digest(json.dumps(parts, sort_keys=True).encode("utf-8"))


# --- entries ------------------------------------------------------------------------------


def _encode(result: FileResult) -> list[Any]:
    return [result.skipped, [_encode_diagnostic(d) for d in result.diagnostics]]


def _encode_diagnostic(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        # The edits as one JSON text: a warm run that prints no edits (the text formats)
        # reads past them as one string instead of decoding a merge's dozens of lists.
        edits = json.dumps(
            [[e.start, e.end, e.content] for e in d.fix.edits],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        fix = [d.fix.title, d.fix.applicability.value, len(d.fix.edits), edits]
    return [
        d.line,
        d.column,
        d.code,
        d.name,
        d.severity.label,
        d.message,
        d.fixable,
        d.end_line,
        d.end_column,
        fix,
    ]


class _Invalid(Exception):
    """An entry that is not what ``_encode`` writes."""


def _check(ok: bool) -> None:
    if not ok:
        raise _Invalid


def _decode(entry: Any, path: str, edits: bool = True) -> FileResult:
    """The entry's result with ``path`` as every finding's path; _Invalid when malformed.

    Without ``edits`` each fix comes without its edits (``Diagnostic.offers_fix`` still
    tells whether it has some): for the formats that do not print them.
    """
    _check(type(entry) is list and len(entry) == 3)
    skipped, items = entry[1], entry[2]
    _check((skipped is None or type(skipped) is str) and type(items) is list)
    # The warm path's hot loop (27 findings a file on the generated corpus): one loop, every
    # field checked in one expression, no call per finding but the constructor's.
    found: list[Diagnostic] = []
    severities = _SEVERITIES
    for item in items:
        _check(type(item) is list and len(item) == 10)
        line, column, code, name, severity, message, fixable, end_line, end_column, fix = item
        level = severities.get(severity) if type(severity) is str else None
        _check(
            level is not None
            and type(line) is int
            and type(column) is int
            and type(code) is str
            and type(name) is str
            and type(message) is str
            and type(fixable) is bool
            and (end_line is None or type(end_line) is int)
            and (end_column is None or type(end_column) is int)
        )
        assert level is not None
        if fix is not None:
            fix = _decode_fix(fix, fixable, edits)
        found.append(
            Diagnostic(
                path, line, column, code, name, level, message, fixable, end_line, end_column, fix
            )
        )
    return FileResult(path, tuple(found), skipped)


def _decode_fix(fix: Any, fixable: bool, edits: bool) -> Fix:
    _check(type(fix) is list and len(fix) == 4)
    title, applicability, count, encoded = fix
    _check(
        type(title) is str
        and type(applicability) is str
        and applicability in _APPLICABILITY
        and type(count) is int
        and count >= 0
        and fixable == (count > 0)
        and type(encoded) is str
    )
    if not edits:
        return Fix(title, (), _APPLICABILITY[applicability])
    found = json.loads(encoded)
    _check(
        type(found) is list
        and len(found) == count
        and all(
            type(e) is list
            and len(e) == 3
            and type(e[0]) is int
            and type(e[1]) is int
            and type(e[2]) is str
            for e in found
        )
    )
    return Fix(title, tuple(map(Edit._make, found)), _APPLICABILITY[applicability])


# --- a shard ------------------------------------------------------------------------------


class Shard:
    """The entries of one job, in 256 files by the first byte of the content hash.

    A bucket is read when a look-up first needs it, so ``lint FILE`` reads one small file
    however large the cache, and a run that changed one file rewrites one bucket, not the
    whole job's entries. Each entry is ``content hash -> [written at, skipped, findings]``.
    """

    def __init__(self, directory: str, key: str, edits: bool = True) -> None:
        self.key = key
        self.edits = edits  # whether the fixes' edits are decoded (see ``_decode``)
        self.directory = os.path.join(directory, f"lint-{FORMAT}", key)
        self._buckets: dict[str, dict[str, Any]] = {}
        self._signatures: dict[str, tuple[int, int, int] | None] = {}
        self._new: dict[str, dict[str, list[Any]]] = {}

    def exists(self) -> bool:
        """Whether any run stored entries under this key (else every file is a miss)."""
        return os.path.isdir(self.directory)

    def _path(self, bucket: str) -> str:
        return os.path.join(self.directory, f"{bucket}.json")

    def _bucket(self, bucket: str) -> dict[str, Any]:
        found = self._buckets.get(bucket)
        if found is None:
            path = self._path(bucket)
            self._signatures[bucket] = _signature(path)
            found = self._buckets[bucket] = _read(path, self.key)
        return found

    def get(self, content: str, path: str) -> FileResult | None:
        entry = self._bucket(content[:2]).get(content)
        if entry is None:
            return None
        try:
            return _decode(entry, path, self.edits)
        except (_Invalid, ValueError, TypeError):
            return None  # never trusted: the file is linted as if nothing were cached

    def put(self, content: str, result: FileResult) -> None:
        self._new.setdefault(content[:2], {})[content] = [int(time.time()), *_encode(result)]

    def save(self) -> None:
        """Merge this run's entries into the buckets on disk; a failed write is no error."""
        now = int(time.time())
        for bucket, new in self._new.items():
            path = self._path(bucket)
            known = self._buckets.get(bucket)
            if known is None or self._signatures.get(bucket) != _signature(path):
                known = _read(path, self.key)  # another run wrote it since: merge with that
            merged = {
                content: entry
                for content, entry in known.items()
                if type(entry) is list and entry and _fresh(entry[0], now)
            }
            merged.update(new)
            image = {"magic": MAGIC, "format": FORMAT, "key": self.key, "entries": merged}
            data = json.dumps(image, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            # A read-only tree or a full disk: the run's result stands, uncached.
            with contextlib.suppress(OSError):
                _write_atomic(path, data)
        self._new.clear()


def _signature(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _fresh(written: Any, now: int) -> bool:
    return type(written) is int and now - written < MAX_AGE_SECONDS


def _read(path: str, key: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            image = json.loads(handle.read())
    except (OSError, ValueError, RecursionError):
        return {}
    if (
        not isinstance(image, dict)
        or image.get("magic") != MAGIC
        or image.get("format") != FORMAT
        or image.get("key") != key
        or not isinstance(image.get("entries"), dict)
    ):
        return {}
    entries: dict[str, Any] = image["entries"]
    return entries


def _write_atomic(path: str, data: bytes) -> None:
    directory = os.path.dirname(path)
    root = os.path.dirname(os.path.dirname(directory))  # <cache>/lint-N/<key>/<bucket>.json
    if not os.path.isdir(root):
        os.makedirs(root, exist_ok=True)
        # Like ruff's: the cache is never committed, and backup tools may skip it.
        _write_if_absent(
            os.path.join(root, ".gitignore"), b"# Automatically created by claimkit.\n*\n"
        )
        _write_if_absent(
            os.path.join(root, "CACHEDIR.TAG"),
            b"Signature: 8a477f597d28d172789f06886806bc55\n"
            b"# This file is a cache directory tag created by claimkit.\n",
        )
    os.makedirs(directory, exist_ok=True)
    write_whole(path, data)


def _write_if_absent(path: str, data: bytes) -> None:
    try:
        with open(path, "xb") as handle:
            handle.write(data)
    except OSError:
        pass  # already there (another run made it), or not writable: neither matters


# --- the lint path ------------------------------------------------------------------------


def _lint_keyed(pair: tuple[str, str], job: LintJob) -> tuple[FileResult, str | None]:
    """One file's result and the hash of the very bytes it was computed from."""
    from claimkit.engine import lint_bytes, lint_file
    from claimkit.files import read_regular
    from claimkit.parse import UnreadableError

    path, display = pair
    try:
        data = read_regular(path, job.settings.max_file_size).data
    except UnreadableError:
        # Not content: a permission, a FIFO, a size over the cap. Reported, never cached.
        return lint_file(path, display, job), None
    return lint_bytes(data, display, job), digest(data)


def _read_for_lookup(path: str, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, else None (then it is linted).

    Not ``files.read_regular``: that imports the parser, which a run of cache hits never
    needs. Anything unusual is a miss, and the lint path reports it as it always has.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = os.read(descriptor, info.st_size + 1)
        while len(data) <= info.st_size:  # a short read
            more = os.read(descriptor, info.st_size + 1 - len(data))
            if not more:
                break
            data += more
    except OSError:
        return None
    finally:
        os.close(descriptor)
    # Grown past what fstat said while being read: let the lint path judge it.
    return data if len(data) == info.st_size else None


def lint_cached(
    files: Sequence[tuple[str, str]],
    job: LintJob,
    directory: str,
    lint_misses: Callable[
        [Callable[[tuple[str, str]], tuple[FileResult, str | None]], list[tuple[str, str]]],
        Iterator[tuple[FileResult, str | None]],
    ],
    edits: bool = True,
) -> list[FileResult]:
    """``files``' results in order: from the shard where the bytes are known, else linted.

    ``lint_misses(work, pairs)`` maps ``work`` over the files that missed (the caller's
    parallel map, after whatever it must do before workers fork). Without ``edits`` the
    cached fixes come without their edits (see ``_decode``).
    """
    shard = Shard(directory, job_key(job), edits)
    results: list[FileResult | None] = [None] * len(files)
    missed: list[int] = []
    if shard.exists():
        limit = job.settings.max_file_size
        for position, (path, display) in enumerate(files):
            data = _read_for_lookup(path, limit)
            if data is not None:
                results[position] = shard.get(digest(data), display)
            if results[position] is None:
                missed.append(position)
    else:
        missed = list(range(len(files)))  # a cold shard: no point reading every file twice
    if missed:
        pairs = [files[position] for position in missed]
        computed = lint_misses(lambda pair: _lint_keyed(pair, job), pairs)
        for position, (result, content) in zip(missed, computed, strict=True):
            results[position] = result
            if content is not None:
                shard.put(content, result)
        shard.save()
    done = [result for result in results if result is not None]
    assert len(done) == len(files)
    return done
