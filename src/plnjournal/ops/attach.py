"""`pln attach ENTRY FILE`: a copy of FILE in `evidence/`, listed in the entry's `evidence`.

The copy gets a fresh name (`YYYY-MM-DD-<entry>-<file>.<ext>`, `-2`... when taken; an existing file
is never overwritten) and the entry is rewritten once, atomically, under the journal's lock.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.atomic import write_unique
from plnjournal.journal.ids import slugify
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_record
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save
from plnjournal.model import Entry

EVIDENCE_FOLDER = "evidence"
MAX_FILE_SLUG = 40


def evidence_stem(entry: Entry, original: Path) -> str:
    """`YYYY-MM-DD-<entry slug>-<original name slug>`."""
    date = entry.date.isoformat()
    entry_slug = entry.id.removeprefix(f"{date}-") or "entry"
    return f"{date}-{entry_slug}-{slugify(original.stem, fallback='file', limit=MAX_FILE_SLUG)}"


def evidence_suffix(original: Path) -> str:
    """The file's extension, lowercase, letters and digits only (`.PNG` -> `.png`)."""
    extension = re.sub(r"[^a-z0-9]", "", original.suffix.lower())
    return f".{extension}" if extension else ""


def attach(journal: Journal, entry_ref: str, original: Path) -> Change:
    if not original.is_file():
        raise PlnError(f"{original}: no such file")
    content = original.read_bytes()
    with locked(journal):
        entry = find_record(journal, entry_ref)
        if not isinstance(entry, Entry):
            raise PlnError(f"{entry_ref!r} is a {entry.kind}, not an entry; evidence belongs to entries")
        folder = journal.root / EVIDENCE_FOLDER
        copy = write_unique(folder, evidence_stem(entry, original), content, suffix=evidence_suffix(original))
        relative = journal.relative(copy)
        try:
            save(journal, dataclasses.replace(entry, evidence=(*entry.evidence, relative)))
        except BaseException:
            copy.unlink(missing_ok=True)  # the entry was not updated: leave no orphan copy behind
            raise
    return Change(f"attach {relative} to {entry.id}", written=(relative, entry.path), created=(relative,))
