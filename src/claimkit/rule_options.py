"""Typed per-rule options: what a rule declares, and the values one configuration gives them.

A rule module declares each option once (``THRESHOLD = Option("CK302", "threshold", float,
90.0, ...)``) and lists it in ``Rule.options``; its check reads ``ctx.option(THRESHOLD)``
and gets a ``float`` back. Values come from ``[tool.claimkit.rules.CK302]`` tables
(``config/rule_options.py``) and travel in ``Settings.rule_options``.

This module sits below the rules and the configuration and imports neither: both import it.
``RuleOptions`` is a frozen tuple of plain values, so it hashes, compares and serialises,
and the effective configuration can key a cache.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

OptionValue = bool | int | float | str
T = TypeVar("T", bound=OptionValue)

_TYPE_WORDS: dict[type, str] = {bool: "true or false", int: "an integer", float: "a number"}
_JSON_TYPES: dict[type, str] = {bool: "boolean", int: "integer", float: "number", str: "string"}


class OptionError(ValueError):
    """A value an option cannot take; the message names the option and what it accepts."""


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One setting of one rule: its name in the configuration, its type, default and bounds."""

    rule: str  # the code of the rule that declares it
    name: str  # as written in the configuration: kebab-case
    type: type[T]
    default: T
    doc: str  # one line: what it changes
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()  # for str options: the accepted values

    def parse(self, value: object) -> T:
        """``value`` as read from TOML, checked; OptionError says why it is refused."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise OptionError(f"{self.name} must be true or false, got {_shown(value)}")
            return cast(T, value)
        if self.type is str:
            if not isinstance(value, str):
                raise OptionError(f"{self.name} must be a string, got {_shown(value)}")
            if self.choices and value not in self.choices:
                raise OptionError(f"{self.name} must be one of {', '.join(self.choices)}")
            return cast(T, value)
        # TOML's booleans are Python ints; a number option never takes one.
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        if not numeric or (self.type is int and not isinstance(value, int)):
            raise OptionError(f"{self.name} must be {self.kind()}, got {_shown(value)}")
        assert isinstance(value, int | float)
        if isinstance(value, float) and not math.isfinite(value):
            raise OptionError(f"{self.name} must be {self.kind()}, got {value}")
        low, high = self.minimum, self.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise OptionError(f"{self.name} must be {self.kind()}, got {value:g}")
        return self.type(value)

    def kind(self) -> str:
        """What the option accepts, for errors and documentation: ``a number 0-100``."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        word = _TYPE_WORDS.get(self.type, "a string")
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"{word} {low:g}-{high:g}"
        if low is not None:
            return f"{word} >= {low:g}"
        if high is not None:
            return f"{word} <= {high:g}"
        return word

    def as_json(self) -> dict[str, Any]:
        return {
            "type": _JSON_TYPES[self.type],
            "default": self.default,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "choices": list(self.choices) or None,
            "description": self.doc,
        }


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Option values set by a configuration or a flag: ``(rule code, name, value)``, sorted.

    Only values that were set are held; an option that is absent reads as its default.
    """

    values: tuple[tuple[str, str, OptionValue], ...] = ()

    def get(self, option: Option[T]) -> T:
        for code, name, value in self.values:
            if code == option.rule and name == option.name:
                return cast(T, value)
        return option.default

    def is_set(self, code: str, name: str) -> bool:
        return any(c == code and n == name for c, n, _ in self.values)

    def with_value(self, code: str, name: str, value: OptionValue) -> RuleOptions:
        """A copy with one value set (replacing any earlier one): flags over configuration."""
        kept = [item for item in self.values if (item[0], item[1]) != (code, name)]
        return RuleOptions(tuple(sorted([*kept, (code, name, value)], key=_by_key)))

    def as_dict(self) -> dict[str, dict[str, OptionValue]]:
        """``{code: {name: value}}``, for JSON."""
        nested: dict[str, dict[str, OptionValue]] = {}
        for code, name, value in self.values:
            nested.setdefault(code, {})[name] = value
        return nested


def _by_key(item: tuple[str, str, OptionValue]) -> tuple[str, str]:
    return item[0], item[1]


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__
