"""Index rows written while they are still being made: the cold load of a big journal.

`scan.parse_many` hands each batch of rows its workers send back to a `Stream`; a thread stores
them, all in one transaction, while the workers read on (SQLite works with Python's lock released,
FTS5's tokenizing included), so the rows of 50k files are never held at once. Until `close`
commits, no other pln sees any of them: a run killed on the way leaves the index as it was.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path

from plnjournal.journal import cache


class Stream:
    """Rows for the index of `root`, of one kind, a batch at a time."""

    def __init__(self, root: Path, kind: str) -> None:
        self._batches: queue.SimpleQueue[list[cache.Row] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(
            target=cache.write_batches, args=(root, kind, self._taken(), []), daemon=True
        )
        self._thread.start()

    def add(self, rows: list[cache.Row]) -> None:
        if rows and self._thread.is_alive():  # a thread that could not open the index has gone
            self._batches.put(rows)

    def close(self) -> None:
        """Commit what was added (and wait for it)."""
        self._batches.put(None)
        self._thread.join()

    def _taken(self) -> Iterator[list[cache.Row]]:
        while (batch := self._batches.get()) is not None:
            yield batch
