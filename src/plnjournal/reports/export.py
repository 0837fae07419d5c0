"""Entries leaving the journal (`pln export`): each entry with its space, people, tools and goal
resolved to names, ids kept (`space: {id, name}`), so the data reads without the journal beside it.

Pure: records in, plain data out. Which entries (range, filters, private or not) is the caller's
`query.Filters`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import ENTRY_REFERENCES, Index
from plnjournal.journal.schema import as_json
from plnjournal.model import Entry, Record, display_name, record_keys

COLLECTIONS: dict[str, str] = {
    "people": "person",
    "spaces": "space",
    "tools": "tool",
    "goals": "goal",
    "reflections": "reflection",
}


def named(index: Index, kind: str, ref: str) -> dict[str, str]:
    """`{id, name}` of a reference; a reference to nothing keeps what was written as its name."""
    record = index.get(kind, ref)
    if record is None:
        return {"id": ref, "name": ref}
    return {"id": record.id, "name": display_name(record)}


def entry_data(entry: Entry, index: Index) -> dict[str, Any]:
    """One entry as JSON-ready data with its references named and its body."""
    data = as_json(entry)
    for key, kind in ENTRY_REFERENCES.items():
        value = getattr(entry, key)
        if isinstance(value, tuple):
            data[key] = [named(index, kind, ref) for ref in value]
        else:
            data[key] = named(index, kind, value) if value else None
    data["body"] = entry.body
    return _with_unusable(data, entry)


def record_data(record: Record) -> dict[str, Any]:
    return _with_unusable({**as_json(record), "body": record.body}, record)


def _with_unusable(data: dict[str, Any], record: Record) -> dict[str, Any]:
    """`unusable`: the values of pln's own keys that it could not read (`minutes: lots`), as the
    file has them, so an import brings them back (the key itself holds what pln reads: null)."""
    known = set(record_keys(type(record)))
    unusable = {key: value for key, value in record.extra.items() if key in known}
    return {**data, "unusable": unusable} if unusable else data


def export_data(loaded: Loaded, entries: Sequence[Entry], index: Index, owner: str | None) -> dict[str, Any]:
    """The whole export: owner, the chosen entries, and every person, space, tool, goal and
    reflection (so `pln import --from pln` brings the journal back whole)."""
    data: dict[str, Any] = {"owner": owner, "entries": [entry_data(entry, index) for entry in entries]}
    for collection, kind in COLLECTIONS.items():
        data[collection] = [record_data(record) for record in sorted(loaded.of(kind), key=_by_id)]
    return data


def _by_id(record: Record) -> str:
    return record.id
