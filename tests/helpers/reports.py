"""Helpers for the report tests: entries written by hand and a report's JSON (through the CLI),
or literal records and the Scope they make (`dated`, `scope_of`: a report as a pure function)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plnjournal.journal.load import Loaded
from plnjournal.journal.settings import Settings
from plnjournal.model import FOLDERS, Entry, Record
from plnjournal.query import Filters
from plnjournal.reports import Scope, make_scope
from tests.helpers import Run, write


def entry(journal: Path, entry_id: str, front_matter: str, body: str = "") -> Path:
    """entries/YYYY/ENTRY-ID.md with this front-matter, as a user would write it."""
    return write(journal / "entries" / entry_id[:4] / f"{entry_id}.md", f"---\n{front_matter}---\n{body}")


def report_json(pln: Run, name: str, *args: str) -> dict:
    result = pln("report", f"--{name}", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def dated(day: str, slug: str = "entry", **keys: Any) -> Entry:
    """An entry as a literal record: `dated("2025-09-01", "chat", minutes=30)` is the entry
    entries/2025/2025-09-01-chat.md would load as (id, path and date from the day and slug)."""
    entry_id = f"{day}-{slug}"
    date = dt.date.fromisoformat(day)
    return Entry(id=entry_id, path=f"entries/{day[:4]}/{entry_id}.md", date=date, **{"title": slug, **keys})


def scope_of(
    *records: Record,
    today: dt.date,
    by: str = "month",
    settings: Settings | None = None,
    added: Mapping[str, dt.date] | None = None,
    **filters: Any,
) -> Scope:
    """The Scope a report covers in a journal holding exactly these records, without files or the
    CLI: `filters` are those of `query.Filters` (start=, end=, space=, include_private=...).
    Records come in the order `load` gives them (path order), whatever order they are given in."""
    chosen = Filters(**filters)
    return make_scope(
        loaded_of(*records), chosen, by=by, settings=settings or Settings(), today=today, added=added
    )


def loaded_of(*records: Record) -> Loaded:
    """What `load` would find in a journal holding exactly these records: each kind in path order."""
    grouped: dict[str, list[Record]] = {kind: [] for kind in FOLDERS}
    for record in records:
        grouped[record.kind].append(record)
    return Loaded({kind: tuple(sorted(found, key=_path_order)) for kind, found in grouped.items()})


def _path_order(record: Record) -> str:
    return (record.path or f"{record.kind}/{record.id}.md").replace("/", "\0")
