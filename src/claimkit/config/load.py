"""Read and validate one configuration file: typos and bad values are errors, never ignored."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from claimkit import lazy_re
from claimkit.bombs import deep_nesting, long_number
from claimkit.config import globs
from claimkit.config.model import Config, ConfigError, VerifyConfig
from claimkit.config.tomlpos import key_line
from claimkit.diagnostics import Severity
from claimkit.rule_options import RuleOptions

# No configuration is this large; a file that is (or /dev/zero) is refused, not read.
MAX_CONFIG_BYTES = 4 * 1024 * 1024
# Config file names, in the order they win within one directory.
FILE_NAMES: tuple[str, ...] = (".claimkit.toml", "claimkit.toml", "pyproject.toml")

KEYS: dict[str, str] = {
    "select": "rules to run: codes, prefixes (CK1) or names; replaces the default set",
    "ignore": "rules to skip",
    "extend-select": "rules to add to the selected set (e.g. CK401)",
    "per-file-ignores": "glob -> rules to skip in matching files (a leading ! negates the glob)",
    "severity": "rule -> error | warning | info, overriding the rule's default",
    "include": "globs of files to lint when walking directories (default *.md, *.markdown)",
    "exclude": "globs of files and directories to skip",
    "fail-on": "lowest severity that makes the exit status 1 (default warning)",
    "ratings": "extra ratings file(s), relative to this file",
    "dedupe": "table: threshold = near-duplicate similarity, 0-100",
    "rules": "a table per rule: [rules.CK302] threshold = 85 (claimkit rule CODE lists options)",
    "cache-dir": "where lint caches its results, relative to this file (default .claimkit_cache)",
    "max-file-size": "largest file read, in bytes or as 16MiB, 512KiB (default 32MiB); CK001 above",
    "verify": "table: claimkit verify's exclude, include, accept, timeout, connect-timeout, "
    "retries, exclude-private",
}
VERIFY_KEYS: dict[str, str] = {
    "exclude": "URL regular expressions not to fetch",
    "include": "URL regular expressions to fetch even when an exclude matches",
    "accept": "HTTP status codes that count as a live link: 403, or ranges 200..=299",
    "timeout": "seconds for a whole request",
    "connect-timeout": "seconds to connect",
    "retries": "retries after connection errors, 429 and 5xx",
    "exclude-private": "also refuse loopback and private addresses",
}
DEDUPE_KEYS = {"threshold"}
_SIZE = lazy_re.compile(r"(\d+)\s*([KMG]i?B?|B)?", re.IGNORECASE)
_UNITS = {"": 1, "b": 1}
for _letter, _power in (("k", 10), ("m", 20), ("g", 30)):
    for _suffix in (_letter, _letter + "b", _letter + "i", _letter + "ib"):
        _UNITS[_suffix] = 1 << _power
_TABLE = lazy_re.compile(r"\s*\[\s*tool\s*\.\s*claimkit\s*[\].]")


def has_table(path: str) -> bool:
    """Whether a ``pyproject.toml`` holds a ``[tool.claimkit]`` table, in any TOML spelling.

    The usual header is recognised without parsing. Otherwise a file that names claimkit at
    all is parsed, so ``[tool] claimkit = {...}`` and dotted ``tool.claimkit.select`` keys
    count, and a file the parser rejects counts too: ``load`` then reports where it broke
    (``[tool.claimkit`` with no ``]`` must be an error, not a silently unused file).
    """
    import tomllib

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return False
    if "claimkit" not in text:
        return False
    if any(_TABLE.match(line) for line in text.splitlines()):
        return True
    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return True
    tool = document.get("tool")
    return isinstance(tool, dict) and "claimkit" in tool


def load(path: str) -> Config:
    import tomllib

    from claimkit.files import read_regular
    from claimkit.parse import UnreadableError

    try:
        # Only a regular file, and not without bound: --config /dev/zero or a FIFO.
        raw = read_regular(path, MAX_CONFIG_BYTES).data
    except UnreadableError as exc:
        raise ConfigError(path, 1, f"cannot read configuration: {exc}") from None
    text = raw.decode("utf-8", errors="replace")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc), text)
        raise ConfigError(path, line, f"invalid TOML: {exc.args[0] if exc.args else exc}") from None
    except ValueError:  # an integer past Python's int-string limit
        line, message = long_number(text)
        raise ConfigError(path, line, f"invalid TOML: {message}") from None
    except RecursionError:
        line, message = deep_nesting(text)
        raise ConfigError(path, line, f"invalid TOML: {message}") from None
    prefix: tuple[str, ...] = ()
    if os.path.basename(path) == "pyproject.toml":
        prefix = ("tool", "claimkit")
        tool = document.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(path, key_line(text, ("tool",)), "tool must be a table")
        table = tool.get("claimkit", {})
    else:
        table = document
    return _Reader(path, text, prefix).read(table)


def from_mapping(table: Mapping[str, Any], root: str | None = None) -> Config:
    """A configuration given as data (the Python API): checked exactly as a file's table.

    Errors name ``<config>`` and line 1; ``root`` is where relative ``ratings`` paths and
    path globs are taken from (default: the working directory).
    """
    reader = _Reader("<config>", "", ())
    reader.root = os.path.abspath(root or os.getcwd())
    return reader.read(dict(table))


def _line_from_message(message: str, text: str) -> int:
    found = re.search(r"line (\d+)", message)
    if found:
        return int(found.group(1))
    if "end of document" in message:
        return max(1, len(text.splitlines()))
    return 1


class _Reader:
    def __init__(self, path: str, text: str, prefix: tuple[str, ...]) -> None:
        self.path = path
        self.text = text
        self.prefix = prefix
        self.root = os.path.dirname(os.path.abspath(path))
        self.origins: dict[str, str] = {}

    def error(self, keys: tuple[str, ...], message: str) -> ConfigError:
        return ConfigError(self.path, key_line(self.text, self.prefix + keys), message)

    def where(self, *keys: str) -> str:
        return f"{self.path}:{key_line(self.text, self.prefix + keys)}"

    def read(self, table: Any) -> Config:
        if not isinstance(table, dict):
            raise self.error((), "[tool.claimkit] must be a table")
        for key in table:
            if key not in KEYS:
                raise self.error((key,), f"unknown configuration key {key!r}{_hint(key)}")
        values: dict[str, Any] = {}
        for key in table:
            self.origins[key] = self.where(key)
        if "select" in table:
            values["select"] = self.selectors(("select",), table["select"])
        for key in ("ignore", "extend-select"):
            if key in table:
                values[key.replace("-", "_")] = self.selectors((key,), table[key])
        if "per-file-ignores" in table:
            values["per_file_ignores"] = self.per_file_ignores(table["per-file-ignores"])
        if "severity" in table:
            values["severity"] = self.severity(table["severity"])
        for key in ("include", "exclude"):
            if key in table:
                values[key] = self.globs((key,), table[key])
        if "fail-on" in table:
            values["fail_on"] = self.level(("fail-on",), table["fail-on"])
        if "ratings" in table:
            values["ratings"] = self.ratings(table["ratings"])
        if "dedupe" in table:
            values["dedupe_threshold"] = self.dedupe(table["dedupe"])
        if "verify" in table:
            values["verify"] = self.verify(table["verify"])
        if "max-file-size" in table:
            values["max_file_size"] = self.size(("max-file-size",), table["max-file-size"])
        if "cache-dir" in table:
            value = table["cache-dir"]
            if not isinstance(value, str) or not value:
                raise self.error(("cache-dir",), "cache-dir must be a path (a string)")
            values["cache_dir"] = os.path.join(self.root, os.path.expanduser(value))
        self.rules(table, values)
        return Config(path=self.path, root=self.root, origins=self.origins, **values)

    def rules(self, table: dict[str, Any], values: dict[str, Any]) -> None:
        if "rules" not in table and values.get("dedupe_threshold") is None:
            return  # nothing to read: the rule registry stays unimported here
        from claimkit.config import rule_options

        options = RuleOptions()
        if "rules" in table:
            options, origins = rule_options.read(table["rules"], self.error, self.where)
            self.origins.update(origins)
        options, values["dedupe_threshold"] = rule_options.dedupe_alias(
            options, self.origins, values.get("dedupe_threshold")
        )
        values["rule_options"] = options

    def strings(self, keys: tuple[str, ...], value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(keys, f"{'.'.join(keys)} must be a list of strings")
        return tuple(value)

    def selectors(self, keys: tuple[str, ...], value: Any) -> tuple[str, ...]:
        from claimkit.selection import SelectionError, expand

        items = self.strings(keys, value)
        try:
            expand(items)
        except SelectionError as exc:
            raise self.error(keys, f"{'.'.join(keys)}: {exc}") from None
        return items

    def per_file_ignores(self, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(value, dict):
            raise self.error(("per-file-ignores",), "per-file-ignores must be a table")
        pairs = []
        for pattern, selectors in value.items():
            keys = ("per-file-ignores", pattern)
            problem = globs.check(pattern)
            if problem:
                raise self.error(keys, problem)
            pairs.append((pattern, self.selectors(keys, selectors)))
        return tuple(pairs)

    def severity(self, value: Any) -> tuple[tuple[str, Severity], ...]:
        from claimkit.rules import did_you_mean, get

        if not isinstance(value, dict):
            raise self.error(("severity",), "severity must be a table of rule = level")
        pairs = []
        for key, level in value.items():
            keys = ("severity", key)
            try:
                rule = get(key)
            except KeyError:
                hint = did_you_mean(key)
                raise self.error(keys, f"severity: unknown rule {key!r}{hint}") from None
            pairs.append((rule.code, self.level(keys, level)))
        return tuple(pairs)

    def level(self, keys: tuple[str, ...], value: Any) -> Severity:
        if not isinstance(value, str):
            raise self.error(keys, f"{'.'.join(keys)} must be error, warning or info")
        try:
            return Severity.parse(value)
        except ValueError as exc:
            raise self.error(keys, f"{'.'.join(keys)}: {exc}") from None

    def globs(self, keys: tuple[str, ...], value: Any) -> tuple[str, ...]:
        patterns = self.strings(keys, value)
        for pattern in patterns:
            problem = globs.check(pattern)
            if problem:
                raise self.error(keys, problem)
        return patterns

    def ratings(self, value: Any) -> tuple[str, ...]:
        files = []
        for item in self.strings(("ratings",), value):
            path = os.path.join(self.root, os.path.expanduser(item))
            if not os.path.isfile(path):
                raise self.error(("ratings",), f"ratings file not found: {item}")
            files.append(os.path.normpath(path))
        return tuple(files)

    def size(self, keys: tuple[str, ...], value: Any) -> int:
        problem = f"{'.'.join(keys)} must be a size in bytes, or a number with KiB, MiB or GiB"
        if isinstance(value, str):
            found = _SIZE.fullmatch(value.strip())
            if found is None or len(found[1]) > 12:
                raise self.error(keys, problem)
            value = int(found[1]) * _UNITS[(found[2] or "").lower()]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.error(keys, problem)
        return value

    def verify(self, value: Any) -> VerifyConfig:
        import difflib

        from claimkit.verify.options import check_patterns, parse_accept

        if not isinstance(value, dict):
            raise self.error(("verify",), "verify must be a table ([verify] accept = [403])")
        for key in value:
            if key not in VERIFY_KEYS:
                close = difflib.get_close_matches(key, list(VERIFY_KEYS), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(("verify", key), f"unknown configuration key 'verify.{key}'{hint}")
            self.origins[f"verify.{key}"] = self.where("verify", key)
        found: dict[str, Any] = {}
        for key in ("exclude", "include"):
            if key in value:
                patterns = self.strings(("verify", key), value[key])
                problem = check_patterns(patterns)
                if problem:
                    raise self.error(("verify", key), f"verify.{key}: {problem}")
                found[key] = patterns
        if "accept" in value:
            raw = value["accept"]
            items = raw if isinstance(raw, list) else [raw]
            try:
                found["accept"] = parse_accept(items)
            except ValueError as exc:
                raise self.error(("verify", "accept"), f"verify.accept: {exc}") from None
        for key, field, low in (
            ("timeout", "timeout", 0.01),
            ("connect-timeout", "connect_timeout", 0.01),
        ):
            if key in value:
                number = value[key]
                if isinstance(number, bool) or not isinstance(number, int | float) or number < low:
                    raise self.error(
                        ("verify", key), f"verify.{key} must be a number of seconds > 0"
                    )
                found[field] = float(number)
        if "retries" in value:
            retries = value["retries"]
            if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
                raise self.error(("verify", "retries"), "verify.retries must be an integer >= 0")
            found["retries"] = retries
        if "exclude-private" in value:
            if not isinstance(value["exclude-private"], bool):
                raise self.error(
                    ("verify", "exclude-private"), "verify.exclude-private must be true or false"
                )
            found["exclude_private"] = value["exclude-private"]
        return VerifyConfig(**found)

    def dedupe(self, value: Any) -> float | None:
        if not isinstance(value, dict):
            raise self.error(("dedupe",), "dedupe must be a table (dedupe.threshold = 92)")
        for key in value:
            if key not in DEDUPE_KEYS:
                raise self.error(("dedupe", key), f"unknown configuration key 'dedupe.{key}'")
        if "threshold" not in value:
            return None
        threshold = value["threshold"]
        self.origins["dedupe.threshold"] = self.where("dedupe", "threshold")
        if (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0 <= threshold <= 100
        ):
            raise self.error(("dedupe", "threshold"), "dedupe.threshold must be a number 0-100")
        return float(threshold)


def _hint(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(KEYS), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
