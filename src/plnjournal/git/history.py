"""When each record joined the journal, from git's history: the date of the commit that added its
file (carried across `pln rename`, which git records as a rename), so that a person added today is
not yet dormant. One `git log` for a whole folder; nothing when the journal has no git."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from plnjournal.git import repository

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal


def people_added(journal: Journal, until: dt.date) -> dict[str, dt.date]:
    """When each person joined, for the dormancy rule (nothing when git is off or missing)."""
    return added_dates(journal.root, "people", until=until)


def added_dates(root: Path, folder: str, *, until: dt.date) -> dict[str, dt.date]:
    """{record id: the day its file was added} for the `.md` files of `folder`.

    A file git has no commit for yet (written with `--no-commit`, or by hand) counts from the day
    it was last written, unless that is after `until` (a copy's date says nothing of the journal).
    """
    if not (root / folder).is_dir() or not repository.is_repo(root):
        return {}
    added = _from_commits(root, folder)
    for path in sorted((root / folder).glob("*.md")):
        if path.stem not in added:
            written = dt.date.fromtimestamp(os.stat(path).st_mtime)
            if written <= until:
                added[path.stem] = written
    return added


def _from_commits(root: Path, folder: str) -> dict[str, dt.date]:
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
    prefix = repository.prefix(root)
    return {
        PurePosixPath(path).stem: day
        for path, day in by_path.items()
        if path.startswith(prefix) and path.endswith(".md")
    }
