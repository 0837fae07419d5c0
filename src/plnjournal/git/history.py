"""When each record joined the journal, from git's history: the date of the commit that added its
file (carried across `pln rename`, which git records as a rename), so that a person added today is
not yet dormant. One `git log` for a whole folder; nothing when the journal has no git.

git's answer is kept in `.pln/git-added`, keyed by HEAD's commit id and what else could change it
(git/head.py, read without starting git): while the key holds, `pln status` starts no git at all.
A new commit, a rewritten history, another branch or a moved journal change the key, and git is
asked again; `--no-cache` always asks. Files not committed yet are dated from the files themselves,
on every run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import marshal
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from plnjournal.git import head, repository

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal

KEPT_FILE = "git-added"  # in .pln/
FORMAT = 1


def people_added(journal: Journal, until: dt.date) -> dict[str, dt.date]:
    """When each person joined, for the dormancy rule (nothing when git is off or missing)."""
    return added_dates(journal.root, "people", until=until, keep=journal.use_cache)


def added_key(journal: Journal) -> object | None:
    """What `people_added` tells besides what the files and the day tell, as a key for an output
    made with it (`pln status` keeps its own): HEAD as git/head.py reads it, or where git is not
    asked at all a word saying so; None when only git could tell."""
    root = journal.root
    if not (root / "people").is_dir() or not repository.available():
        return "no git"
    if head.outside(root):
        return "no repository"
    return head.state(root)


def added_dates(root: Path, folder: str, *, until: dt.date, keep: bool = True) -> dict[str, dt.date]:
    """{record id: the day its file was added} for the `.md` files of `folder`.

    A file git has no commit for yet (written with `--no-commit`, or by hand) counts from the day
    it was last written, unless that is after `until` (a copy's date says nothing of the journal).
    `keep`: use and update what `.pln/` keeps of git's answer.
    """
    if not (root / folder).is_dir() or not repository.available():
        return {}
    added = _committed(root, folder, keep=keep)
    if added is None:  # not in a repository
        return {}
    for path in sorted((root / folder).glob("*.md")):
        if path.stem not in added:
            written = dt.date.fromtimestamp(os.stat(path).st_mtime)
            if written <= until:
                added[path.stem] = written
    return added


def _committed(root: Path, folder: str, *, keep: bool) -> dict[str, dt.date] | None:
    """The days git's commits added each file of `folder`; None when `root` is not in a repository."""
    from plnjournal.journal.cache import enabled

    key = head.state(root) if keep and enabled() else None
    if key is not None and (kept := _kept(root, folder, key)) is not None:
        return kept
    if key is None and head.outside(root):
        return None
    inside, prefix = repository.place(root)
    if not inside:
        return None
    found = _from_commits(root, folder, prefix)
    if key is not None and head.state(root) == key:  # HEAD did not move while git was reading
        _keep(root, folder, key, found)
    return found


def _from_commits(root: Path, folder: str, prefix: str) -> dict[str, dt.date]:
    result = repository.call(
        root, "log", "--reverse", "-M", "--diff-filter=AR", "--name-status", "--format=%x00%as", "--", folder
    )
    if result.returncode != 0:  # no commit yet
        return {}
    by_path: dict[str, dt.date] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:].strip())
        elif line.strip() and day is not None:
            status, *paths = line.split("\t")
            if status.startswith("R") and len(paths) == 2:
                by_path[paths[1]] = by_path.get(paths[0], day)
            elif status == "A" and paths:
                by_path.setdefault(paths[0], day)
    return {
        PurePosixPath(path).stem: day
        for path, day in by_path.items()
        if path.startswith(prefix) and path.endswith(".md")
    }


def forget(root: Path) -> list[Path]:
    """Remove what `.pln/` keeps of git's answers (`pln cache clear`); the files removed."""
    path = _kept_file(root)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
        return [path]
    return []


def _kept_file(root: Path) -> Path:
    from plnjournal.journal.files import CACHE_DIR

    return root / CACHE_DIR / KEPT_FILE


def _all_kept(root: Path) -> dict:
    """{folder: (key, {id: day ordinal})} as `.pln/` keeps it; empty when missing or unreadable."""
    try:
        found = marshal.loads(_kept_file(root).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return found[1] if _is_pair(found, FORMAT) and isinstance(found[1], dict) else {}


def _kept(root: Path, folder: str, key: head.State) -> dict[str, dt.date] | None:
    kept = _all_kept(root).get(folder)
    if not (_is_pair(kept, key) and isinstance(kept[1], dict)):
        return None
    try:
        return {name: dt.date.fromordinal(day) for name, day in kept[1].items()}
    except (TypeError, ValueError, OverflowError):
        return None


def _is_pair(value: object, first: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and value[0] == first


def _keep(root: Path, folder: str, key: head.State, added: dict[str, dt.date]) -> None:
    """Keep git's answer for the next run; never an error (a read-only journal asks git each time)."""
    from plnjournal.journal.atomic import replace_bytes

    kept = _all_kept(root) | {folder: (key, {name: day.toordinal() for name, day in added.items()})}
    with contextlib.suppress(OSError, ValueError):
        replace_bytes(_kept_file(root), marshal.dumps((FORMAT, kept)))
