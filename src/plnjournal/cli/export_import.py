"""`pln export` and `pln import`: the journal's entries out to other tools, and notes kept
elsewhere (jrnl, a PD-log spreadsheet) in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli.common import NoCommit, deliver
from plnjournal.cli.entry_filters import (
    EngagementOption,
    FromOption,
    GoalOption,
    GrowthOption,
    ManyOption,
    SpaceOption,
    ToolOption,
    ToOption,
    WithOption,
    entry_filters,
)
from plnjournal.cli.privacy import IncludePrivate, say_left_out
from plnjournal.cli.state import state

if TYPE_CHECKING:
    from plnjournal.importing import Row

PROGRESS_FROM = 50  # rows: smaller imports finish before a bar is worth drawing
ExportFormat = Literal["json", "jsonl", "csv", "markdown"]
OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (default: stdout).", show_default=False),
]


def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = "json",
    out: OutOption = None,
    start: FromOption = None,
    end: ToOption = None,
    space: SpaceOption = None,
    with_: WithOption = None,
    tool: ToolOption = None,
    tag: ManyOption = None,
    growth: GrowthOption = None,
    engagement: EngagementOption = None,
    goal: GoalOption = None,
    include_private: IncludePrivate = False,
) -> None:
    """Export entries (people, spaces, tools and goal named, ids kept); private ones stay home."""
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.query import private_left_out, select_entries
    from plnjournal.reports.export import export_data

    journal = state.journal()
    loaded = load(journal.root)
    warn_skipped(loaded)
    index = Index(loaded.records)
    filters = entry_filters(index, ctx.params, include_private=include_private)
    entries = select_entries(loaded.entries, filters, index)
    say_left_out(private_left_out(loaded.entries, filters, index))
    deliver(render_export(export_data(loaded, entries, index, journal.settings.owner), fmt), out)


def render_export(data: dict, fmt: str) -> str:
    if fmt == "json":
        from plnjournal.render import json

        return json.render(data)
    from plnjournal.render.views import export as view

    return getattr(view, fmt)(data)


def import_entries(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to import.", show_default=False)],
    from_: Annotated[
        Literal["jrnl", "csv"],
        typer.Option("--from", help="jrnl: `jrnl --export json`; csv: a PD log with a header row."),
    ],
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", metavar="COLUMN=KEY", help="CSV: read COLUMN as KEY.", show_default=False),
    ] = None,
    add_missing: Annotated[
        bool, typer.Option("--add-missing", help="Create people and spaces the file names that do not exist.")
    ] = False,
    no_commit: NoCommit = False,
) -> None:
    """Import entries from jrnl or a CSV PD log; a file imported twice adds nothing the second time.

    Exit 1 when any row was rejected (the others are imported all the same).
    """
    from plnjournal.cli import output
    from plnjournal.cli.common import finish
    from plnjournal.importing import run_import

    journal = state.journal()
    rows = read_rows(file, from_, map_ or [])
    outcome = run_import(journal, rows, add_missing=add_missing, what=file.name, progress=progress_bar)
    finish(journal, outcome.change, commit=not no_commit)
    output.hint(
        f"{file.name}: {outcome.new} new, {outcome.skipped} skipped (already imported), "
        f"{len(outcome.rejected)} rejected"
    )
    for label, reason in outcome.rejected:
        output.warn(f"{file.name} {label}: {reason}")
    if not add_missing and any(reason.startswith("unknown ") for _, reason in outcome.rejected):
        output.hint("--add-missing creates the people, spaces, tools and goals the file names")
    if outcome.rejected:
        raise typer.Exit(1)


def read_rows(file: Path, kind: str, pairs: list[str]) -> list[Row]:
    from plnjournal.cli import output

    if kind == "jrnl":
        from plnjournal.importing.jrnl import read_jrnl

        return read_jrnl(file)
    from plnjournal.importing.csvlog import parse_mapping, read_csv

    rows, unused = read_csv(file, parse_mapping(pairs))
    if unused:
        output.hint(f"{file.name}: columns not imported: {', '.join(unused)} (see --map)")
    return rows


def progress_bar(rows: Sequence[Row]) -> Iterable[Row]:
    """A progress bar on stderr for a large import on a terminal; the rows as they are otherwise."""
    import sys

    from plnjournal.cli import output

    if len(rows) < PROGRESS_FROM or not output.is_terminal(sys.stderr):
        return iter(rows)
    from rich.progress import track

    return track(rows, description="importing", console=output.console(stderr=True), transient=True)


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_entries)
