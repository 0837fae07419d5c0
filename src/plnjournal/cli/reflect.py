"""`pln reflect`: a dated reflection file pre-filled from the journal (PLN Enrichment Framework)."""

from __future__ import annotations

import sys

import typer

from plnjournal.cli import output
from plnjournal.cli.common import NoCommit
from plnjournal.cli.scope import End, Start, read_scope
from plnjournal.cli.state import state


def reflect(
    start: Start = None,
    end: End = None,
    no_commit: NoCommit = False,
) -> None:
    """Write reflections/DATE-enrichment.md: your people, spaces and tools, what supports your
    growth, what is missing, and intentions (its `next:` list) to keep or change.

    Opens in $EDITOR when run on a terminal; prints the file's path.
    """
    from plnjournal.cli.common import finish
    from plnjournal.ops.reflect import write_reflection

    journal = state.journal()
    change = write_reflection(journal, read_scope(journal, start, end))
    if sys.stdin.isatty() and output.is_terminal():
        from plnjournal.ops.edit import open_in_editor

        open_in_editor(str(journal.root / change.created[0]))
    finish(journal, change, commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(reflect)
