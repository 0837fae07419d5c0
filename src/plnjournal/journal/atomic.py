"""The one atomic writer: every file pln writes goes through `write_new`, `write_over` or
`remove`: a temp file in the same folder, fsync, then a hard link (new files: fails if the name is
taken, so two writers never share a name) or `os.replace` (rewrites). A reader sees each file either
old or new, never torn."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from plnjournal.errors import PlnError

TEMP_MARK = ".pln-tmp-"


def write_new(path: Path, text: str | bytes) -> None:
    """Create `path` with `text` (or bytes, for a copied file), all at once; FileExistsError if the
    name is taken."""
    with _reported(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise PlnError(f"cannot write {path}: {path.parent} is a file, not a folder") from None
    with _reported(path, passing=FileExistsError):
        temp = write_temp(path, text)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: claim the name, then fill it
            _claim_and_fill(path, text)
        finally:
            temp.unlink(missing_ok=True)
        sync_folder(path.parent)


def write_over(path: Path, text: str | bytes) -> bool:
    """Replace `path` with `text` (or bytes, as an editor left them) atomically; False (nothing
    written) when it already holds it."""
    refuse_link(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    with _reported(path):
        with contextlib.suppress(FileNotFoundError):
            if path.read_bytes() == data:
                return False
        temp = write_temp(path, text)
        try:
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)
        sync_folder(path.parent)
    return True


def refuse_link(path: Path, shown: str | None = None) -> None:
    """A record that is a symbolic link may point outside the journal: never write through it.
    `shown`: the path as the message names it (journal-relative, as every message does)."""
    if path.is_symlink():
        raise PlnError(
            f"{shown or path}: is a symbolic link (to {os.readlink(path)}); pln does not write through "
            "links: put the real file here"
        )


def remove(path: Path) -> None:
    with _reported(path):
        path.unlink()
        sync_folder(path.parent)


@contextlib.contextmanager
def _reported(path: Path, passing: type[OSError] | None = None) -> Iterator[None]:
    """An OS error (read-only disk, full disk, a file where a folder should be) as one clear line."""
    try:
        yield
    except OSError as problem:
        if passing is not None and isinstance(problem, passing):
            raise
        raise PlnError(f"cannot write {path}: {problem.strerror or problem}") from None


def replace_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, without fsync: for `.pln/` caches, which a reader
    checks whole and rebuilds when a crash left them torn, so durability is not worth the wait."""
    path.parent.mkdir(exist_ok=True)
    temp = write_temp(path, data, durable=False)
    try:
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def write_temp(path: Path, content: str | bytes, *, durable: bool = True) -> Path:
    temp = path.with_name(f".{path.name}{TEMP_MARK}{os.urandom(4).hex()}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _claim_and_fill(path: Path, text: str | bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(text.encode("utf-8") if isinstance(text, str) else text)
        handle.flush()
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_unique(folder: Path, stem: str, text: str | bytes, suffix: str = ".md") -> Path:
    """Create `folder/stem.md`, or `stem-2.md`, `stem-3.md`... if that name is taken."""
    for number in range(1, 10_000):
        record_id = stem if number == 1 else f"{stem}-{number}"
        path = folder / f"{record_id}{suffix}"
        try:
            write_new(path, text)
        except FileExistsError:
            continue
        return path
    raise PlnError(f"{folder}: no free file name for {stem!r}")
