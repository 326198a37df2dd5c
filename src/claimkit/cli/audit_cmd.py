"""``claimkit audit PATH... --html DIR``: the corpus as a static site to look at and drill into."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from claimkit.cli.common import ExitCode, fail, note
from claimkit.cli.options import (
    ConfigFile,
    ExtendSelect,
    FailOnOption,
    ForceExclude,
    Ignore,
    Isolated,
    Jobs,
    RatingsFiles,
    Select,
)


def audit(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="Files or directories (searched for *.md).", show_default=False
        ),
    ],
    html: Annotated[
        str | None,
        typer.Option(
            "--html",
            metavar="DIR",
            help="Write the site here: DIR/index.html and one page per document.",
            show_default=False,
        ),
    ] = None,
    select: Select = None,
    ignore: Ignore = None,
    extend_select: ExtendSelect = None,
    fail_on: FailOnOption = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No notes on stderr.")] = False,
    ratings: RatingsFiles = None,
    jobs: Jobs = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    force_exclude: ForceExclude = False,
) -> None:
    """A static site of the corpus: an index to sort and filter, a page per document."""
    from claimkit.audit import adapter
    from claimkit.audit.site import build
    from claimkit.audit.write import SiteError
    from claimkit.config import ConfigError
    from claimkit.diagnostics import Severity
    from claimkit.ratings import RatingsError
    from claimkit.run.workspace import WorkspaceError
    from claimkit.selection import split_list

    if html is None:
        fail("audit writes a site: give --html DIR")
    if "-" in paths:
        fail("audit reads files, not standard input")
    try:
        files = adapter.plan(
            paths,
            select=split_list(select),
            ignore=split_list(ignore),
            extend_select=split_list(extend_select),
            fail_on=Severity.parse(fail_on.value) if fail_on is not None else None,
            ratings=tuple(ratings or ()),
            config_file=config,
            isolated=isolated,
            force_exclude=force_exclude,
        )
        built = build(files, html, jobs)
    except (ConfigError, WorkspaceError, RatingsError, SiteError) as exc:
        fail(str(exc))
    if not quiet:
        for directory in files.empty_dirs:
            note(f"no markdown files found in {directory}")
        documents = "document" if built.documents == 1 else "documents"
        note(
            f"Wrote {html.rstrip('/')}/index.html: {built.documents} {documents}, "
            f"{built.pages} pages, {built.clusters} cross-document duplicate clusters."
        )
    sys.stderr.flush()
    if built.failing:
        raise typer.Exit(ExitCode.FINDINGS)
