"""`pln init` end to end: the layout, then git (init and a first commit) when asked and possible."""

from __future__ import annotations

from pathlib import Path

from . import git
from .autocommit import IDENTITY_FIX
from .layout import create_journal


def init_journal(root: Path, owner: str | None, use_git: bool) -> list[str]:
    """Make a journal in `root`; the messages to show the user.

    Inside an existing repository no new one is nested: the journal's files are committed there,
    and nothing else the user has staged goes with them.
    """
    git_found = git.available()
    change = create_journal(root, owner, use_git and git_found)
    messages = [f"made a pln journal in {root}"]
    if not use_git:
        return messages
    if not git_found:
        return [*messages, "git is not installed here, so the journal is not under git (autocommit is off)"]
    try:
        made = git.init(root)
        messages.append("started a git repository there" if made else "it is in an existing git repository")
        git.commit(root, change.paths, change.message)
        messages.append(f"committed its files: {change.message}")
    except git.GitError as problem:
        fix = f"; {IDENTITY_FIX}" if git.needs_identity(problem) else ""
        messages.append(f"the journal is ready, but not committed: git said: {problem}{fix}")
    return messages
