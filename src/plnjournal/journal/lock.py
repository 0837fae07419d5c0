"""The journal's lock and `.pln/`: one read-modify-write at a time, and notices said once."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from plnjournal.errors import PlnError
from plnjournal.journal.atomic import write_new
from plnjournal.journal.settings import Journal

LOCK_TIMEOUT = 30  # seconds a writer waits for another one


def cache_folder(journal: Journal) -> Path:
    """`.pln/`, made on first use; its own `.gitignore` keeps it out of git whatever the journal's says."""
    folder = journal.cache_dir
    folder.mkdir(exist_ok=True)
    if not (folder / ".gitignore").exists():
        with contextlib.suppress(FileExistsError):  # another pln made it meanwhile
            write_new(folder / ".gitignore", "# pln's caches and lock: never committed\n*\n")
    return folder


def first_time(journal: Journal, notice: str) -> bool:
    """True the first time `notice` is asked about in this journal (remembered in `.pln/`)."""
    try:
        os.close(os.open(cache_folder(journal) / f"said-{notice}", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    except OSError:  # a read-only journal: better said again than never
        return True
    return True


@contextlib.contextmanager
def locked(journal: Journal) -> Iterator[None]:
    """Hold the journal's lock around a read-modify-write, so two of them never interleave."""
    from filelock import FileLock, Timeout

    lock_path = journal.cache_dir / "lock"
    lock = FileLock(lock_path)
    try:
        cache_folder(journal)
        lock.acquire(timeout=LOCK_TIMEOUT)
    except Timeout:
        raise PlnError(f"another pln is writing this journal ({lock_path})") from None
    except OSError as problem:
        raise PlnError(f"cannot lock the journal ({lock_path}): {problem.strerror or problem}") from None
    try:
        yield
    finally:
        lock.release()
