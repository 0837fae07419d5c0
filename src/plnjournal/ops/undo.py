"""`pln undo`: revert the last commit pln made in this journal, as a new commit (so an undo can be
undone), and only when that is safe.

pln's commits are the ones whose message ends with the `Made-by: pln` trailer (git/autocommit.py).
Commits from before pln marked them are not recognised by their subject: `add notes` or `rm old
files` is as likely the user's own, and reverting a user's commit is the one mistake `undo` must
not make; `git revert` remains for those. Refused, with the reason: no git, no repository, a
rebase or merge under way, nothing to undo, a commit on top that pln did not make, a commit that
reaches outside this journal, and any file it would put back that has changes not committed
(which would be lost). The files are put back through `ops.batch` and committed by path, so
whatever else the user changed or staged stays as it was.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.git import repository as git
from plnjournal.git.autocommit import MADE_BY, marked
from plnjournal.journal.lock import locked
from plnjournal.journal.settings import Journal
from plnjournal.ops.batch import all_or_nothing

LOOK_BACK = 50  # commits searched for pln's last one, to say what stands on top of it
NO_BLOB = "0" * 40
WHAT_UNDO_DOES = {
    "A": "removes",
    "D": "brings back",
    "M": "puts back the earlier",
    "T": "puts back the earlier",
}


@frozen
class Step:
    """One file the undo changes: what it does (removes, brings back...), its journal-relative
    path, and the bytes it puts there (None: the file goes)."""

    does: str
    path: str
    data: bytes | None


@frozen
class Undo:
    """The commit `pln undo` reverts, and how: shown before it asks."""

    commit: git.Commit
    steps: tuple[Step, ...]

    @property
    def message(self) -> str:
        return f"undo: {self.commit.subject}\n\nThis reverts commit {self.commit.sha}."


def made_by_pln(commit: git.Commit) -> bool:
    return MADE_BY in commit.trailers


def plan(journal: Journal) -> Undo:
    """What undoing pln's last commit would do; PlnError with the reason when it may not."""
    root = journal.root
    if not git.available():
        raise PlnError("nothing to undo: git is not installed here, so pln keeps no history of its changes")
    if not git.is_repo(root):
        raise PlnError(
            f"nothing to undo: {root} is not in a git repository, so there is no history of changes"
        )
    operation = git.operation_in_progress(root)
    if operation:
        raise PlnError(
            f"not undone: {operation} is in progress here; finish it first ('git status' says how)"
        )
    commits = git.recent_commits(root, LOOK_BACK)
    head = _pln_head(commits)
    steps = _steps(root, head)
    _refuse_uncommitted(root, steps)
    return Undo(head, tuple(steps))


def undo(journal: Journal, shown: Undo) -> Change:
    """Put back every file `shown` names and commit them, all or nothing; refused if HEAD moved
    since the plan was shown."""
    with locked(journal):
        again = plan(journal)
        if (again.commit.sha, again.steps) != (shown.commit.sha, shown.steps):
            raise PlnError("the journal changed while pln asked, so nothing was undone; run pln undo again")
        paths = [step.path for step in shown.steps]
        with all_or_nothing(journal) as batch:
            for step in shown.steps:
                batch.put(step.path, step.data)
            try:
                git.commit(journal.root, paths, marked(shown.message))
            except git.GitError as problem:
                git.unstage(journal.root, paths)
                raise PlnError(f"not undone: git could not commit ({problem})") from None
        return batch.change(shown.message.partition("\n")[0])


def _pln_head(commits: list[git.Commit]) -> git.Commit:
    """HEAD, when pln made it; else the reason, naming pln's last commit under it if there is one."""
    if not commits:
        raise PlnError("nothing to undo: the journal's repository has no commits yet")
    head = commits[0]
    if made_by_pln(head):
        if head.parents > 1:  # pln never merges; a marked merge is someone's copy of a message
            raise PlnError(f"not undone: the last commit ({head.short}) is a merge; undo it with git")
        return head
    below = next((commit for commit in commits[1:] if made_by_pln(commit)), None)
    shown = f'{head.short} "{head.subject}"'
    if below is None and head.parents == 0:
        raise PlnError(f"nothing to undo: the only commit is the journal's first ({shown})")
    if below is None:
        raise PlnError(
            f"nothing to undo: the last commit ({shown}) has no '{MADE_BY}' mark, so pln cannot tell it "
            "from one of yours; 'git revert HEAD' undoes it by hand"
        )
    raise PlnError(
        f'not undone: pln\'s last commit ({below.short} "{below.subject}") has another on top that pln '
        f"did not make ({shown}); 'git revert' undoes commits by hand"
    )


def _steps(root: Path, head: git.Commit) -> list[Step]:
    """Each file the commit changed, put back as it was before; refused for a file outside this
    journal, a symbolic link or a submodule (pln writes none of those)."""
    prefix = git.prefix(root)
    steps = []
    for changed in git.changed_files(root, head.sha):
        if not changed.path.startswith(prefix):
            raise PlnError(f"not undone: {head.short} also changed {changed.path}, outside this journal")
        if {changed.old_mode, changed.new_mode} & {"120000", "160000"}:
            raise PlnError(
                f"not undone: {head.short} changed a link or submodule ({changed.path}); undo it with git"
            )
        relative = PurePosixPath(changed.path).relative_to(prefix).as_posix() if prefix else changed.path
        data = None if changed.old_blob == NO_BLOB else git.blob(root, changed.old_blob)
        steps.append(Step(WHAT_UNDO_DOES.get(changed.status, "puts back the earlier"), relative, data))
    if not steps:
        raise PlnError(f'nothing to undo: the last commit ({head.short} "{head.subject}") changed no file')
    return steps


def _refuse_uncommitted(root: Path, steps: list[Step]) -> None:
    """Never put a file back over changes not committed (or a file where one is brought back)."""
    prefix = git.prefix(root)
    dirty = [entry.path.removeprefix(prefix) for entry in git.status(root, *(step.path for step in steps))]
    dirty += [step.path for step in steps if step.does == "brings back" and (root / step.path).exists()]
    if dirty:
        names = ", ".join(dict.fromkeys(dirty))
        raise PlnError(
            f"not undone: {names} has changes not committed, which undoing would lose; "
            "commit them ('git commit') or set them aside first"
        )
