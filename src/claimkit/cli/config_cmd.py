"""``claimkit config show``: the configuration in force for a path, and where each value is from."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimkit.cli.common import fail, write_report
from claimkit.cli.options import OutputFile

if TYPE_CHECKING:
    from claimkit.config.model import VerifyConfig
    from claimkit.rule_options import RuleOptions

config_app = typer.Typer(
    help="Inspect claimkit's configuration.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


@config_app.command("show")
def show(
    path: Annotated[
        str,
        typer.Argument(
            metavar="PATH", help="A file or directory (default: the current directory)."
        ),
    ] = ".",
    config: Annotated[
        str | None, typer.Option("--config", help="Use this configuration file.")
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every configuration file.")
    ] = False,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "--output-format", help="Output format.")
    ] = ShowFormat.text,
) -> None:
    """Print the effective configuration for PATH and where each value came from."""
    import os

    from claimkit.config import ConfigError, Resolver
    from claimkit.plan import DEFAULT_FAIL_ON, Flags, Planner

    if not os.path.exists(path):
        fail(f"path does not exist: {path}")
    try:
        resolver = Resolver(config, isolated)
        found = resolver.for_path(path)
        planner = Planner(resolver, Flags())
        job = planner.job(path) if os.path.isfile(path) else planner.job(os.path.join(path, "x.md"))
    except ConfigError as exc:
        fail(str(exc))
    values: list[tuple[str, Any]] = [
        ("select", list(found.select) if found.select is not None else None),
        ("ignore", list(found.ignore)),
        ("extend-select", list(found.extend_select)),
        ("per-file-ignores", {glob: list(codes) for glob, codes in found.per_file_ignores}),
        ("severity", {code: level.label for code, level in found.severity}),
        ("include", list(found.include)),
        ("exclude", list(found.exclude)),
        ("fail-on", (found.fail_on or DEFAULT_FAIL_ON).label),
        ("ratings", list(found.ratings)),
        ("dedupe.threshold", found.dedupe_threshold),
        ("max-file-size", job.settings.max_file_size),
        *_rule_options(job.settings.rule_options),
        *_verify(found.verify, found.origins),
    ]
    rules = [rule.code for rule in job.rules]
    source = found.path or ("--isolated" if isolated else "none found; built-in defaults")
    if output_format is ShowFormat.json:
        data = {
            "path": path,
            "config_file": found.path,
            "values": {
                key: {"value": value, "from": found.origins.get(key, "default")}
                for key, value in values
            },
            "rules": rules,
        }
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    lines = [f"# effective configuration for {path}", f"# configuration file: {source}"]
    width = 0
    rendered = []
    for key, value in values:
        shown = (
            "(default: all rules on by default)"
            if key == "select" and value is None
            else ("(default: the dedupe command's own)" if value is None else _toml(value))
        )
        rendered.append((f"{key} = {shown}", found.origins.get(key, "default")))
        width = max(width, len(rendered[-1][0]))
    lines += [f"{text:<{width}}  # {origin}" for text, origin in rendered]
    lines.append(f"# rules that run here: {', '.join(rules) if rules else '(none)'}")
    sys.stdout.write("\n".join(lines) + "\n")


def _rule_options(values: RuleOptions) -> list[tuple[str, Any]]:
    """Every option of every rule, as in force here: ``rules.CK302.threshold``."""
    from claimkit.rules import RULES

    return [
        (f"rules.{rule.code}.{option.name}", values.get(option))
        for rule in RULES
        for option in rule.options
    ]


def _verify(settings: VerifyConfig, origins: dict[str, str]) -> list[tuple[str, Any]]:
    """``[verify]`` keys, only those the file sets (no table: the output is as before)."""
    values: dict[str, Any] = {
        "exclude": list(settings.exclude),
        "include": list(settings.include),
        "accept": _ranges(settings.accept),
        "timeout": settings.timeout,
        "connect-timeout": settings.connect_timeout,
        "retries": settings.retries,
        "exclude-private": settings.exclude_private,
    }
    return [(f"verify.{key}", value) for key, value in values.items() if f"verify.{key}" in origins]


def _ranges(codes: frozenset[int]) -> list[str]:
    """{200, ..., 299, 403} -> ["200..=299", "403"], as they are written."""
    spans: list[tuple[int, int]] = []
    for code in sorted(codes):
        if spans and spans[-1][1] == code - 1:
            spans[-1] = (spans[-1][0], code)
        else:
            spans.append((code, code))
    return [str(low) if low == high else f"{low}..={high}" for low, high in spans]


def _toml(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


@config_app.command("schema")
def schema_command(
    output_file: OutputFile = None,
) -> None:
    """Print the JSON schema of the configuration (docs/config.schema.json)."""
    from claimkit.config.schema import render

    write_report(render(), output_file)
