"""All or nothing for a change to several files (`pln rename`, `pln rm --force`): a failure part-way
(a full disk, a file-size limit, an immutable file) leaves every file as it was.

Through the atomic writer's own steps, in an order that makes undoing cheap: first every new text
is written to a temp file beside its target (the step that needs disk space), then each file to
be replaced or removed gets a hard link to keep its old version (no space needed), and only then
are the names swapped. Any failure swaps back what was done, from those links.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from plnjournal.errors import PlnError
from plnjournal.journal.atomic import TEMP_MARK, refuse_link, sync_folder, write_temp

Undo = Callable[[], None]
T = TypeVar("T")


def write_all(
    root: Path,
    create: Mapping[str, str] | None = None,
    rewrite: Mapping[str, str] | None = None,
    remove: Sequence[str] = (),
) -> None:
    """Create, rewrite and remove these journal-relative files together, or not at all: a PlnError
    naming the file and the reason, after putting back everything already done."""
    create, rewrite = create or {}, rewrite or {}
    temps: dict[str, Path] = {}
    kept: dict[str, Path] = {}
    undo: list[Undo] = []
    try:
        for relative in rewrite:
            _step(root, relative, refuse_link)  # a link may point outside: never written through
        for relative, text in {**create, **rewrite}.items():
            temps[relative] = _step(root, relative, lambda path, text=text: write_temp(path, text))
        for relative in (*rewrite, *remove):
            kept[relative] = _step(root, relative, _keep_old)
        for relative in create:
            undo.append(_step(root, relative, lambda path, r=relative: _link_new(temps[r], path)))
        for relative in rewrite:
            undo.append(_step(root, relative, lambda path, r=relative: _replace(temps[r], path, kept[r])))
        for relative in remove:
            undo.append(_step(root, relative, lambda path, r=relative: _remove(path, kept[r])))
    except PlnError as failed:
        _undo(undo, failed)
        raise PlnError(f"{failed.message}; nothing was changed") from None
    finally:
        for temp in (*temps.values(), *kept.values()):
            temp.unlink(missing_ok=True)
    for folder in {(root / relative).parent for relative in (*create, *rewrite, *remove)}:
        sync_folder(folder)


def _step(root: Path, relative: str, action: Callable[[Path], T]) -> T:
    """One step on one file; an OS error as one line that names the file in the journal."""
    path = root / relative
    try:
        return action(path)
    except FileExistsError:
        raise PlnError(f"cannot write {relative}: a file of that name is already there") from None
    except OSError as problem:
        raise PlnError(f"cannot write {relative}: {problem.strerror or problem}") from None


def _keep_old(path: Path) -> Path:
    """A hard link to the file's current version (to a symbolic link itself, not what it points
    at), to put back if the change fails."""
    old = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")
    os.link(path, old, follow_symlinks=False)
    return old


def _link_new(temp: Path, path: Path) -> Undo:
    os.link(temp, path)  # fails if the name is taken: a new file never replaces another
    return lambda: path.unlink()


def _replace(temp: Path, path: Path, old: Path) -> Undo:
    os.replace(temp, path)
    return lambda: os.replace(old, path)


def _remove(path: Path, old: Path) -> Undo:
    path.unlink()
    return lambda: os.replace(old, path)


def _undo(done: list[Undo], failed: PlnError) -> None:
    """Swap back, newest first; if even that fails, say what is left to put right."""
    for step in reversed(done):
        try:
            step()
        except OSError as problem:
            raise PlnError(
                f"{failed.message}, and undoing it failed too ({problem.strerror or problem}): "
                "run 'pln check' and 'git status' to see what is left"
            ) from None
