"""`pln merge KEEP DROP`: one person, space, tool or goal recorded twice becomes one."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import complete, output
from plnjournal.cli.common import NoCommit, finish
from plnjournal.cli.context import current

Named = Annotated[
    str, typer.Argument(show_default=False, autocompletion=complete.ids_of("person", "space", "tool", "goal"))
]


def merge(keep: Named, drop: Named, no_commit: NoCommit = False) -> None:
    """Merge DROP into KEEP: references to DROP name KEEP, DROP's keys fill KEEP's missing ones,
    lists are joined, DROP's notes follow KEEP's, and DROP's file goes. One commit."""
    from plnjournal.ops.merge import merge_records

    journal = current().journal()
    merged = merge_records(journal, keep, drop)
    for message in merged.warnings:
        output.warn(message)
    removed = merged.change.removed[0]
    output.hint(
        f"merged {removed} into {merged.record.path}; {merged.referrers} file(s) that named it updated"
    )
    finish(journal, merged.change, commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(merge)
