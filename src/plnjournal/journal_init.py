"""`pln init` end to end: the layout, then git (init and a first commit) when asked and possible."""

from __future__ import annotations

from pathlib import Path

from . import git
from .layout import create_journal


def init_journal(root: Path, owner: str | None, use_git: bool) -> list[str]:
    """Make a journal in `root`; the messages to show the user."""
    use_git = use_git and git.available()
    change = create_journal(root, owner, use_git)
    messages = [f"made a pln journal in {root}"]
    if not use_git:
        return messages
    try:
        if git.init(root):
            messages.append("started a git repository there")
        git.commit(root, change.paths, change.message)
    except git.GitError as problem:
        messages.append(f"the journal is ready, but git said: {problem}")
    return messages
