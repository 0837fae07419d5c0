"""`pln list KIND`, `pln show ID`, `pln edit ID`: browse the journal and open a record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..model import KIND_OF_PLURAL
from ..render.safe import clean
from . import output
from .common import FormatOption, TableFormat
from .entry_filters import (
    EngagementOption,
    FromOption,
    GoalOption,
    GrowthOption,
    ManyOption,
    SpaceOption,
    ToOption,
    WithOption,
    entry_filters,
)
from .state import state

if TYPE_CHECKING:
    from ..load import Loaded
    from ..model import Record
    from ..store import Journal


def list_records(
    ctx: typer.Context,
    kind: Annotated[
        Literal["people", "spaces", "tools", "goals", "entries", "reflections"],
        typer.Argument(help="What to list.", show_default=False),
    ],
    start: FromOption = None,
    end: ToOption = None,
    space: SpaceOption = None,
    with_: WithOption = None,
    tool: ManyOption = None,
    tag: ManyOption = None,
    growth: GrowthOption = None,
    engagement: EngagementOption = None,
    goal: GoalOption = None,
    fmt: Annotated[TableFormat, FormatOption] = "table",
) -> None:
    """List people, spaces, tools, goals, entries or reflections; filters apply to entries."""
    from ..load import load
    from ..query import select_entries
    from ..refs import Index

    record_kind = KIND_OF_PLURAL[kind]
    journal = state.journal()
    kinds = ("person", "space", "tool", "goal", record_kind)
    loaded = load(journal.root, dict.fromkeys(kinds))
    warn_skipped(loaded)
    index = Index(loaded.records)
    records: list[Record]
    if record_kind == "entry":
        filters = entry_filters(index, ctx.params)
        records = list(select_entries(loaded.entries, filters, index))
    else:
        records = sorted(
            loaded.of(record_kind), key=lambda record: getattr(record, "date", None) or record.id
        )
    emit_records(record_kind, records, fmt)


def emit_records(kind: str, records: list[Record], fmt: str) -> None:
    from ..listing import flat_rows, json_rows, table_rows

    if fmt == "json":
        from ..render import json

        output.data(json.render(json_rows(records)))
    elif fmt == "csv":
        from ..render import csv

        output.data(csv.render(*flat_rows(records)))
    else:
        emit_table(*table_rows(kind, records))


def emit_table(columns: tuple[str, ...], rows: list[list[object]]) -> None:
    from ..render import table

    if output.is_terminal():
        output.console().print(table.render_rich(columns, rows))
    else:
        output.data(table.render_plain(columns, rows))


def show(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="A record's id (or KIND:ID).", show_default=False)
    ],
    fmt: Annotated[Literal["table", "json"], FormatOption] = "table",
) -> None:
    """Show one record: its keys and its notes."""
    from ..listing import json_rows

    journal = state.journal()
    record = find_one(journal, record_id)
    data = json_rows([record], body=True)[0]
    if fmt == "json":
        from ..render import json

        output.data(json.render(data))
        return
    body = data.pop("body")
    rows = [[key, value] for key, value in data.items() if value not in (None, [], {}, "", False)]
    emit_table(("key", "value"), rows)
    if body.strip():
        output.data("\n" + clean(body))


def find_one(journal: Journal, ref: str) -> Record:
    from ..lookup import find_record

    return find_record(journal, ref)


def edit(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", help="A record's id (or KIND:ID).", show_default=False)
    ],
    no_commit: Annotated[bool, typer.Option("--no-commit", help="Do not commit this change.")] = False,
) -> None:
    """Open a record in $EDITOR; the file is checked after you save and never lost."""
    from ..edit import edit_record
    from .common import finish

    journal = state.journal()
    change, problems = edit_record(journal, find_one(journal, record_id))
    for problem in problems:
        output.warn(str(problem))
    if change is not None:
        finish(journal, change, commit=not no_commit)


def warn_skipped(loaded: Loaded) -> None:
    """One line per file left out, pointing at `pln check`."""
    for problem in loaded.skipped:
        output.warn(f"skipped {problem.path}:{problem.line}: {problem.message} (see 'pln check')")


def register(app: typer.Typer) -> None:
    app.command("list")(list_records)
    app.command()(show)
    app.command()(edit)
