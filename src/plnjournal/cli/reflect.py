"""`pln reflect`: a dated reflection file pre-filled from the journal (PLN Enrichment Framework)."""

from __future__ import annotations

import sys

import typer

from plnjournal.cli import output
from plnjournal.cli.common import NoCommit
from plnjournal.cli.entry_filters import RANGE, filter_options
from plnjournal.cli.state import state
from plnjournal.query import FilterOptions


@filter_options(*RANGE)
def reflect(
    filters: FilterOptions,
    no_commit: NoCommit = False,
) -> None:
    """Write reflections/DATE-enrichment.md: your people, spaces and tools, what supports your
    growth, what is missing, and intentions (its `next:` list) to keep or change.

    Opens in $EDITOR when run on a terminal; prints the file's path.
    """
    from plnjournal.cli.common import finish
    from plnjournal.cli.scope import load_scope
    from plnjournal.ops.reflect import write_reflection

    journal = state.journal()
    change = write_reflection(journal, load_scope(journal, filters))
    if sys.stdin.isatty() and output.is_terminal():
        from plnjournal.ops.edit import open_in_editor

        open_in_editor(str(journal.root / change.created[0]))
    finish(journal, change, commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(reflect)
