"""`pln next --done`: an intention closed, its `applied` (and `impact`) recorded in the entry."""

from __future__ import annotations

import dataclasses

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_in
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save
from plnjournal.model import Entry


def mark_done(journal: Journal, entry_id: str, applied: str, impact: str | None = None) -> Change:
    """Write `applied` (and `impact`) into the entry; refused when it has no intention or
    already has what would be written, so nothing the user wrote is replaced."""
    if not applied.strip():
        raise PlnError("say what you did: pln next --done ENTRY-ID 'what I did'")
    with locked(journal):
        entry = _find_entry(load(journal.root, ("entry",)), entry_id)
        _check_can_record(entry, impact)
        extra = {key: value for key, value in entry.extra.items() if key not in ("applied", "impact")}
        updated = dataclasses.replace(
            entry, applied=applied.strip(), impact=impact.strip() if impact else entry.impact, extra=extra
        )
        save(journal, updated)
    return Change(f"next done: {entry.id}", written=(entry.path,))


def _check_can_record(entry: Entry, impact: str | None) -> None:
    if not entry.next:
        raise PlnError(f"{entry.id} has no intention ('next:') to mark done")
    if entry.applied or "applied" in entry.extra:
        raise PlnError(f"{entry.id} is already applied; change it with 'pln edit {entry.id}'")
    if impact and (entry.impact or "impact" in entry.extra):
        raise PlnError(f"{entry.id} already records an impact; change it with 'pln edit {entry.id}'")


def _find_entry(loaded: Loaded, entry_ref: str) -> Entry:
    """The entry `entry_ref` names (id, title, prefix); else why not, with close matches."""
    return find_in(loaded, entry_ref, ("entry",))  # type: ignore[return-value]
