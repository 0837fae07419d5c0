"""`pln rename ID NEW` and `pln rm ID`: move or remove a record and keep references right; `rm` says
what goes and asks first (on a terminal; `--yes` skips the question, and no terminal is a refusal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plnjournal.cli import output
from plnjournal.cli.common import NoCommit, RecordId, YesOption, ask_first, finish, shortened
from plnjournal.cli.context import current

if TYPE_CHECKING:
    from plnjournal.ops.rename import Removal


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
    yes: YesOption = False,
    no_commit: NoCommit = False,
) -> None:
    """Remove a record: says what goes and asks first (--yes does not ask); refused while other
    records name it, unless --force."""
    from plnjournal.ops.rename import removal, remove_record

    journal = current().journal()
    plan = removal(journal, record_id, force)
    if not yes:
        confirm_removal(plan)
    change = remove_record(journal, record_id, force, shown=plan)
    output.hint(f"removed {change.removed[0]}")
    if change.written:
        output.hint(f"dropped the reference from {len(change.written)} file(s)")
    if yes:
        for line in plan.dangling:
            output.warn(f"left {line}")
    finish(journal, change, commit=not no_commit)


def confirm_removal(plan: Removal) -> None:
    """Say what goes and ask; no terminal to ask on is a refusal, never a silent removal."""
    lines = [f"this removes {plan.path} ({plan.kind} {plan.name})"]
    lines += shortened([f"  and its reference from {path} ({key})" for path, key in plan.dropped])
    lines += shortened([f"  and leaves {line}" for line in plan.dangling])
    ask_first(lines, "Remove it?", not_done=f"{plan.path} was not removed")


def register(app: typer.Typer) -> None:
    app.command()(rename)
    app.command()(rm)
