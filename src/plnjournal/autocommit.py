"""After a write: commit exactly the files it touched, when the journal asks for it (pln.yaml
`git: {autocommit: true}`). A failing commit never undoes the write; it only warns."""

from __future__ import annotations

from . import git
from .change import Change
from .store import Journal


def autocommit(journal: Journal, change: Change) -> list[str]:
    """Commit `change`'s files; the warnings to show (none when all went well or it is off)."""
    if not journal.settings.autocommit or not change.paths:
        return []
    if not git.is_repo(journal.root):
        return [f"{journal.root} is not a git repository; the change was not committed"]
    try:
        git.commit(journal.root, change.paths, change.message)
    except git.GitError as problem:
        return [f"saved, but not committed: {problem}"]
    return []
