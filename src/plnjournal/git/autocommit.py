"""After a write: commit exactly the files it touched, when the journal asks for it (pln.yaml
`git: {autocommit: true}`). A commit that cannot happen never undoes the write: the command still
succeeds and says why in one line — once only when git is missing or the journal is not a
repository (that is how the user set things up), every time when a commit fails.

Each commit ends with the trailer `Made-by: pln`, so `pln undo` can tell pln's commits from the
user's own (a subject such as `add notes` could be either)."""

from __future__ import annotations

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.git import repository as git
from plnjournal.journal.lock import first_time, locked
from plnjournal.journal.settings import Journal

MADE_BY = "Made-by: pln"  # the trailer on every commit pln makes for a command: what `pln undo` may revert
IDENTITY_FIX = (
    "run: git config --global user.name 'Your Name'; git config --global user.email you@example.org"
)


def autocommit(journal: Journal, change: Change) -> list[str]:
    """Commit `change`'s files; the warnings to show (none when all went well or it is off)."""
    if not journal.settings.autocommit or not change.paths:
        return []
    if not git.available():
        return _once(
            journal, "no-git", "git is not installed here, so pln saves changes without committing them"
        )
    if not git.is_repo(journal.root):
        return _once(
            journal,
            "not-a-repository",
            f"{journal.root} is not in a git repository, so pln saves changes without committing "
            "them ('git init' there to keep a history)",
        )
    try:
        operation = git.operation_in_progress(journal.root)
        if operation:
            return [
                f"saved, but not committed: {operation} is in progress here; "
                "finish it ('git status' says how), then commit"
            ]
        with locked(journal):
            git.commit(journal.root, change.paths, marked(change.message))
    except (git.GitError, PlnError) as problem:
        return [f"saved, but not committed: {_reason(problem)}"]
    return []


def marked(message: str) -> str:
    """The commit message with pln's trailer (`git log --format=%s` still shows only the subject)."""
    return f"{message}\n\n{MADE_BY}"


def _once(journal: Journal, notice: str, message: str) -> list[str]:
    return [f"{message} (said once)"] if first_time(journal, notice) else []


def _reason(problem: Exception) -> str:
    """git's last line, with the fix for the one failure every new machine meets."""
    if isinstance(problem, git.GitError) and git.needs_identity(problem):
        return f"git does not know who you are ({problem}); {IDENTITY_FIX}"
    return f"git said: {problem}"
