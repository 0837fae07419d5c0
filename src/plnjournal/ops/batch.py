"""Several files changed as one: every write a command makes, or — when any of them fails — none.

`all_or_nothing(journal)` hands out a `Batch`; each `create`, `save` and `remove` remembers how to
put its file back, and if anything inside the block raises (a full disk, a read-only folder, a
symbolic link refused, Ctrl-C), the files already changed are restored in reverse order before the
error goes on. Used by `pln rename`, `rm`, `set`, `merge`, `tag rename|merge` and `undo`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.atomic import refuse_link, remove, write_new, write_over
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save, save_new
from plnjournal.model import Record


class Batch:
    """The files changed so far, and how to put each one back."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.written: list[str] = []
        self.removed: list[str] = []
        self._undo: list[Callable[[], None]] = []

    def create(self, record: Record) -> str:
        """Write a new record (under its id, or `id-2`...); its journal-relative path."""
        path = save_new(self.journal, record)
        self._undo.append(lambda: remove(path))
        relative = self.journal.relative(path)
        self.written.append(relative)
        return relative

    def save(self, record: Record) -> bool:
        """Rewrite an existing record; False when its bytes would not change."""
        path = self.journal.root / record.path
        before = path.read_bytes()
        if not save(self.journal, record):
            return False
        self._undo.append(lambda: write_over(path, before))
        self.written.append(record.path)
        return True

    def remove(self, relative: str) -> None:
        path = self.journal.root / relative
        before = path.read_bytes()
        remove(path)
        self._undo.append(lambda: write_new(path, before))
        self.removed.append(relative)

    def put(self, relative: str, data: bytes | None) -> None:
        """The file at `relative` made to hold exactly `data`, or removed for None (`pln undo`
        putting back what a commit changed: any file, not only a record)."""
        path = self.journal.root / relative
        refuse_link(path, relative)
        before = path.read_bytes() if path.exists() else None
        if data is None:
            if before is not None:
                self.remove(relative)
            return
        if before is None:
            write_new(path, data)
            self._undo.append(lambda: remove(path))
        elif write_over(path, data):
            self._undo.append(lambda: write_over(path, before))
        else:
            return
        self.written.append(relative)

    def change(self, message: str, created: tuple[str, ...] = ()) -> Change:
        return Change(message, written=tuple(self.written), removed=tuple(self.removed), created=created)

    def rollback(self) -> list[str]:
        """Put every file back, newest change first; the files that could not be (said, not raised)."""
        failed = []
        for step in reversed(self._undo):
            try:
                step()
            except (PlnError, OSError) as problem:
                failed.append(getattr(problem, "message", None) or str(problem))
        self._undo.clear()
        return failed


@contextlib.contextmanager
def all_or_nothing(journal: Journal) -> Iterator[Batch]:
    """A Batch whose files are all put back if the block raises (the caller holds the lock)."""
    batch = Batch(journal)
    try:
        yield batch
    except BaseException as problem:
        failed = batch.rollback()
        if not failed and isinstance(problem, PlnError):
            shown = problem.message.replace(f"{journal.root}/", "")  # messages name journal paths
            raise PlnError(f"{shown}; nothing was changed") from None
        if failed and isinstance(problem, PlnError):
            raise PlnError(f"{problem.message}; and could not put back: {'; '.join(failed)}") from None
        raise
