"""`pln rename ID NEW` and `pln rm ID`: move or remove a record and keep references right."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import output
from plnjournal.cli.common import NoCommit, RecordId, finish
from plnjournal.cli.context import current


def rename(
    record_id: RecordId,
    new_id: Annotated[str, typer.Argument(metavar="NEW", help="Its new id.", show_default=False)],
    name: Annotated[
        str | None, typer.Option(help="Also change its name (or an entry's title).", show_default=False)
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """Rename a record's file and every reference to it."""
    from plnjournal.ops.rename import rename_record

    journal = current().journal()
    change = rename_record(journal, record_id, new_id, name)
    output.hint(
        f"renamed {record_id} -> {new_id}; {len(change.written) - 1} file(s) that refer to it updated"
    )
    finish(journal, change, commit=not no_commit)


def rm(
    record_id: RecordId,
    force: Annotated[
        bool, typer.Option("--force", help="Remove it even if entries name it, and drop those references.")
    ] = False,
    no_commit: NoCommit = False,
) -> None:
    """Remove a record; refused while other records name it, unless --force."""
    from plnjournal.ops.rename import remove_record

    journal = current().journal()
    change = remove_record(journal, record_id, force)
    output.hint(f"removed {change.removed[0]}")
    if change.written:
        output.hint(f"dropped the reference from {len(change.written)} file(s)")
    finish(journal, change, commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(rename)
    app.command()(rm)
