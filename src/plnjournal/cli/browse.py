"""`pln list KIND`, `pln show ID`, `pln edit ID`: browse the journal and open a record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import (
    FormatOption,
    NoCommit,
    NoInput,
    RecordId,
    TableFormat,
    emit,
    emit_table,
    warn_skipped,
)
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import filter_options
from plnjournal.model import KIND_OF_PLURAL
from plnjournal.query import FilterOptions
from plnjournal.text import clean

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal
    from plnjournal.journal.walk import Walk
    from plnjournal.model import Record


@filter_options()
def list_records(
    filters: FilterOptions,
    kind: Annotated[
        Literal["people", "spaces", "tools", "goals", "entries", "reflections", "tags"],
        typer.Argument(help="What to list.", show_default=False),
    ],
    fmt: Annotated[TableFormat, FormatOption] = "table",
) -> None:
    """List people, spaces, tools, goals, entries or reflections; filters apply to entries."""
    import dataclasses
    from functools import partial

    from plnjournal.cli.kept import kept_output
    from plnjournal.dates import today

    journal = current().journal()
    if kind == "tags":
        list_tags(journal, fmt)
        return
    listing = partial(list_kind, journal, KIND_OF_PLURAL[kind], filters, fmt)
    if fmt == "json" and journal.use_cache:  # JSON on stdout is kept in the index: cli/kept.py
        asked = (f"list {kind}", dataclasses.astuple(filters), output.is_terminal(), today().isoformat())
        kept_output(journal.root, asked, lambda walked, seen: listing(walked))
    else:
        listing()


def list_kind(
    journal: Journal, record_kind: str, filters: FilterOptions, fmt: str, walked: Walk | None = None
) -> None:
    """The records of one kind, in listing order; entries as the filters choose them (`walked`:
    the journal's files, when the caller walked it already)."""
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.query import read_filters, select_entries

    kinds = ("person", "space", "tool", "goal", record_kind)
    loaded = load(journal, dict.fromkeys(kinds), walked=walked)
    warn_skipped(loaded)
    index = Index(loaded.records)
    records: list[Record]
    if record_kind == "entry":
        chosen = read_filters(filters, index, settings=journal.settings)
        records = list(select_entries(loaded.entries, chosen, index))
    else:
        records = sorted(loaded.of(record_kind), key=listing_order)
    emit_records(record_kind, records, fmt)


def list_tags(journal: Journal, fmt: str) -> None:
    """Every tag with its count, its case and spelling variants side by side."""
    from plnjournal.journal.load import load
    from plnjournal.reports.tags import build

    loaded = load(journal)
    warn_skipped(loaded)
    rows = build(record for records in loaded.records.values() for record in records)
    variants = [", ".join(f"{v['tag']} ({v['count']})" for v in row["variants"]) for row in rows]
    table = [[row["tag"], row["count"], shown] for row, shown in zip(rows, variants, strict=True)]
    emit(fmt, ("tag", "count", "variants"), table, json=rows)


def listing_order(record: Record) -> tuple[str, str]:
    """Reflections by date, then id (`-2` after the first of a day); named records by id."""
    date = getattr(record, "date", None)
    return (date.isoformat() if date else "", record.id)


def emit_records(kind: str, records: list[Record], fmt: str) -> None:
    from plnjournal.reports.listing import flat_rows, json_chunks, table_rows

    if fmt == "json":  # each shape is built only when asked for: it walks every record
        output.json_list(json_chunks(records))
        return
    emit(fmt, *(flat_rows(records) if fmt == "csv" else table_rows(kind, records)))


def show(
    record_id: RecordId,
    fmt: Annotated[Literal["table", "json"], FormatOption] = "table",
) -> None:
    """Show one record: its keys and its notes; for a person, space, tool or goal, also the entries
    that name it, newest first, with the first and last day seen."""
    from plnjournal.model import NAMED_KINDS
    from plnjournal.reports.listing import json_rows

    journal = current().journal()
    record = find_one(journal, record_id)
    data = json_rows([record], body=True)[0]
    if record.kind in NAMED_KINDS:
        data["history"] = record_history(journal, record)
    if fmt == "json":
        output.json_data(data)
        return
    body = data.pop("body")
    seen = data.pop("history", None)
    rows = [[key, value] for key, value in data.items() if value not in (None, [], {}, "", False)]
    emit_table(("key", "value"), rows)
    if body.strip():
        output.data("\n" + clean(body))
    if seen is not None:
        show_history(seen)


def record_history(journal: Journal, record: Record) -> dict:
    from plnjournal.journal.load import load
    from plnjournal.reports.history import history

    loaded = load(journal)
    warn_skipped(loaded)
    return history(loaded, record)


def show_history(seen: dict) -> None:
    from plnjournal.render.views.history import summary

    output.data("\n" + summary(seen) + "\n")
    if seen["entries"]:
        emit_table(
            ("date", "title", "engagement", "minutes", "id"),
            [[e["date"], e["title"], e["engagement"], e["minutes"], e["id"]] for e in seen["entries"]],
        )


def find_one(journal: Journal, ref: str) -> Record:
    from plnjournal.journal.lookup import find_record

    return find_record(journal, ref)


def edit(
    record_id: RecordId,
    no_commit: NoCommit = False,
    no_input: Annotated[bool, NoInput] = False,
) -> None:
    """Open a record in $EDITOR, even one that does not read; checked after you save, never lost.

    If it no longer reads, pln says where and (on a terminal) offers to reopen the editor; a file
    kept that way is saved as written but not committed, and pln exits with status 1."""
    from plnjournal.cli.common import finish
    from plnjournal.cli.prompts import ask_edit_again, interactive
    from plnjournal.errors import PlnError
    from plnjournal.journal.lookup import find_file
    from plnjournal.ops.edit import AT_ONCE_HINT, edit_file, has_errors

    journal = current().journal()
    edit_again = ask_edit_again if interactive(no_input) else (lambda problems: False)
    edited = edit_file(journal, find_file(journal, record_id), edit_again)
    for problem in edited.problems:
        output.warn(str(problem))
    if edited.change is None:
        output.hint(f"the editor closed without changing {edited.path}; nothing to save ({AT_ONCE_HINT})")
        return
    if not edited.reads:
        raise PlnError(
            f"{edited.path} was kept as written but does not read, so pln did not commit it; "
            f"fix it with 'pln edit {record_id}'"
        )
    finish(journal, edited.change, commit=not no_commit)
    if has_errors(edited.problems):
        fix = f"fix it with 'pln edit {record_id}'"
        raise PlnError(f"{edited.path} was saved as written but has errors; {fix}")


def register(app: typer.Typer) -> None:
    app.command("list")(list_records)
    app.command()(show)
    app.command()(edit)
