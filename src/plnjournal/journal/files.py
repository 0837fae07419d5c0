"""The journal's files: the one walker that lists each kind's Markdown files, and the folders
a journal holds."""

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


def _walk_markdown(folder: Path) -> Iterator[Path]:
    for current, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if is_record_name(name):
                yield Path(current, name)


def links(root: Path) -> list[tuple[str, str]]:
    """Every symbolic link in the journal (hidden folders left out): (journal-relative path, where
    it points, as written), in path order. Links to folders are listed, not followed."""
    found: list[tuple[str, str]] = []
    for current, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(current)
        for name in (*folders, *files):
            if (base / name).is_symlink():
                found.append(((base / name).relative_to(root).as_posix(), os.readlink(base / name)))
    return sorted(found)


FOLDER_NAMES = (*FOLDERS.values(), "evidence", "templates", "credits")  # credits/: rule packs
