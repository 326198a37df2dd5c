"""The rule registry: every rule claimkit has, in one place, in code order."""

from __future__ import annotations

from claimkit.rules import (
    ck001_unreadable_file,
    ck002_missing_claims_table,
    ck003_missing_summary_level,
    ck004_malformed_claim_row,
    ck005_missing_title,
    ck101_dangling_citation,
    ck102_uncited_claim,
    ck103_duplicate_claim_id,
    ck104_non_sequential_claim_ids,
    ck105_citation_label_mismatch,
    ck106_malformed_citation,
    ck201_invalid_source_url,
    ck202_unrated_source,
    ck203_bias_label_mismatch,
    ck204_unknown_bias_label,
    ck205_missing_source_date,
    ck301_duplicate_claim,
    ck302_claim_not_in_context,
    ck303_empty_claim,
    ck401_one_sided_sources,
    ck501_dead_source_link,
    ck502_quote_not_in_source,
    ck601_unsupported_number,
    ck901_unused_suppression,
    ck902_invalid_suppression,
)
from claimkit.rules.base import Rule

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            ck001_unreadable_file.RULE,
            ck002_missing_claims_table.RULE,
            ck003_missing_summary_level.RULE,
            ck004_malformed_claim_row.RULE,
            ck005_missing_title.RULE,
            ck101_dangling_citation.RULE,
            ck102_uncited_claim.RULE,
            ck103_duplicate_claim_id.RULE,
            ck104_non_sequential_claim_ids.RULE,
            ck105_citation_label_mismatch.RULE,
            ck106_malformed_citation.RULE,
            ck201_invalid_source_url.RULE,
            ck202_unrated_source.RULE,
            ck203_bias_label_mismatch.RULE,
            ck204_unknown_bias_label.RULE,
            ck205_missing_source_date.RULE,
            ck301_duplicate_claim.RULE,
            ck302_claim_not_in_context.RULE,
            ck303_empty_claim.RULE,
            ck401_one_sided_sources.RULE,
            ck601_unsupported_number.RULE,
            ck901_unused_suppression.RULE,
            ck902_invalid_suppression.RULE,
            ck501_dead_source_link.RULE,
            ck502_quote_not_in_source.RULE,
        ),
        key=lambda rule: rule.code,
    )
)

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def get(key: str) -> Rule:
    """A rule by code (``CK101``) or name (``dangling-citation``); KeyError when unknown."""
    rule = BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())
    if rule is None:
        raise KeyError(key)
    return rule


def did_you_mean(key: str) -> str:
    """`` (did you mean 'CK101'?)`` for a near miss of a code or a name, else ``""``."""
    import difflib

    if key[:2].upper() == "CK":
        # Codes are short: only a one-character slip (CK1O1) is a near miss, not CK999.
        close = difflib.get_close_matches(key.upper(), list(BY_CODE), n=1, cutoff=0.8)
    else:
        close = difflib.get_close_matches(key.lower(), list(BY_NAME), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
