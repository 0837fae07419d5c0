"""The few git operations pln needs, through subprocess: init, committing exactly the files a
command wrote or removed (`git add` then `git commit --only`, never anything else the user has
staged), and what `pln sync` asks of a repository. Paths are relative to `root` (git's cwd)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from plnjournal.frozen import frozen

# A rebase, merge, cherry-pick or revert that stopped half way: no commit of ours belongs in it.
OPERATIONS = {
    "rebase-merge": "a rebase",
    "rebase-apply": "a rebase",
    "MERGE_HEAD": "a merge",
    "CHERRY_PICK_HEAD": "a cherry-pick",
    "REVERT_HEAD": "a revert",
}
LOCK_RETRIES = 5  # another git (an editor's, a second pln) holding index.lock for a moment


class GitError(Exception):
    """git said no; the message is the last line it wrote, `output` all of it."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


@frozen
class Status:
    """One line of `git status --porcelain`: X (staged) and Y (not staged) codes, and the path."""

    staged: str
    unstaged: str
    path: str  # relative to the repository's top folder

    @property
    def untracked(self) -> bool:
        return self.staged == "?"


def available() -> bool:
    return shutil.which("git") is not None


def call(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """git ARGS in `root`, whatever its exit status; pathspecs are always literal file names.
    `env` adds variables to the environment (GIT_EDITOR=true: no editor ever opens)."""
    import os

    return subprocess.run(
        ["git", "--literal-pathspecs", *args],
        cwd=root,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        env={**os.environ, **env} if env else None,
    )


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """git ARGS in `root`; GitError with git's own last line when it fails."""
    result = call(root, *args, env=env)
    if result.returncode != 0:
        message = last_line(result) or f"git {args[0]} failed (exit {result.returncode})"
        raise GitError(message, result.stderr + result.stdout)
    return result


def last_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def first_reason(result: subprocess.CompletedProcess[str]) -> str:
    """git's first `fatal:` or `error:` line, without the prefix: the cause, where the last line
    is often advice ("and the repository exists.")."""
    lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    for line in lines:
        for prefix in ("fatal: ", "error: "):
            if line.startswith(prefix):
                return line.removeprefix(prefix)
    return lines[-1] if lines else f"git exited with status {result.returncode}"


def needs_identity(problem: GitError) -> bool:
    """git refused to commit because it does not know the author's name or email."""
    return "tell me who you are" in problem.output or "ident" in str(problem)


def is_repo(root: Path) -> bool:
    if not available():
        return False
    result = call(root, "rev-parse", "--is-inside-work-tree")
    return result.returncode == 0 and result.stdout.strip() == "true"


def ignores(root: Path, relative: str) -> bool:
    """Whether git ignores `relative`, a path under the work tree that may not exist yet (a folder
    ends in '/'). check-ignore takes file names, not pathspecs, so no --literal-pathspecs here."""
    result = subprocess.run(
        ["git", "check-ignore", "-q", "--", relative],
        cwd=root,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return result.returncode == 0


def operation_in_progress(root: Path) -> str | None:
    """'a rebase', 'a merge'... when one stopped half way in this working tree, else None."""
    args = [arg for name in OPERATIONS for arg in ("--git-path", name)]
    paths = run(root, "rev-parse", *args).stdout.splitlines()
    for name, path in zip(OPERATIONS, paths, strict=True):
        if (root / path).exists():
            return OPERATIONS[name]
    return None


def init(root: Path) -> bool:
    """`git init` unless `root` is already inside a repository; True if it made one."""
    if is_repo(root):
        return False
    run(root, "init", "--quiet")
    return True


def commit(root: Path, paths: Sequence[str], message: str) -> bool:
    """Commit these paths (new, changed or removed) and nothing else; False if none differs from HEAD.

    The caller holds the journal lock, so two pln never race for git's index.lock; another git
    (an editor's status refresh) may still hold it for a moment, hence the short retries.
    """
    paths = _committable(root, paths)
    if not paths:
        return False
    for attempt in range(LOCK_RETRIES + 1):
        try:
            return _add_and_commit(root, paths, message)
        except GitError as problem:
            if "index.lock" not in str(problem) or attempt == LOCK_RETRIES:
                raise
            time.sleep(0.1 * (attempt + 1))
    return False  # not reached: the last attempt returns or raises


def _add_and_commit(root: Path, paths: list[str], message: str) -> bool:
    run(root, "add", "--all", "--", *paths)
    if call(root, "diff", "--cached", "--quiet", "HEAD", "--", *paths).returncode == 0:
        return False  # written back as HEAD has it: nothing to commit
    run(root, "commit", "--quiet", "--no-edit", "-m", message, "--only", "--", *paths)
    return True


def _committable(root: Path, paths: Sequence[str]) -> list[str]:
    """The paths that exist, plus removed ones git knows (a file never committed has no removal)."""
    present = [path for path in paths if (root / path).exists()]
    gone = [path for path in paths if path not in present]
    if gone:
        known = call(root, "ls-files", "-z", "--with-tree=HEAD", "--", *gone)
        if known.returncode != 0:  # no HEAD yet: the index is all git knows
            known = run(root, "ls-files", "-z", "--", *gone)
        listed = set(known.stdout.split("\0"))
        present += [path for path in gone if path in listed]
    return present


def status(root: Path, *pathspecs: str) -> list[Status]:
    """Changed and untracked files (each untracked file, not folders), paths from the top folder."""
    fields = run(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *pathspecs)
    found = []
    items = iter(fields.stdout.split("\0"))
    for item in items:
        if not item:
            continue
        found.append(Status(item[0], item[1], item[3:]))
        if item[0] in "RC":
            next(items, None)  # a rename's or copy's old path follows
    return found


def place(root: Path) -> tuple[bool, str]:
    """(whether `root` is inside a work tree, its `prefix`) from one git process, not two."""
    result = call(root, "rev-parse", "--is-inside-work-tree", "--show-prefix")
    lines = result.stdout.splitlines() if result.returncode == 0 else []
    inside = bool(lines) and lines[0].strip() == "true"
    return inside, lines[1].strip() if inside and len(lines) > 1 else ""


def prefix(root: Path) -> str:
    """Where `root` is inside its repository: '' at the top, else 'folder/'."""
    return run(root, "rev-parse", "--show-prefix").stdout.strip()


def current_branch(root: Path) -> str | None:
    """The checked-out branch; None when HEAD is detached."""
    result = call(root, "symbolic-ref", "--quiet", "--short", "HEAD")
    return result.stdout.strip() if result.returncode == 0 else None


def config(root: Path, key: str) -> str | None:
    result = call(root, "config", "--get", key)
    return result.stdout.strip() if result.returncode == 0 else None


def revision(root: Path, name: str) -> str | None:
    result = call(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    return result.stdout.strip() if result.returncode == 0 else None


def count(root: Path, since: str | None, until: str) -> int:
    """Commits reachable from `until` but not from `since` (all of them when `since` is None)."""
    spec = f"{since}..{until}" if since else until
    return int(run(root, "rev-list", "--count", spec).stdout.strip())


def unmerged(root: Path) -> list[str]:
    """Files git could not merge (both sides changed them), from the top folder."""
    names = run(root, "diff", "--name-only", "--diff-filter=U", "-z").stdout.split("\0")
    return sorted(dict.fromkeys(name for name in names if name))


@frozen
class Commit:
    """One commit as `pln undo` weighs it: its id, subject, trailers, when and by whom."""

    sha: str
    subject: str
    trailers: tuple[str, ...]  # `Key: value` lines of the message's last paragraph
    parents: int
    author: str
    when: str  # as git says it to a person: '5 minutes ago'

    @property
    def short(self) -> str:
        return self.sha[:7]


def recent_commits(root: Path, limit: int) -> list[Commit]:
    """HEAD and the commits under it, newest first (none in a repository without commits)."""
    if revision(root, "HEAD") is None:
        return []
    fields = "%H%x1f%s%x1f%P%x1f%an%x1f%ar%x1f%(trailers:only,unfold)%x1e"
    out = run(root, "log", f"-n{limit}", "--first-parent", f"--format={fields}", "HEAD").stdout
    found = []
    for item in out.split("\x1e"):
        if item.strip():
            sha, subject, parents, author, when, trailers = item.strip("\n").split("\x1f")
            lines = tuple(line.strip() for line in trailers.splitlines() if line.strip())
            found.append(Commit(sha, subject, lines, len(parents.split()), author, when))
    return found


@frozen
class Changed:
    """A file a commit changed: git's status letter (A, M, D, T), the path from the top folder,
    and the file's mode and blob before the commit (blob '0000...' when it was added)."""

    status: str
    path: str
    old_mode: str
    old_blob: str
    new_mode: str


def changed_files(root: Path, sha: str) -> list[Changed]:
    """The files commit `sha` changed against its first parent (renames as a removal and an add)."""
    out = run(root, "diff-tree", "-r", "--root", "--no-commit-id", "--no-renames", "--raw", "-z", sha).stdout
    fields = out.split("\0")
    found = []
    for head, path in zip(fields[0::2], fields[1::2], strict=False):
        if head.startswith(":"):
            old_mode, new_mode, old_blob, _, status = head[1:].split(" ")
            found.append(Changed(status[:1], path, old_mode, old_blob, new_mode))
    return found


def blob(root: Path, sha: str) -> bytes:
    """A file's bytes as git stored them, exactly (no newline or encoding conversion)."""
    result = subprocess.run(
        ["git", "cat-file", "blob", sha], cwd=root, capture_output=True, stdin=subprocess.DEVNULL, check=False
    )
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git cat-file {sha} failed")
    return result.stdout


def unstage(root: Path, paths: Sequence[str]) -> None:
    """Put the index back to HEAD for these paths (after a commit that failed half way)."""
    call(root, "reset", "--quiet", "HEAD", "--", *paths)
