"""Verify results as JSON or as a table per document. Pure functions of the results."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.verify.model import LinkResult, Match, domain, mask_credentials
from claimkit.verify.run import ClaimResult


def _match(value: Match) -> dict[str, Any]:
    return {"match": value.kind.value, "score": value.score}


def link_json(link: LinkResult) -> dict[str, Any]:
    return {
        "url": mask_credentials(link.url),
        "status": link.status.value,
        "http_status": link.http_status,
        "final_url": mask_credentials(link.final_url) if link.final_url else None,
        "error": link.error,
        "content_type": link.content_type,
        "cached": link.from_cache,
    }


def claim_json(result: ClaimResult) -> dict[str, Any]:
    ref = result.ref
    return {
        "path": ref.path,
        "id": ref.id,
        "line": ref.line,
        "url": mask_credentials(ref.url) if ref.url else None,
        "link_status": result.link_status.value,
        "sentence": _match(result.sentence),
        "context": _match(result.context),
    }


def render_json(links: Mapping[str, LinkResult], claims: Sequence[ClaimResult]) -> str:
    # One object per line: readable and diffable, and the C encoder does the work
    # (json.dumps with indent= falls back to the pure-Python one, 10x slower).
    def array(items: list[dict[str, Any]]) -> str:
        if not items:
            return "[]"
        rows = ",\n    ".join(json.dumps(item, ensure_ascii=False) for item in items)
        return f"[\n    {rows}\n  ]"

    links_part = array([link_json(link) for link in links.values()])
    claims_part = array([claim_json(result) for result in claims])
    return f'{{\n  "links": {links_part},\n  "claims": {claims_part}\n}}\n'


_STYLE = {
    "ok": "green",
    "redirected": "yellow",
    "found": "green",
    "partly-found": "yellow",
    "not-found": "red",
    "unchecked": "dim",
    "not-html": "yellow",
    "too-large": "yellow",
}


def _styled(word: str) -> str:
    return f"[{_STYLE.get(word, 'red')}]{word}[/]"


def _score(value: Match) -> str:
    return "" if value.score is None else f"{value.score:.0f}"


def render_text(
    links: Mapping[str, LinkResult],
    claims: Sequence[ClaimResult],
    color: bool,
    width: int = 100,
) -> str:
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    from rich.markup import escape

    by_path: dict[str, list[ClaimResult]] = {}
    for result in claims:
        by_path.setdefault(result.ref.path, []).append(result)
    for path, rows in by_path.items():
        # The path on a line of its own: a table title would wrap to the table's width.
        console.print(escape(path), style="bold", soft_wrap=True)
        table = Table(show_edge=False, pad_edge=False)
        for name, justify in (
            ("Claim", "right"),
            ("Domain", "left"),
            ("Status", "left"),
            ("Sentence", "left"),
            ("Score", "right"),
            ("Context", "left"),
            ("Score", "right"),
        ):
            table.add_column(name, justify=justify)  # type: ignore[arg-type]
        for result in rows:
            table.add_row(
                escape(result.ref.id or "?"),
                escape(domain(result.ref.url)) if result.ref.url else "(no valid URL)",
                _styled(result.link_status.value),
                _styled(result.sentence.kind.value),
                _score(result.sentence),
                _styled(result.context.kind.value),
                _score(result.context),
            )
        console.print(table)
        console.print()
    problems = [link for link in links.values() if link.status.value != "ok"]
    for link in problems:
        detail = link.error or ""
        if link.final_url:
            detail = f"-> {mask_credentials(link.final_url)}" + (f" ({detail})" if detail else "")
        console.print(
            f"{_styled(link.status.value)} {escape(mask_credentials(link.url))}"
            + (f": {escape(detail)}" if detail else ""),
            soft_wrap=True,  # one line per link, whole URLs: grep and copy them
        )
    return out.getvalue()
