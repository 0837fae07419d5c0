"""What `pln site` shows of each person, space, tool, goal and entry: pure, records in, plain data
out (render/site.py makes the pages).

The caller passes the records it means to publish: `pln site` leaves private entries out before
they get here, so nothing on a page (an entry, a count, a first or last day) comes from one.
A reference is linked when it names a record (by id or exact name, journal/refs.py) and shown as
written otherwise. Everything the journal holds is kept except where it lives on disk (`path`),
and `private`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import ENTRY_REFERENCES, REFERRING_KEYS, Index, references
from plnjournal.journal.schema import as_json
from plnjournal.model import NAMED_KINDS, Entry, Record, display_name
from plnjournal.query import entry_order

HIDDEN_KEYS = frozenset({"id", "path", "name", "private", "title", "date", "growth", "body"})


def build(loaded: Loaded) -> dict[str, Any]:
    """{"records": {kind: [page]}, "entries": [page]}: records by name, entries newest first.

    A record's page: kind, id, name, facts [[key, value]], links {key: [link]}, body, and its
    entries (ids, newest first) with their count, minutes, first and last day. An entry's page:
    id, date, title, facts, links (space, people, tools, goal), growth {dimension: note}, body.
    A link is {kind, id (None when the reference names no record), text}."""
    index = Index(loaded.records)
    entries = sorted(loaded.entries, key=entry_order, reverse=True)
    naming = entries_by_record(entries, index)
    records = {
        kind: [
            record_page(record, index, naming[(kind, record.id)])
            for record in sorted(loaded.of(kind), key=lambda r: (display_name(r).casefold(), r.id))
        ]
        for kind in NAMED_KINDS
    }
    return {"records": records, "entries": [entry_page(entry, index) for entry in entries]}


def entries_by_record(entries: list[Entry], index: Index) -> dict[tuple[str, str], list[Entry]]:
    """(kind, id) -> the entries naming it, in the order given; one pass over the entries."""
    found: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        for key, kind in ENTRY_REFERENCES.items():
            for record_id in dict.fromkeys(index.canonical(kind, ref) for ref in references(entry, key)):
                found[(kind, record_id)].append(entry)
    return found


def record_page(record: Record, index: Index, entries: list[Entry]) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "id": record.id,
        "name": display_name(record),
        "facts": facts(record),
        "links": links(record, index),
        "body": record.body,
        "entries": [entry.id for entry in entries],
        "minutes": sum(entry.minutes or 0 for entry in entries),
        "first_seen": entries[-1].date.isoformat() if entries else None,
        "last_seen": entries[0].date.isoformat() if entries else None,
    }


def entry_page(entry: Entry, index: Index) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title or entry.id,
        "facts": facts(entry),
        "links": links(entry, index),
        "growth": dict(entry.growth),
        "body": entry.body,
    }


def facts(record: Record) -> list[list[Any]]:
    """[key, value] for each key with a value, in the file's key order; references are `links`."""
    referring = REFERRING_KEYS.get(type(record), {})
    return [
        [key, value]
        for key, value in as_json(record).items()
        if key not in HIDDEN_KEYS and key not in referring and value not in (None, "", [], {}, False)
    ]


def links(record: Record, index: Index) -> dict[str, list[dict[str, Any]]]:
    """{key: [{kind, id, text}]} for each key that refers to other records and has a value."""
    found = {}
    for key, kind in REFERRING_KEYS.get(type(record), {}).items():
        refs = references(record, key)
        if refs:
            found[key] = [link(kind, ref, index) for ref in refs]
    return found


def link(kind: str, ref: str, index: Index) -> dict[str, Any]:
    target = index.get(kind, ref)
    if target is None:
        return {"kind": kind, "id": None, "text": ref}
    return {"kind": kind, "id": target.id, "text": display_name(target)}
