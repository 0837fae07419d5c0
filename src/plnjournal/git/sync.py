"""`pln sync`: commit the journal's pending files, `git pull --rebase`, then `git push`.

One file per record makes the common case clean: two devices that logged different entries rebase
without a conflict. When both changed the same file, the rebase stops where git itself explains it
(`git status`); pln names the files and leaves the repository exactly there: nothing hidden,
nothing aborted for the user, nothing lost.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.git import repository as git
from plnjournal.git.conflicts import label_sides
from plnjournal.journal.fileformat import conflict_marker_line
from plnjournal.journal.files import FOLDER_NAMES, is_record_name
from plnjournal.journal.lock import locked
from plnjournal.journal.parse import parse_file
from plnjournal.journal.settings import CONFIG_FILE, Journal
from plnjournal.model import KIND_OF_FOLDER

# what sync commits on the user's behalf: the journal's own README (pln init writes it) included
JOURNAL_FILES = (CONFIG_FILE, "README.md", *FOLDER_NAMES)


@frozen
class Remote:
    """The remote and branch `pln sync` pulls from and pushes to."""

    name: str  # origin
    branch: str  # the branch on the remote
    url: str
    tracked: bool  # the local branch already has it as upstream

    @property
    def tracking(self) -> str:
        """Where git keeps what it last fetched of the branch."""
        return f"refs/remotes/{self.name}/{self.branch}"


@frozen
class SyncResult:
    """What one `pln sync` did: committed, pulled, pushed, or the conflicts it stopped at."""

    remote: Remote
    committed: tuple[str, ...]  # pending journal files committed before pulling
    pulled: int  # commits received
    pushed: int  # commits sent
    conflicts: tuple[str, ...] = ()  # files to resolve: the rebase stopped, nothing was pushed


def sync(journal: Journal) -> SyncResult:
    """Commit pending journal files, pull (rebasing ours on top), push; git's refusals as PlnError."""
    return _explained(_sync, journal)


def _explained(step: Callable[[Journal], SyncResult], journal: Journal) -> SyncResult:
    """The step's result; a git refusal as one line for the user."""
    try:
        return step(journal)
    except git.GitError as problem:
        raise PlnError(f"git said: {problem}") from None


def _sync(journal: Journal) -> SyncResult:
    root = journal.root
    if not git.is_repo(root):
        raise PlnError(f"{root} is not in a git repository; 'git init' and 'git remote add' first")
    _refuse_unfinished(root)
    branch = git.current_branch(root)
    if branch is None:
        raise PlnError("HEAD is detached (no branch checked out); 'git switch BRANCH' first, then pln sync")
    remote = find_remote(root, branch)
    with locked(journal):
        committed = commit_pending(root)
    before = git.revision(root, "HEAD")
    conflicts = pull(root, remote)
    if conflicts:
        return SyncResult(remote, committed, 0, 0, conflicts)
    received = git.revision(root, remote.tracking)
    pulled = git.count(root, before, received) if received else 0
    return SyncResult(remote, committed, pulled, push(root, branch, remote))


def _refuse_unfinished(root: Path) -> None:
    operation = git.operation_in_progress(root)
    if operation == "a rebase":
        raise PlnError(
            "an earlier sync stopped on a conflict: fix the files, then 'pln sync --continue' "
            "(or 'pln sync --abort' to go back to before it)"
        )
    if operation:
        raise PlnError(
            f"{operation} is in progress here; finish it first: "
            "'git status' says how, then run pln sync again"
        )


def find_remote(root: Path, branch: str) -> Remote:
    """The branch's upstream, else the only remote (the first sync then sets the upstream)."""
    name = git.config(root, f"branch.{branch}.remote")
    merge = git.config(root, f"branch.{branch}.merge")
    tracked = bool(name and merge and name != ".")
    if not tracked:
        remotes = git.run(root, "remote").stdout.split()
        if not remotes:
            raise PlnError("this journal has no remote to sync with; add one: git remote add origin URL")
        if len(remotes) > 1:
            raise PlnError(
                f"several remotes ({', '.join(remotes)}) and none chosen for branch {branch!r}; "
                f"choose one: git push --set-upstream REMOTE {branch}"
            )
        name, merge = remotes[0], branch
    assert name and merge
    url = git.config(root, f"remote.{name}.url") or name
    return Remote(name, merge.removeprefix("refs/heads/"), url, tracked)


def commit_pending(root: Path) -> tuple[str, ...]:
    """Commit the journal's pending files: changed by hand or --no-commit (not those the user staged).

    Refuses when other tracked files have changes, as `git pull --rebase` would, but naming them.
    """
    prefix = git.prefix(root)
    changes = git.status(root)
    pending, blocking = [], []
    for change in changes:
        path = change.path.removeprefix(prefix)
        ours = change.path.startswith(prefix) and path.split("/", 1)[0] in JOURNAL_FILES
        if ours and change.staged in " ?":
            pending.append(path)
        elif not change.untracked:
            blocking.append(change.path)
    if blocking:
        raise PlnError(
            f"uncommitted changes pln does not commit for you: {', '.join(blocking)}; "
            "commit them or 'git stash' them, then run pln sync again"
        )
    _refuse_unfinished_files(root, pending)
    if pending:
        what = pending[0] if len(pending) == 1 else f"{len(pending)} files"
        git.commit(root, pending, f"sync: pending changes to {what}")
    return tuple(pending)


def _refuse_unfinished_files(root: Path, paths: list[str]) -> None:
    """Neither a file mid-merge nor a record that does not read is committed on the user's behalf
    (a broken `pln edit` is saved, never committed, and must not be pushed either)."""
    for path in paths:
        try:
            line = conflict_marker_line((root / path).read_text(encoding="utf-8", errors="replace"))
        except (FileNotFoundError, IsADirectoryError):
            continue
        if line is not None:
            raise PlnError(f"{path}:{line}: git conflict marker; resolve the file, then run pln sync again")
        if _is_record(path):
            record, problems = parse_file(str(root / path), path)
            if record is None and problems:
                where = f"{problems[0].path}:{problems[0].line}: {problems[0].message}"
                raise PlnError(f"{where}; fix it ('pln edit'), then run pln sync again")


def _is_record(path: str) -> bool:
    folder, _, name = path.partition("/")
    return folder in KIND_OF_FOLDER and is_record_name(name.rsplit("/", 1)[-1])


def pull(root: Path, remote: Remote) -> tuple[str, ...]:
    """`git pull --rebase`; the files in conflict if the rebase stopped on them."""
    result = git.call(root, "pull", "--rebase", "--quiet", remote.name, remote.branch)
    if result.returncode == 0:
        return ()
    if git.operation_in_progress(root):
        conflicts = git.unmerged(root)
        if conflicts:
            label_sides(root, conflicts, f"{remote.name}/{remote.branch}")
            return tuple(conflicts)
        raise PlnError(f"the rebase stopped: {git.last_line(result)}; 'git status' says what to do next")
    if not _remote_has_branch(root, remote):
        return ()  # a new, empty remote: nothing to pull, the push will create the branch
    raise PlnError(f"cannot pull from {remote.name} ({remote.url}): {remote_trouble(result, remote)}")


# git's reasons for not reaching a remote, as a teacher would say them (the first matching wins),
# and whether the remote's address is the likely culprit
_REMOTE_TROUBLE = (
    ("does not appear to be a git repository", "there is no git repository at that address", True),
    ("repository not found", "the repository does not exist there, or you have no access to it", True),
    ("could not resolve host", "cannot reach that address (no network, or a mistyped host)", True),
    ("permission denied", "you have no access to it (check your SSH key or credentials)", False),
    ("authentication failed", "the name or password (token) was refused", False),
    ("could not read from remote", "the repository does not exist there, or you have no access to it", True),
)


def remote_trouble(result: subprocess.CompletedProcess[str], remote: Remote) -> str:
    """Why git could not reach the remote, in one line: in plain words where git gave a reason it
    is known to give, else its own first `fatal:` line (not the advice it prints after it)."""
    text = (result.stderr or result.stdout).casefold()
    for phrase, meaning, address in _REMOTE_TROUBLE:
        if phrase in text:
            fix = f"; check it with 'git remote -v', change it with 'git remote set-url {remote.name} URL'"
            return meaning + (fix if address else "")
    return git.first_reason(result)


def _remote_has_branch(root: Path, remote: Remote) -> bool:
    listed = git.call(root, "ls-remote", "--exit-code", "--heads", remote.name, f"refs/heads/{remote.branch}")
    return listed.returncode != 2  # 2: the remote answered and has no such branch


def push(root: Path, branch: str, remote: Remote) -> int:
    """`git push`, setting the upstream on the first sync; the number of commits sent."""
    sending = git.count(root, remote.tracking if git.revision(root, remote.tracking) else None, "HEAD")
    if sending == 0 and remote.tracked:
        return 0
    args = ["push", "--quiet", *([] if remote.tracked else ["--set-upstream"])]
    result = git.call(root, *args, remote.name, f"{branch}:refs/heads/{remote.branch}")
    if result.returncode != 0:
        raise PlnError(
            f"cannot push to {remote.name} ({remote.url}): {remote_trouble(result, remote)}; "
            "if it changed meanwhile, run pln sync again"
        )
    return sending


NO_EDITOR = {"GIT_EDITOR": "true"}  # `rebase --continue` keeps each commit's message as it is


def resume(journal: Journal) -> SyncResult:
    """`pln sync --continue`: after the files are fixed, mark them resolved, finish the rebase
    (no editor opens), then push; stops again, relabelled, if a later commit conflicts too."""
    return _explained(_resume, journal)


def _resume(journal: Journal) -> SyncResult:
    root = journal.root
    _require_stopped_sync(root, "continue")
    branch = _branch_being_rebased(root)
    remote = find_remote(root, branch)
    before = _read_git_file(root, "rebase-merge/orig-head")
    with locked(journal):
        _mark_resolved(root)
        step = "--continue"
        while git.operation_in_progress(root):
            step = _rebase_step(root, step)
            conflicts = git.unmerged(root)
            if conflicts:
                label_sides(root, conflicts, f"{remote.name}/{remote.branch}")
                return SyncResult(remote, (), 0, 0, tuple(conflicts))
    received = git.revision(root, remote.tracking)
    pulled = git.count(root, before or None, received) if received else 0
    return SyncResult(remote, (), pulled, push(root, branch, remote))


def abort(journal: Journal) -> Remote:
    """`pln sync --abort`: back to how things were before the sync (its commits kept, unpushed)."""
    root = journal.root
    _require_stopped_sync(root, "abort")
    remote = find_remote(root, _branch_being_rebased(root))
    with locked(journal):
        result = git.call(root, "rebase", "--abort")
    if result.returncode != 0:
        raise PlnError(f"git could not abort the rebase: {git.last_line(result)}")
    return remote


def _require_stopped_sync(root: Path, step: str) -> None:
    if not git.is_repo(root):
        raise PlnError(f"{root} is not in a git repository: there is no sync to {step}")
    operation = git.operation_in_progress(root)
    if operation is None:
        raise PlnError(f"no sync stopped here, so nothing to {step}; 'pln sync' syncs")
    if operation != "a rebase":
        raise PlnError(f"{operation} is in progress, not a pln sync; finish it with git ('git status')")


def _branch_being_rebased(root: Path) -> str:
    name = _read_git_file(root, "rebase-merge/head-name") or _read_git_file(root, "rebase-apply/head-name")
    if not name.startswith("refs/heads/"):
        raise PlnError("the rebase is not of a branch; finish it with git ('git status')")
    return name.removeprefix("refs/heads/")


def _read_git_file(root: Path, name: str) -> str:
    path = root / git.run(root, "rev-parse", "--git-path", name).stdout.strip()
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _mark_resolved(root: Path) -> None:
    """`git add` the conflicted files, once none of them has a marker left."""
    top = Path(git.run(root, "rev-parse", "--show-toplevel").stdout.strip())
    conflicted = git.unmerged(root)
    for path in conflicted:
        file = top / path
        text = file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
        line = conflict_marker_line(text)
        if line is not None:
            shown = path.removeprefix(git.prefix(root))
            raise PlnError(
                f"{shown}:{line}: still has a conflict marker; keep what you want, delete the "
                "marker lines, then run 'pln sync --continue' (or 'pln sync --abort')"
            )
    if conflicted:
        git.run(top, "add", "--all", "--", *conflicted)


def _rebase_step(root: Path, step: str) -> str:
    """One `git rebase --continue` (or `--skip`); the step to take next. `--skip` when a commit
    is left with nothing to add (the remote's version was kept whole), as git itself suggests."""
    result = git.call(root, "rebase", step, env=NO_EDITOR)
    if result.returncode == 0 or not git.operation_in_progress(root) or git.unmerged(root):
        return "--continue"
    if step == "--continue" and git.call(root, "diff", "--cached", "--quiet", "HEAD").returncode == 0:
        return "--skip"
    raise PlnError(f"the rebase stopped: {git.last_line(result)}; 'git status' says what to do next")
