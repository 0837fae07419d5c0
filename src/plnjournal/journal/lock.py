"""The journal's lock and `.pln/`: one read-modify-write at a time, and notices said once."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from plnjournal.errors import PlnError
from plnjournal.journal.atomic import write_new
from plnjournal.journal.settings import Journal

LOCK_TIMEOUT = 30  # seconds a writer waits for another one
POLL_SECONDS = 0.05  # how often a waiting writer tries again


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
    """Hold the journal's lock around a read-modify-write, so two of them never interleave.

    The lock is the system's advisory lock on `.pln/lock` (flock, as filelock takes it, so an
    older pln waits for this one and this one for it), released when the file closes, so a pln
    that is killed never leaves the journal locked. Taking it needs no library: filelock took
    20 ms to import, a fifth of `pln log`."""
    lock_path = journal.cache_dir / "lock"
    try:
        cache_folder(journal)
        handle = _acquire(lock_path, LOCK_TIMEOUT)
    except TimeoutError:
        raise PlnError(f"another pln is writing this journal ({lock_path})") from None
    except OSError as problem:
        raise PlnError(f"cannot lock the journal ({lock_path}): {problem.strerror or problem}") from None
    try:
        yield
    finally:
        os.close(handle)  # closing the file releases the lock


def _acquire(path: Path, timeout: float) -> int:
    """The open lock file, locked by this process; TimeoutError after `timeout` seconds of another
    process holding it."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
    deadline = time.monotonic() + timeout
    try:
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise TimeoutError
            time.sleep(POLL_SECONDS)
    except BaseException:
        os.close(handle)
        raise
    return handle


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:  # held by another process (Windows says so as a permission error)
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
