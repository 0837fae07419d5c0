"""What `pln list` and `pln show` print for each kind: columns for tables, full data for JSON."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from plnjournal.journal.schema import as_json
from plnjournal.model import Record

COLUMNS: dict[str, tuple[str, ...]] = {
    "person": ("id", "name", "roles", "subjects", "organization", "location", "provides"),
    "space": ("id", "name", "kind", "mode", "platform"),
    "tool": ("id", "name", "kind", "category"),
    "goal": ("id", "name", "status", "started"),
    "entry": ("date", "title", "space", "people", "engagement", "minutes", "growth"),
    "reflection": ("date", "id", "title"),
}


def table_rows(kind: str, records: Sequence[Record]) -> tuple[tuple[str, ...], list[list[Any]]]:
    """Columns and rows of a listing; growth shows its dimensions only."""
    columns = COLUMNS[kind]
    rows = []
    for record in records:
        data = as_json(record)
        if "growth" in data:
            data["growth"] = list(data["growth"])
        rows.append([data.get(column) for column in columns])
    return columns, rows


def json_rows(records: Sequence[Record], *, body: bool = False) -> list[dict[str, Any]]:
    rows = []
    for record in records:
        data = as_json(record)
        if body:
            data["body"] = record.body
        rows.append(data)
    return rows


CHUNK = 1000  # records made into JSON data at a time by `json_chunks`


def json_chunks(records: Sequence[Record]) -> Iterator[list[dict[str, Any]]]:
    """`json_rows(records)` a thousand at a time, for a listing written as it is made."""
    for start in range(0, len(records), CHUNK):
        yield json_rows(records[start : start + CHUNK])


def flat_rows(records: Sequence[Record]) -> tuple[list[str], list[list[Any]]]:
    """Every key of every record as columns (for CSV), in first-seen order."""
    data = json_rows(records)
    columns = list(dict.fromkeys(key for row in data for key in row))
    return columns, [[row.get(column) for column in columns] for row in data]
