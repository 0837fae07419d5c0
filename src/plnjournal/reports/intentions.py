"""Intentions: an entry's `next` stays open until its `applied` records what changed in practice.

`open_intentions` lists them (the impact report and `pln next` share it); `mark_done` records the
outcome in that one entry's front-matter, one atomic write under the journal lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from plnjournal.journal.load import Loaded
from plnjournal.model import Entry, Reflection
from plnjournal.query import entry_order


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
