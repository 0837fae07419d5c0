"""`pln log` drafts: an entry the teacher answered and typed, kept when it could not be saved
(the editor failed, a reference went away meanwhile), and `pln log --resume` to save it later.

A draft is the entry's own file text (front-matter from the answers, the body from the editor)
in `.pln/drafts/log-DATE-SLUG.md`, with its references as typed: they are resolved again on resume.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal import drafts
from plnjournal.journal.parse import parse_file
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import record_text
from plnjournal.model import BASE_ATTRIBUTES, Entry
from plnjournal.ops.create import body_text, entry_stem, log_entry

PURPOSE = "log"


def keep_draft(journal: Journal, values: dict[str, Any], body: str) -> Path:
    """Write what was typed as a new draft; its path."""
    stem = entry_stem(values)
    text = record_text(Entry(id=stem, body=body_text(body), **values))
    return drafts.keep(journal, PURPOSE, stem, text)


def newest_draft(journal: Journal) -> Path:
    found = drafts.newest(journal, PURPOSE)
    if found is None:
        raise PlnError("no draft to resume: pln keeps one in .pln/drafts/ when an entry could not be saved")
    return found


def resume(journal: Journal, draft: Path, add_missing: bool = False) -> Change:
    """Save a draft as an entry (its references checked as for any `pln log`), then drop it."""
    values, body = read_draft(journal, draft)
    change = log_entry(journal, values, body, add_missing)
    draft.unlink(missing_ok=True)
    return change


def read_draft(journal: Journal, draft: Path) -> tuple[dict[str, Any], str]:
    """A draft's values and body; PlnError naming `path:line` when it does not read as an entry."""
    relative = drafts.shown(journal, draft)
    record, problems = parse_file(str(draft), relative, "entry")
    errors = [problem for problem in problems if problem.level == "error"]
    if record is None or errors:
        first = (errors or problems)[0]
        raise PlnError(f"{first}; the draft is kept: fix it, then 'pln log --resume' again")
    assert isinstance(record, Entry)
    return entry_values(record), record.body


def entry_values(entry: Entry) -> dict[str, Any]:
    """An entry's keys as `log_entry` takes them: only those with a value (`0` minutes is one)."""
    names = [field.name for field in fields(Entry) if field.name not in BASE_ATTRIBUTES]
    values = {name: getattr(entry, name) for name in names}
    kept = {key: value for key, value in values.items() if value is not None and value is not False}
    kept = {key: value for key, value in kept.items() if value not in ((), {}, "")}
    return {**kept, "extra": dict(entry.extra)} if entry.extra else kept
