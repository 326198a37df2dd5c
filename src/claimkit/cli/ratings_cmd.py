"""``claimkit ratings``: look up, list and import source ratings."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note
from claimkit.cli.options import RatingsFiles

if TYPE_CHECKING:
    from claimkit.ratings.lookup import Database
    from claimkit.ratings.schema import Entry

ABOUT = """\
claimkit ratings database
  {entries} entries ({raters}), as of {as_of}; file: {path}

Source: AllSides Media Bias Ratings, https://www.allsides.com/media-bias/ratings
  Ratings by AllSides.com, used under AllSides' terms for non-commercial use with
  attribution: keep this credit when you share reports built from them. For any
  commercial use, license the data from AllSides.

Media Bias/Fact Check (MBFC) data is not shipped: MBFC permits fair use only. If you
hold the rights, convert its JSON feed with `claimkit ratings import FILE` and layer it
with `--ratings FILE`; its factual-reporting grades then show in bias reports.

Look-up: longest path prefix on the host, then the whole host, then parent domains
(edition.cnn.com -> cnn.com). See docs/ratings.md for the policy on shared hosts.
"""


class Output(StrEnum):
    text = "text"
    json = "json"


class Source(StrEnum):
    auto = "auto"
    allsides_csv = "allsides-csv"
    allsides_json = "allsides-json"
    mbfc_json = "mbfc-json"


app = typer.Typer(
    help="Look up, list and import source ratings.",
    no_args_is_help=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _database(ratings: list[str] | None) -> Database:
    from claimkit.ratings import RatingsError
    from claimkit.ratings.access import database_for

    try:
        return database_for(tuple(ratings or ()))
    except RatingsError as exc:
        fail(str(exc))


def _entry_json(entry: Entry) -> dict[str, object]:
    from claimkit.ratings.schema import as_yaml_data

    return {**as_yaml_data(entry), "origin": entry.origin}


@app.callback(invoke_without_command=True)
def ratings(
    ctx: typer.Context,
    about: Annotated[
        bool, typer.Option("--about", help="Where the ratings come from, and their terms.")
    ] = False,
) -> None:
    """Look up, list and import source ratings."""
    if ctx.invoked_subcommand is not None:
        return
    if not about:
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit(ExitCode.USAGE)
    from claimkit.ratings.load import shipped_path

    db = _database(None)
    raters = sorted({e.rated_by or "unknown" for e in db.entries})
    dates = sorted({e.as_of for e in db.entries if e.as_of})
    sys.stdout.write(
        ABOUT.format(
            entries=len(db),
            raters=", ".join(raters),
            as_of=", ".join(dates) or "unknown",
            path=shipped_path(),
        )
    )


@app.command("lookup")
def lookup(
    source: Annotated[str, typer.Argument(metavar="URL_OR_DOMAIN", help="A source URL or domain.")],
    ratings: RatingsFiles = None,
    output_format: Annotated[
        Output, typer.Option("--format", "--output-format", help="Output format.")
    ] = Output.text,
) -> None:
    """Show the entry a source URL matches, and why. Exit 1 when it is unrated."""
    from claimkit.ratings.lookup import split_source

    db = _database(ratings)
    host, path = split_source(source)
    if not host:
        fail(f"cannot read a host from {source!r}")
    match = db.lookup(source)
    registered = db.registered(source)
    if output_format is Output.json:
        import json

        data: dict[str, object] = {
            "query": source,
            "host": host,
            "path": path,
            "registered_domain": registered,
            "rated": match is not None,
        }
        if match is not None:
            data |= {
                "labels": list(match.labels),
                "ambiguous": match.ambiguous,
                "matched": match.matched_host + match.matched_path,
                "reason": match.reason(),
                "entries": [_entry_json(e) for e in match.entries],
            }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif match is None:
        sys.stdout.write(
            f"{source}: unrated (registered domain {registered} is not in the database)\n"
        )
    else:
        verdict = " or ".join(match.labels) + (" (ambiguous)" if match.ambiguous else "")
        lines = [f"{source}: {verdict}", f"  matched: {match.reason()}"]
        for entry in match.entries:
            lines.append(
                f"  {entry.name}: {entry.bias}"
                + (f", {entry.source_type}" if entry.source_type else "")
                + (f", factual reporting {entry.factual}" if entry.factual else "")
                + f"; rated by {entry.rated_by or 'unknown'}"
                + (f" ({entry.as_of})" if entry.as_of else "")
                + (f" {entry.rating_url}" if entry.rating_url else "")
                + f" [{entry.origin}]"
            )
        sys.stdout.write("\n".join(lines) + "\n")
    if match is None:
        raise typer.Exit(ExitCode.FINDINGS)


@app.command("list")
def list_entries(
    bias: Annotated[
        str | None, typer.Option("--bias", metavar="LABEL", help="Only entries with this label.")
    ] = None,
    ratings: RatingsFiles = None,
    output_format: Annotated[
        Output, typer.Option("--format", "--output-format", help="Output format.")
    ] = Output.text,
) -> None:
    """List the entries of the database (with your files layered over it)."""
    from claimkit.ratings.schema import ENTRY_LABELS

    if bias is not None:
        wanted = {label.lower(): label for label in ENTRY_LABELS}.get(bias.strip().lower())
        if wanted is None:
            fail(f"unknown label {bias!r} for --bias (use {', '.join(ENTRY_LABELS)})")
        bias = wanted
    db = _database(ratings)
    entries = [e for e in db.entries if bias is None or e.bias == bias]
    if output_format is Output.json:
        import json

        data = [_entry_json(e) for e in entries]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    for entry in entries:
        sites = ", ".join(d + p for d in entry.domains for p in (entry.paths or ("",)))
        sys.stdout.write(f"{entry.bias:<10}  {entry.name}  ({sites})\n")


@app.command("import")
def import_file(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="An AllSides CSV/JSON export or an MBFC JSON feed."),
    ],
    source_format: Annotated[
        Source, typer.Option("--from", help="The export's format (default: detect).")
    ] = Source.auto,
    output: Annotated[
        str | None,
        typer.Option(
            "--output-file", "-o", "--output", metavar="FILE", help="Write the YAML here."
        ),
    ] = None,
    as_of: Annotated[
        str, typer.Option("--as-of", metavar="DATE", help="Date of the export (YYYY[-MM[-DD]]).")
    ] = "",
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="List skipped rows.")] = False,
) -> None:
    """Convert a ratings export into claimkit's YAML schema (for --ratings)."""
    import re

    from claimkit.ratings import RatingsError
    from claimkit.ratings.importers import ConvertError, convert, dump
    from claimkit.ratings.load import parse_text

    if as_of and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", as_of):
        fail(f"--as-of {as_of!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    from claimkit.files import read_regular
    from claimkit.parse import UnreadableError
    from claimkit.ratings.load import MAX_RATINGS_BYTES

    try:
        text = read_regular(file, MAX_RATINGS_BYTES).data.decode("utf-8-sig")
    except UnreadableError as exc:
        if str(exc) == "no such file":
            fail(f"path does not exist: {file}")
        fail(f"{file}: cannot read ({exc})")
    except UnicodeDecodeError as exc:
        fail(f"{file}: cannot read ({exc})")
    try:
        result = convert(text, source_format.value, as_of)
    except ConvertError as exc:
        fail(f"{file}: {exc}")
    if not result.entries:
        fail(f"{file}: no usable ratings found")
    yaml_text = dump(result.entries, f"Imported by claimkit ratings import from {file}.")
    try:
        parse_text(yaml_text, output or "<output>")  # what we write must load back
    except RatingsError as exc:
        fail(f"converted data does not validate: {exc}")
    from claimkit.cli.common import write_report

    write_report(yaml_text, output)
    for name, why in result.skipped if verbose else ():
        note(f"skipped {name}: {why}")
    note(f"imported {len(result.entries)} entries, skipped {len(result.skipped)}")
