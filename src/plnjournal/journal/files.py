"""The journal's files: the one walk over its folders (`walk`: hidden ones such as .git, .pln and
.obsidian left out), each kind's Markdown files, every file and every link found by it, and the
folders a journal holds. (`walk.py` keeps a stat-keeping walk of its own: the fast path.)"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from plnjournal.model import FOLDERS

CACHE_DIR = ".pln"  # pln's own folder in a journal: the index and the lock; ignored by git


def record_files(root: Path, kind: str) -> Iterator[Path]:
    """The Markdown files of one kind, in path order, skipping hidden and temporary files."""
    folder = root / FOLDERS[kind]
    if kind == "entry":
        yield from sorted(_walk_markdown(folder))
    else:
        yield from sorted(_markdown_in(folder))


def is_record_name(name: str) -> bool:
    """A Markdown file that is not hidden: pln's temp files (`.NAME.pln-tmp-XXXX`) never are."""
    return name.endswith(".md") and not name.startswith(".")


def _markdown_in(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as scan:
            for item in scan:
                if is_record_name(item.name) and not item.is_dir():
                    yield Path(item.path)
    except (FileNotFoundError, NotADirectoryError):
        return


def walk(folder: Path) -> Iterator[tuple[Path, list[str], list[str]]]:
    """(folder, its sub-folders, its files) from `folder` down, as os.walk gives them, never into
    a hidden folder (.git, .pln, .obsidian) nor through a link to a folder."""
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield Path(current), folders, files


def _walk_markdown(folder: Path) -> Iterator[Path]:
    for current, _, files in walk(folder):
        yield from (current / name for name in files if is_record_name(name))


def all_files(root: Path) -> tuple[str, ...]:
    """Every file under `root` as a relative path, in path order (for `pln check`)."""
    found = [
        (current / name).relative_to(root).as_posix() for current, _, files in walk(root) for name in files
    ]
    return tuple(sorted(found))


def links(root: Path) -> list[tuple[str, str]]:
    """Every symbolic link in the journal: (journal-relative path, where it points, as written),
    in path order. Links to folders are listed, not followed."""
    found = [
        ((current / name).relative_to(root).as_posix(), os.readlink(current / name))
        for current, folders, files in walk(root)
        for name in (*folders, *files)
        if (current / name).is_symlink()
    ]
    return sorted(found)


FOLDER_NAMES = (*FOLDERS.values(), "evidence", "templates", "credits")  # credits/: rule packs
