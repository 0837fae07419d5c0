"""`pln next`: the intentions still open, oldest first and numbered; `--done N "what I did"` and
`--drop N "why"` close one (N, its handle, or a unique prefix of the handle)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from plnjournal.cli import complete, output
from plnjournal.cli.common import (
    FormatOption,
    NoCommit,
    TableFormat,
    completed,
    emit,
    emit_table,
    finish,
    warn_skipped,
)
from plnjournal.cli.context import current

COLUMNS = ("#", "date", "age", "next", "handle")

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal


def _intention(flag: str, help: str) -> Any:
    """`--done N|ID` and `--drop N|ID`: an open intention by its number or handle, completed."""
    return completed(flag, help=help, metavar="N|ID", completion=complete.open_intentions)


def next_(
    done: Annotated[
        str | None,
        _intention(
            "--done", "Record what you did about this intention (its number, its handle, or the start of it)."
        ),
    ] = None,
    drop: Annotated[
        str | None, _intention("--drop", "Let this intention go, saying why; it leaves the list.")
    ] = None,
    note: Annotated[
        str | None,
        typer.Argument(
            metavar="WHAT-I-DID|WHY", help="With --done: what changed in practice; with --drop: why."
        ),
    ] = None,
    impact: Annotated[
        str | None, typer.Option("--impact", help="With --done: what students did.", show_default=False)
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="With --done: the day you did it (default today; 'yesterday' works).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[TableFormat, FormatOption] = "table",
    no_commit: NoCommit = False,
) -> None:
    """Open intentions (an entry's `next` neither applied nor dropped, and the newest reflection's),
    oldest first, numbered for --done and --drop."""
    from plnjournal.errors import UsageError

    if done is not None and drop is not None:
        raise UsageError("--done and --drop close an intention two ways: choose one")
    typed = done if done is not None else drop
    if typed is None:
        if note is not None or impact is not None or date is not None:
            raise UsageError("say which intention: pln next --done N 'what I did' (N from 'pln next')")
        list_open(fmt)
        return
    if note is None:
        said, option, example = (
            ("what you did", "done", "what I did") if drop is None else ("why", "drop", "why")
        )
        raise UsageError(f"say {said}: pln next --{option} {typed} '{example}'")
    if drop is not None and (impact is not None or date is not None):
        raise UsageError("--impact and --date go with --done, not --drop")
    close(typed, note, impact, date, dropping=drop is not None, commit=not no_commit)


def close(
    typed: str, note: str, impact: str | None, date: str | None, *, dropping: bool, commit: bool
) -> None:
    from plnjournal.dates import parse_date, today
    from plnjournal.ops.intentions import mark_done, mark_dropped

    journal = current().journal()
    if dropping:
        change = mark_dropped(journal, typed, note, today=today())
        output.hint(f"dropped {change.message.removeprefix('next dropped: ')}: it leaves 'pln next'")
    else:
        on = parse_date(date) if date else today()
        change = mark_done(journal, typed, note, impact, on=on, today=today())
        output.hint(f"recorded what you did about {change.message.removeprefix('next done: ')}")
    finish(journal, change, commit=commit)


def list_open(fmt: str) -> None:
    from plnjournal.dates import today
    from plnjournal.journal.earlier import load_summing_up, open_intention
    from plnjournal.reports.intentions import intention_rows

    journal = current().journal()
    # the open intentions as entries' heads, the others summed up for keep in touch (earlier.py)
    loaded = load_summing_up(journal, open_intention, ("entry", "reflection", "person"))
    warn_skipped(loaded)
    rows = intention_rows(loaded, today())
    if not rows:
        output.hint("no open intentions: every 'next' in this journal has been applied or dropped")
    flat_columns = list(rows[0]) if rows else ["n", "kind", "entry", "date", "age_days", "next", "handle"]
    flat = (flat_columns, [list(r.values()) for r in rows])
    table = [[r["n"], r["date"], f"{r['age_days']}d", r["next"], r["handle"]] for r in rows]
    if rows or fmt != "table":  # an empty table says nothing the hint did not
        emit(fmt, COLUMNS, table, json=rows, flat=flat)
    if fmt == "table":
        show_keep_in_touch(journal, loaded)


def show_keep_in_touch(journal: Journal, loaded: Loaded) -> None:
    """Below the intentions on a table: the people due for a word (pln status and the network
    report list them too; JSON stays the list of intentions)."""
    from plnjournal.dates import today
    from plnjournal.journal.refs import Index
    from plnjournal.reports.keep_in_touch import cadence_warnings, keep_in_touch

    for message in cadence_warnings(loaded):
        output.warn(message)
    due = keep_in_touch(loaded, Index(loaded.records), journal.settings, today())
    if due:
        output.line("\nKeep in touch")
        emit_table(
            ("name", "cadence", "last contact", "state", "id"),
            [[r["name"], r["cadence"], r["last_contact"] or "never", r["state"], r["id"]] for r in due],
        )


def register(app: typer.Typer) -> None:
    app.command("next")(next_)
