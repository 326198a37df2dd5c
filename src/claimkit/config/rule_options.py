"""Read ``[tool.claimkit.rules.CODE]`` tables: each rule's options, checked against its types.

A table may be named by the rule's code or its name (``[rules.claim-not-in-context]``), not
both in one file. Every mistake is a ``file:line`` error: an unknown rule, a rule without
options, an unknown option, a value of the wrong type or out of range.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claimkit.config.model import ConfigError
from claimkit.rule_options import OptionError, OptionValue, RuleOptions

if TYPE_CHECKING:
    from claimkit.settings import Settings

ErrorAt = Callable[[tuple[str, ...], str], ConfigError]
WhereIs = Callable[..., str]


def read(value: Any, error: ErrorAt, where: WhereIs) -> tuple[RuleOptions, dict[str, str]]:
    """The options a ``rules`` table sets, and ``rules.CODE.option`` -> ``file:line``."""
    from claimkit.rules import get as rule_named

    if not isinstance(value, dict):
        raise error(("rules",), "rules must be a table of rule tables ([rules.CK302])")
    found: list[tuple[str, str, OptionValue]] = []
    origins: dict[str, str] = {}
    named_by: dict[str, str] = {}  # rule code -> the table name used for it
    for key, table in value.items():
        keys = ("rules", key)
        try:
            rule = rule_named(key)
        except KeyError:
            raise error(keys, f"rules: unknown rule {key!r}{_hint(key, _rule_keys())}") from None
        if rule.code in named_by:
            raise error(
                keys, f"rules: {rule.code} is set twice, as {named_by[rule.code]!r} and {key!r}"
            )
        named_by[rule.code] = key
        if not isinstance(table, dict):
            raise error(keys, f"rules.{key} must be a table ([rules.{key}] with option = value)")
        if not rule.options and table:
            raise error(keys, f"rules.{key}: {rule.code} has no options")
        by_name = {option.name: option for option in rule.options}
        for name, raw in table.items():
            option = by_name.get(name)
            if option is None:
                known = ", ".join(sorted(by_name))
                raise error(
                    (*keys, name),
                    f"rules.{key}: unknown option {name!r} for {rule.code}"
                    f"{_hint(name, list(by_name))} (options: {known})",
                )
            try:
                parsed = option.parse(raw)
            except OptionError as exc:
                raise error((*keys, name), f"rules.{key}.{exc}") from None
            found.append((rule.code, name, parsed))
            origins[f"rules.{rule.code}.{name}"] = where(*keys, name)
    options = RuleOptions()
    for code, name, parsed in found:
        options = options.with_value(code, name, parsed)
    return options, origins


def dedupe_alias(
    options: RuleOptions, origins: dict[str, str], dedupe_threshold: float | None
) -> tuple[RuleOptions, float | None]:
    """``dedupe.threshold`` (which predates rule tables) and ``rules.CK301.threshold`` are one
    value: either sets both CK301 and the dedupe command. Both in one file is an error, as
    a reader could not tell which one wins."""
    from claimkit.rules.ck301_duplicate_claim import THRESHOLD

    if not options.is_set(THRESHOLD.rule, THRESHOLD.name):
        if dedupe_threshold is None:
            return options, None
        origins["rules.CK301.threshold"] = origins["dedupe.threshold"]
        return options.with_value(
            THRESHOLD.rule, THRESHOLD.name, dedupe_threshold
        ), dedupe_threshold
    if dedupe_threshold is not None:
        path, _, line = origins["rules.CK301.threshold"].rpartition(":")
        raise ConfigError(
            path, int(line), "rules.CK301.threshold is also set by dedupe.threshold; keep one"
        )
    origins["dedupe.threshold"] = origins["rules.CK301.threshold"]
    return options, options.get(THRESHOLD)


def effective(configured: RuleOptions, flags: Settings) -> RuleOptions:
    """The options of one job: the configuration's, with the command line's over them."""
    options = configured
    for code, name, value in flags.rule_options.values:
        options = options.with_value(code, name, value)
    if flags.dedupe_threshold is not None:  # dedupe --threshold, the flag's older spelling
        options = options.with_value("CK301", "threshold", flags.dedupe_threshold)
    return options


def _rule_keys() -> list[str]:
    from claimkit.rules import RULES

    return [rule.code for rule in RULES] + [rule.name for rule in RULES]


def _hint(key: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(key, candidates, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
