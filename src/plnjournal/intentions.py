"""Intentions: an entry's `next` stays open until its `applied` records what changed in practice.

`open_intentions` lists them (the impact report and `pln next` share it); `mark_done` records the
outcome in that one entry's front-matter, one atomic write under the journal lock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Iterable
from pathlib import PurePosixPath

from .change import Change
from .errors import PlnError
from .load import Loaded, load
from .model import Entry, Reflection
from .query import entry_order
from .refs import unknown_message
from .store import Journal, locked
from .writer import save


def open_intentions(entries: Iterable[Entry]) -> list[Entry]:
    """Entries with a `next` and no `applied`, oldest first."""
    return sorted((entry for entry in entries if entry.is_open_intention), key=entry_order)


def age_in_days(entry: Entry | Reflection, today: dt.date) -> int:
    return (today - entry.date).days


def intention_rows(loaded: Loaded, today: dt.date) -> list[dict[str, object]]:
    """Every open intention, oldest first: entries' `next` without `applied`, and the `next:`
    list of the newest reflection (a newer reflection supersedes an older one's intentions)."""
    rows = [
        {
            "kind": "entry",
            "entry": e.id,
            "date": e.date.isoformat(),
            "age_days": age_in_days(e, today),
            "next": e.next,
        }
        for e in open_intentions(loaded.entries)
    ]
    reflections = sorted(loaded.of("reflection"), key=lambda r: (r.date, r.id))
    if reflections:
        newest: Reflection = reflections[-1]  # type: ignore[assignment]
        rows += [
            {
                "kind": "reflection",
                "entry": newest.id,
                "date": newest.date.isoformat(),
                "age_days": age_in_days(newest, today),
                "next": intention,
            }
            for intention in newest.next
        ]
    return sorted(rows, key=lambda row: (row["date"], row["entry"]))


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


def _find_entry(loaded: Loaded, entry_id: str) -> Entry:
    """The entry with this id; else why not: a file pln cannot read, or close matches."""
    for entry in loaded.entries:
        if entry.id == entry_id:
            return entry
    for problem in loaded.skipped:
        if PurePosixPath(problem.path).stem == entry_id:
            raise PlnError(f"{problem} (see 'pln check')")
    ids = [entry.id for entry in loaded.entries]
    raise PlnError(
        unknown_message("entry", entry_id, difflib.get_close_matches(entry_id, ids, n=3, cutoff=0.8))
    )
