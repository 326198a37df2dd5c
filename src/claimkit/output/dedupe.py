"""Render a dedupe report: a table per file, then the cross-file clusters; or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from claimkit.dedupe.report import Cluster, FileReport, Member

_BOLD, _DIM, _YELLOW, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[33m", "\x1b[0m"


def _short(sentence: str, width: int = 70) -> str:
    return sentence if len(sentence) <= width else sentence[: width - 1] + "\u2026"


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def render_text(files: Sequence[FileReport], cross: Sequence[Cluster], color: bool) -> str:
    bold, dim, warn, reset = (_BOLD, _DIM, _YELLOW, _RESET) if color else ("", "", "", "")
    out: list[str] = []
    for report in files:
        if not report.clusters:
            continue
        out.append(f"{bold}{report.path}{reset}")
        rows = [["line", "claim", "duplicates", "kind", "score", "rule"]]
        for cluster in report.clusters:
            for later in cluster.duplicates:
                rows.append([
                    str(later.member.line), str(later.member.id),
                    f"claim {cluster.kept.id} (line {cluster.kept.line})",
                    later.match.kind.value, f"{later.match.score:.1f}", later.match.rule.value,
                ])  # fmt: skip
        table = _table(rows)
        out.append(f"{dim}{table[0]}{reset}")
        out.extend(table[1:])
        for removed in report.removed:
            out.append(
                f"  {warn}removed{reset} claim {removed.member.id} (line {removed.member.line}, "
                f"now cites claim {report.mapping.get(removed.member.id or '', removed.kept_id)}): "
                f'"{_short(removed.member.sentence)}" {removed.url or "(no source URL)"}'
            )
        if report.removed:
            pairs = ", ".join(f"{old}\u2192{new}" for old, new in report.mapping.items())
            out.append(f"  {dim}IDs:{reset} {pairs}")
        out.append("")
    if cross:
        out.append(f"{bold}Across files{reset}")
        for number, cluster in enumerate(cross, 1):
            out.append(
                f"  cluster {number}: {cluster.kind.value}, score {cluster.score:.1f}: "
                f'"{_short(cluster.kept.sentence, 60)}"'
            )
            out.append(f"    {_where(cluster.kept)} (first)")
            for later in cluster.duplicates:
                out.append(f"    {_where(later.member)} ({later.match.reason})")
        out.append("")
    return "\n".join(out)


def render_check(files: Sequence[FileReport], cross: Sequence[Cluster]) -> str:
    """``--check``: one ``path:line:col:`` line per duplicate, so an editor can jump to it.

    Nothing was written, so the wording is what a fix *would* do.
    """
    out: list[str] = []
    for report in files:
        removed = {r.member.line for r in report.removed}
        for cluster in report.clusters:
            for later in cluster.duplicates:
                row = later.member
                action = "; a fix would remove it" if row.line in removed else ""
                out.append(
                    f"{row.path}:{row.line}:1: claim {row.id} duplicates claim {cluster.kept.id}"
                    f" (line {cluster.kept.line}), {later.match.kind.value}"
                    f" {later.match.score:.1f}{action}"
                )
    for cluster in cross:
        first = cluster.kept
        for later in cluster.duplicates:
            row = later.member
            out.append(
                f"{row.path}:{row.line}:1: claim {row.id} duplicates claim {first.id} of"
                f" {first.path}:{first.line} ({later.match.reason})"
            )
    return "".join(line + "\n" for line in out)


def _where(member: Member) -> str:
    return f"{member.path}:{member.line} claim {member.id}"


def _cluster_json(cluster: Cluster) -> dict[str, object]:
    return {
        "kept": {"id": cluster.kept.id, "line": cluster.kept.line},
        "duplicates": [
            {
                "id": d.member.id,
                "line": d.member.line,
                "score": d.match.score,
                "kind": d.match.kind.value,
                "rule": d.match.rule.value,
                "reason": d.match.reason,
            }
            for d in cluster.duplicates
        ],
    }


def _member_json(member: Member) -> dict[str, object]:
    return {"path": member.path, "line": member.line, "id": member.id}


def render_json(files: Sequence[FileReport], cross: Sequence[Cluster]) -> str:
    data = {
        "files": [
            {
                "path": report.path,
                "clusters": [_cluster_json(c) for c in report.clusters],
                "removed": [
                    {
                        "id": r.member.id,
                        "line": r.member.line,
                        "sentence": r.member.sentence,
                        "url": r.url,
                        "kept": r.kept_id,
                    }
                    for r in report.removed
                ],
                "mapping": report.mapping,
                "held_back": report.held_back,
                "uncited": report.uncited,
                "not_merged": report.refused,  # why the guard held the whole fix back
                "changed": report.changed,
            }
            for report in files
        ],
        "cross_file": [
            {
                "members": [_member_json(c.kept)] + [_member_json(d.member) for d in c.duplicates],
                "score": c.score,
                "kind": c.kind.value,
                "reasons": [d.match.reason for d in c.duplicates],
            }
            for c in cross
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
