"""What a check sees of one document, and what it reports: the rule context.

It sits below the rules, dedupe, ratings and verify, so that each can compute what rules
share (the citation graph, the ratings of the rows, the fetched pages) without importing
the rule registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from claimkit.diagnostics import Fix
from claimkit.graph import CitationGraph, build_graph
from claimkit.model import Claim, Document, Span

if TYPE_CHECKING:
    from claimkit.rule_options import Option, OptionValue
    from claimkit.settings import Settings


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports; the engine adds the rule's code, name, severity and the path."""

    span: Span | None  # None: line 1, column 1
    message: str
    fix: Fix | None = None


T = TypeVar("T")
V = TypeVar("V", bound="OptionValue")


class Context:
    """Everything a check may read. Derived structures are computed once, on first use."""

    def __init__(self, document: Document, settings: Settings) -> None:
        self.document = document
        self.settings = settings
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per document: for results several rules share (ratings)."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    def option(self, option: Option[V]) -> V:
        """The value of a rule's option in this file's configuration, or its default."""
        return self.settings.rule_options.get(option)

    @cached_property
    def graph(self) -> CitationGraph:
        return build_graph(self.document)

    @cached_property
    def rows(self) -> tuple[Claim, ...]:
        """Well-formed rows: a malformed row (CK004) is not checked further."""
        return tuple(claim for claim in self.document.claims if not claim.malformed)

    @cached_property
    def citable_rows(self) -> tuple[Claim, ...]:
        """Well-formed rows whose ID no earlier row has (a repeated ID is CK103's alone)."""
        repeated = {id(claim) for claim in self.graph.repeated_rows}
        return tuple(claim for claim in self.rows if id(claim) not in repeated)
