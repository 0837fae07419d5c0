"""A person, space, tool or goal with its history, for `pln show`: the entries that name it, newest
first, with the first and last day it was seen and how many entries and minutes there are.

An entry names a record by its id or its exact name (any case), under the key that refers to its
kind (journal/refs.py): `people` for a person, `space`, `tools`, `goal`. Private entries count:
`pln show` never leaves the machine.
"""

from __future__ import annotations

from typing import Any

from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import ENTRY_REFERENCES, Index, references
from plnjournal.model import Entry, Record
from plnjournal.query import entry_order

KEY_OF_KIND = {kind: key for key, kind in ENTRY_REFERENCES.items()}


def entries_naming(loaded: Loaded, record: Record) -> list[Entry]:
    """The entries that name `record`, newest first."""
    key = KEY_OF_KIND[record.kind]
    index = Index(loaded.records)
    found = [
        entry
        for entry in loaded.entries
        if any(index.canonical(record.kind, ref) == record.id for ref in references(entry, key))
    ]
    return sorted(found, key=entry_order, reverse=True)


def history(loaded: Loaded, record: Record) -> dict[str, Any]:
    """{count, minutes, first_seen, last_seen, entries: [{id, date, title, engagement, minutes}]}."""
    entries = entries_naming(loaded, record)
    return {
        "count": len(entries),
        "minutes": sum(entry.minutes or 0 for entry in entries),
        "first_seen": entries[-1].date.isoformat() if entries else None,
        "last_seen": entries[0].date.isoformat() if entries else None,
        "entries": [
            {
                "id": entry.id,
                "date": entry.date.isoformat(),
                "title": entry.title,
                "engagement": entry.engagement,
                "minutes": entry.minutes,
            }
            for entry in entries
        ],
    }
