"""`pln next`: the intentions still open, oldest first; `pln next --done ID "what I did"` closes one."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import output
from plnjournal.cli.common import FormatOption, NoCommit, TableFormat, finish
from plnjournal.cli.state import state


def next_(
    done: Annotated[
        str | None,
        typer.Option("--done", metavar="ENTRY-ID", help="Record what you did about this entry's intention."),
    ] = None,
    what: Annotated[
        str | None, typer.Argument(metavar="WHAT-I-DID", help="With --done: what changed in practice.")
    ] = None,
    impact: Annotated[
        str | None, typer.Option("--impact", help="With --done: what students did.", show_default=False)
    ] = None,
    fmt: Annotated[TableFormat, FormatOption] = "table",
    no_commit: NoCommit = False,
) -> None:
    """Open intentions (an entry's `next` without `applied`), oldest first, with their age."""
    from plnjournal.errors import UsageError

    if done is None:
        if what is not None or impact is not None:
            raise UsageError("say which entry: pln next --done ENTRY-ID 'what I did'")
        list_open(fmt)
        return
    if what is None:
        raise UsageError(f"say what you did: pln next --done {done} 'what I did'")
    from plnjournal.ops.intentions import mark_done

    journal = state.journal()
    change = mark_done(journal, done, what, impact)
    output.hint(f"recorded what you did about {change.written[0].rsplit('/', 1)[-1].removesuffix('.md')}")
    finish(journal, change, commit=not no_commit)


def list_open(fmt: str) -> None:
    from plnjournal.cli.browse import emit_table, warn_skipped
    from plnjournal.dates import today
    from plnjournal.journal.load import load
    from plnjournal.reports.intentions import intention_rows

    loaded = load(state.journal().root, ("entry", "reflection"))
    warn_skipped(loaded)
    rows = intention_rows(loaded, today())
    if not rows:
        output.hint("no open intentions: every 'next' in this journal has been applied")
    if fmt == "json":
        output.json_data(rows)
    elif fmt == "csv":
        from plnjournal.render import csv

        output.data(
            csv.render(
                list(rows[0]) if rows else ["kind", "entry", "date", "age_days", "next"],
                [list(r.values()) for r in rows],
            )
        )
    elif rows:
        emit_table(
            ("date", "age", "next", "entry"),
            [[r["date"], f"{r['age_days']}d", r["next"], r["entry"]] for r in rows],
        )


def register(app: typer.Typer) -> None:
    app.command("next")(next_)
