"""Records -> files: the stable text of a record, and saving it through the atomic writer."""

from __future__ import annotations

from pathlib import Path

from plnjournal.journal.atomic import refuse_link, write_over, write_unique
from plnjournal.journal.fileformat import join
from plnjournal.journal.schema import front_matter
from plnjournal.journal.settings import Journal
from plnjournal.model import Entry, Record


def record_text(record: Record) -> str:
    """The file text of a record: same record, same bytes; the body exactly as it is."""
    return join(front_matter(record), record.body, record.newline, record.bom)


def folder_for(journal: Journal, record: Record) -> Path:
    if isinstance(record, Entry):
        return journal.folder("entry") / f"{record.date.year:04d}"
    return journal.folder(record.kind)


def save_new(journal: Journal, record: Record) -> Path:
    """Write a new record under its id, or the first free `id-2`, `id-3`...; returns the path."""
    return write_unique(folder_for(journal, record), record.id, record_text(record))


def save(journal: Journal, record: Record) -> bool:
    """Rewrite an existing record's file; False when its bytes would not change."""
    refuse_link(journal.root / record.path, record.path)
    return write_over(journal.root / record.path, record_text(record))
