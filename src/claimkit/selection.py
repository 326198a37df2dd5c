"""Which rules run: --select / --ignore by code, code prefix (CK1) or name."""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.rules import RULES, did_you_mean
from claimkit.rules.base import Rule


class SelectionError(ValueError):
    """A selector that names no rule."""


def expand(selectors: Iterable[str]) -> set[str]:
    """Rule codes named by the selectors; ``ALL`` is every rule."""
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        upper = selector.upper()
        if upper == "ALL":
            matched = {rule.code for rule in RULES}
        else:
            matched = {
                rule.code
                for rule in RULES
                if rule.code.startswith(upper) or rule.name == selector.lower()
            }
        if not matched:
            raise SelectionError(f"unknown rule selector {selector!r}{did_you_mean(selector)}")
        codes |= matched
    return codes


def split_list(values: Iterable[str] | None) -> list[str]:
    """``["CK1,CK2", "CK3"]`` -> ``["CK1", "CK2", "CK3"]``: flags may repeat or hold commas."""
    return [item for value in values or () for item in value.split(",") if item.strip()]


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    extend_select: Iterable[str] | None = None,
) -> tuple[Rule, ...]:
    """The rules to run. Without ``select``, every rule that is on by default."""
    chosen = expand(select) if select else {rule.code for rule in RULES if rule.enabled_by_default}
    chosen |= expand(extend_select or ())
    chosen -= expand(ignore or ())
    return tuple(rule for rule in RULES if rule.code in chosen)
