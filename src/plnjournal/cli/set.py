"""`pln set ID KEY=VALUE...`: change any field of a record without an editor."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import output
from plnjournal.cli.common import NoCommit, RecordId, finish
from plnjournal.cli.context import current


def set_(
    record_id: RecordId,
    assignments: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="KEY=VALUE...",
            help="minutes=60, engagement=led, tags+=grading, people-=tom-lee, growth.social=NOTE, "
            "date=yesterday; commas separate several values.",
            show_default=False,
        ),
    ] = None,
    unset: Annotated[
        list[str] | None,
        typer.Option("--unset", metavar="KEY", help="Remove this key; repeatable.", show_default=False),
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """Change fields of a record, checked like `pln log`; a new date moves an entry's file.

    A key pln does not know is kept as written. Everything is written, or nothing; one commit."""
    from plnjournal.ops import set as setting

    requests = [setting.parse_assignment(text) for text in assignments or ()]
    requests += [setting.unset(key) for key in unset or ()]
    journal = current().journal()
    outcome = setting.set_fields(journal, record_id, requests)
    for message in outcome.warnings:
        output.warn(message)
    change = outcome.change
    if not change.paths:
        output.hint(f"{outcome.record.id} already has those values; nothing changed")
        return
    if change.removed:
        output.hint(f"moved {change.removed[0]} -> {change.written[0]}")
    output.hint(f"set {change.message.partition(': ')[2]} on {outcome.record.path}")
    finish(journal, change, commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command("set")(set_)
