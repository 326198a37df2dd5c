"""Run-wide settings that rules read; the CLI and configuration fill them in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimkit.rule_options import RuleOptions

if TYPE_CHECKING:
    from claimkit.verify.model import LinkResult

# CK302: how much of a claim sentence must align with its context (0-100, rapidfuzz's
# partial_ratio over the normalised text without spaces). 90 tolerates a word or two of
# extraction damage in a sentence, not a different sentence.
DEFAULT_CONTEXT_THRESHOLD = 90.0


@dataclass(slots=True)
class Settings:
    # Extra ratings files layered over the shipped database, later ones winning (bias issue).
    ratings_files: tuple[str, ...] = ()
    # Near-duplicate similarity threshold for CK301 and dedupe; None means the engine's default.
    dedupe_threshold: float | None = None
    # lint --online: allow rules that fetch sources over HTTP (CK501, CK502).
    online: bool = False
    # Files larger than this are CK001, not read (configuration: max-file-size).
    max_file_size: int = 32 * 1024 * 1024
    # lint --online: every source page of the run, fetched once before any rule runs, keyed
    # by claimkit.verify.model.page_key(url). CK501/CK502 read it; nothing fetches mid-check.
    pages: dict[str, LinkResult] = field(default_factory=dict)
    # Per-rule options ([tool.claimkit.rules.CODE]); checks read them with ctx.option(...).
    # Frozen and hashable, so the effective configuration of a job can key a cache.
    rule_options: RuleOptions = field(default_factory=RuleOptions)
