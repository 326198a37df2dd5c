"""What a rule is: metadata, documentation and a check over the parsed document."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from claimkit.context import Context, Finding
from claimkit.diagnostics import Severity
from claimkit.rule_options import Option

# Rule modules take Context and Finding from here, with Rule: one import line per rule.
__all__ = ["Check", "Context", "Finding", "FixAvailability", "Option", "Rule"]


class FixAvailability(enum.Enum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str  # one line: what it finds
    rationale: str  # one paragraph: why it matters
    check: Check | None  # None for findings the engine itself makes (CK001)
    bad: str = ""  # a short example that triggers the rule
    good: str = ""  # the same example, fixed
    fix: FixAvailability = FixAvailability.NONE
    fix_note: str = ""  # what the fix does and how safe it is
    enabled_by_default: bool = True
    # Typed settings, each read in the check with ctx.option(...); see claimkit.rule_options.
    options: tuple[Option[Any], ...] = ()

    @property
    def fixable(self) -> bool:
        return self.fix is not FixAvailability.NONE
