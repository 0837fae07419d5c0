"""The few git operations pln needs, through subprocess: init, and committing exactly the files
a command wrote or removed (`git commit --only`), never anything else the user has staged."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path


class GitError(Exception):
    """git said no; the message is its own first line."""


def available() -> bool:
    return shutil.which("git") is not None


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return result


def is_repo(root: Path) -> bool:
    if not available():
        return False
    try:
        return run(root, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
    except GitError:
        return False


def init(root: Path) -> bool:
    """`git init` unless `root` is already inside a repository; True if it made one."""
    if is_repo(root):
        return False
    run(root, "init", "--quiet")
    return True


def commit(root: Path, paths: Sequence[str], message: str) -> None:
    """Commit these paths (new, changed or removed) and nothing else."""
    if not paths:
        return
    run(root, "add", "--all", "--", *paths)
    run(root, "commit", "--quiet", "-m", message, "--only", "--", *paths)
