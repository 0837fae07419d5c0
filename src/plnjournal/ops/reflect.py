"""`pln reflect`: the reflection file written, pre-filled from the journal."""

from __future__ import annotations

from plnjournal.change import Change
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save_new
from plnjournal.reports import Scope
from plnjournal.reports.reflection import enrichment


def write_reflection(journal: Journal, scope: Scope) -> Change:
    """A new `reflections/DATE-enrichment.md` (`-2`, `-3`... when that day already has one)."""
    path = save_new(journal, enrichment(scope))
    relative = journal.relative(path)
    return Change(f"reflect {path.stem}", written=(relative,), created=(relative,))
