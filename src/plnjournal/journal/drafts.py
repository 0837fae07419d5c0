"""Drafts: text a teacher typed that pln could not save where it belongs yet, kept in `.pln/drafts/`.

An editor that crashed under `pln log`, a `pln edit` whose file changed on disk meanwhile: the
text goes here under a name that says which command kept it (`log-…`, `edit-…`), never over
another draft. `pln log --resume` saves the newest log draft; `pln check` names every draft left.
"""

from __future__ import annotations

from pathlib import Path

from plnjournal.journal.atomic import write_unique
from plnjournal.journal.lock import cache_folder
from plnjournal.journal.settings import Journal
from plnjournal.problems import Problem, warning

DRAFTS = "drafts"


def drafts_folder(journal: Journal) -> Path:
    return journal.cache_dir / DRAFTS


def keep(journal: Journal, purpose: str, stem: str, text: str | bytes) -> Path:
    """Write `text` as a new draft `.pln/drafts/PURPOSE-STEM.md` (or `-2`...); its path."""
    folder = cache_folder(journal) / DRAFTS
    if not folder.is_dir():
        folder.mkdir(exist_ok=True)
    return write_unique(folder, f"{purpose}-{stem}", text)


def drafts(journal: Journal, purpose: str | None = None) -> list[Path]:
    """The drafts left, oldest first (by the time they were written, then name)."""
    folder = drafts_folder(journal)
    if not folder.is_dir():
        return []
    found = [
        path
        for path in folder.glob("*.md")
        if not path.name.startswith(".") and (purpose is None or path.name.startswith(f"{purpose}-"))
    ]
    return sorted(found, key=lambda path: (path.stat().st_mtime_ns, path.name))


def newest(journal: Journal, purpose: str) -> Path | None:
    found = drafts(journal, purpose)
    return found[-1] if found else None


def shown(journal: Journal, path: Path) -> str:
    """A draft's path as the messages name it: journal-relative, `.pln/drafts/log-….md`."""
    return journal.relative(path)


def left(journal: Journal) -> list[Problem]:
    """A warning per draft left, for `pln check`: what it holds and how to finish it."""
    how = {
        "log": "an entry that was not saved: 'pln log --resume' saves it",
        "edit": "an edit that was not saved: compare it with the record, copy what you want, then delete it",
    }
    return [
        warning(shown(journal, path), 1, "draft", how.get(path.name.split("-", 1)[0], "text kept by pln"))
        for path in drafts(journal)
    ]
