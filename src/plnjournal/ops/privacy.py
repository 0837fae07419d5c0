"""Keeping privacy.words (the guard's local list of students' names) out of git: `pln init` lists
it in .gitignore; an older journal gets the line the first time pln reads the list."""

from __future__ import annotations

from pathlib import Path

from plnjournal.change import Change
from plnjournal.git import repository as git
from plnjournal.guard import PRIVACY_WORDS
from plnjournal.journal.atomic import write_over
from plnjournal.journal.lock import locked
from plnjournal.journal.settings import Journal

GITIGNORE = ".gitignore"
IGNORE_LINES = (
    "# privacy.words: the student-privacy guard's local list of names; never committed\n",
    f"/{PRIVACY_WORDS}\n",
)


def ignore_privacy_words(journal: Journal) -> tuple[Change | None, bool]:
    """(the change that added privacy.words to .gitignore, or None when it was listed already;
    whether git tracks the file all the same)."""
    path = journal.root / GITIGNORE
    if is_listed(_read(path)):  # the usual case: no lock, no write
        return None, _tracked(journal)
    with locked(journal):
        text = _read(path)
        if is_listed(text):
            return None, _tracked(journal)
        ending = "" if not text or text.endswith("\n") else "\n"
        write_over(path, text + ending + "".join(IGNORE_LINES))
    return Change("keep privacy.words out of git", written=(GITIGNORE,)), _tracked(journal)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def is_listed(gitignore: str) -> bool:
    return any(line.strip() in (PRIVACY_WORDS, f"/{PRIVACY_WORDS}") for line in gitignore.splitlines())


def _tracked(journal: Journal) -> bool:
    if not git.available() or not git.is_repo(journal.root):
        return False
    return git.call(journal.root, "ls-files", "--error-unmatch", PRIVACY_WORDS).returncode == 0
