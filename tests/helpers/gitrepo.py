"""Real git for the tests: run it, and read what a user would read from it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def git(root: Path, *args: str, check: bool = True) -> str:
    """`git ARGS` in `root`: its stdout, trailing newline cut; git failing fails the test unless told."""
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check:
        assert result.returncode == 0, f"git {' '.join(args)}: {result.stderr}"
    return result.stdout.rstrip()


def subjects(root: Path) -> list[str]:
    """Commit messages, newest first."""
    return git(root, "log", "--format=%s").splitlines()


def last_commit_files(root: Path) -> list[str]:
    """`STATUS<TAB>path` lines of the last commit, e.g. 'A\tpeople/jane-doe.md'."""
    return git(root, "show", "--name-status", "--no-renames", "--format=", "HEAD").splitlines()


def staged(root: Path) -> list[str]:
    return git(root, "diff", "--cached", "--name-only").splitlines()


def porcelain(root: Path) -> list[str]:
    return git(root, "status", "--porcelain", "--untracked-files=all").splitlines()
