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
    """Every open intention in one order (the impact report's): date, then time, then id. Entries'
    `next` without `applied`, and the `next:` list of the newest reflection (a newer reflection
    supersedes an older one's intentions)."""
    keyed: list[tuple[tuple[dt.date, str, str], dict[str, object]]] = [
        (entry_order(e), _row("entry", e, today, e.next)) for e in open_intentions(loaded.entries)
    ]
    reflections = sorted(loaded.of("reflection"), key=lambda r: (r.date, r.id))
    if reflections:
        newest: Reflection = reflections[-1]  # type: ignore[assignment]
        keyed += [
            ((newest.date, "", newest.id), _row("reflection", newest, today, intention))
            for intention in newest.next
        ]
    return [row for _, row in sorted(keyed, key=lambda pair: pair[0])]


def _row(kind: str, record: Entry | Reflection, today: dt.date, intention: str | None) -> dict[str, object]:
    return {
        "kind": kind,
        "entry": record.id,
        "date": record.date.isoformat(),
        "age_days": age_in_days(record, today),
        "next": intention,
    }
