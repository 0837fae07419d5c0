"""Writing the index (cache.py): rows in one transaction, given at once or streamed as made.

`write` stores what a load parsed and forgets what is gone. The cold load of a big journal
streams instead: `scan.parse_many` hands each batch of rows its workers send back to a `Stream`,
whose thread stores them while the workers read on (SQLite works with Python's lock released,
FTS5's tokenizing included), so the rows of 50k files are never all held at once. The words
`pln search` finds are not split then but by the first search (`fill_words`): a fifth of a cold
run at 50k entries, which a journal never searched never pays. Until the
commit no other pln sees any of them: a run killed on the way leaves the index as it was. A
journal that cannot be written to, or an index another pln holds for too long, just goes
without; an index found damaged on the way (SQLite says so only when it reaches the bad page)
is removed and made anew.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from plnjournal.journal import cache


def write(root: Path, kind: str, rows: Iterable[cache.Row], gone: Iterable[str]) -> None:
    """Store `rows` and forget `gone` (paths of `kind`), in one transaction."""
    write_batches(root, kind, [list(rows)], list(gone))


def write_batches(
    root: Path,
    kind: str,
    batches: Iterable[list[cache.Row]],
    gone: list[str],
    *,
    committed: Callable[[], None] | None = None,
) -> None:
    """`write` of rows that come a batch at a time, still in one transaction; after damage only
    the batches not yet taken go into the new index (each row stands alone, so that is safe).
    `committed` (a `Stream`'s): a first fill of the kind leaves the search words to
    `fill_words`, and the log is copied into the index after the commit, once `committed()`
    has let the command go on."""
    batches = iter(batches)
    for _ in range(2):
        with cache.connect(root, write=True) as connection:
            if connection is None:
                return
            damaged = _store(connection, root, kind, batches, gone, streamed=committed is not None)
            if not damaged and committed is not None:
                committed()
                emptied_log(connection)
        if not damaged or not cache.remove_index(cache.index_file(root)):
            return


class Stream:
    """Rows for the index of `root`, of one kind, `add`ed a batch at a time; `close` commits.

    The commit of 50k files' rows leaves some 80 MB in SQLite's log, which copying into the
    index takes 0.3 s: the thread does it after `close` returns, while the command makes its
    output on the other core; `finished` waits for it (the command line's last step)."""

    def __init__(self, root: Path, kind: str) -> None:
        self._batches: queue.SimpleQueue[list[cache.Row] | None] = queue.SimpleQueue()
        self._committed = threading.Event()
        self._thread = threading.Thread(target=self._write, args=(root, kind), daemon=True)
        self._thread.start()
        _UNDER_WAY.append(self._thread)

    def add(self, rows: list[cache.Row]) -> None:
        if rows and self._thread.is_alive():  # a thread that could not open the index has gone
            self._batches.put(rows)

    def close(self) -> None:
        """Commit what was added (and wait for the commit, not for the copy after it)."""
        self._batches.put(None)
        self._committed.wait()

    def _write(self, root: Path, kind: str) -> None:
        try:
            write_batches(root, kind, self._taken(), [], committed=self._committed.set)
        finally:
            self._committed.set()

    def _taken(self) -> Iterator[list[cache.Row]]:
        while (batch := self._batches.get()) is not None:
            yield batch


def emptied_log(connection: sqlite3.Connection) -> None:
    """Copy SQLite's log into the index and empty it, after a write that left it large. A log
    left full (when a reader of this process outlives the writer, only a writer may remove it)
    is read through by every later pln's first query: 15 ms for the 12 MB a first search's words
    leave. Never waits for another pln reading: its log is then emptied by a later write."""
    with contextlib.suppress(sqlite3.Error):
        connection.execute("PRAGMA busy_timeout = 0")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


_UNDER_WAY: list[threading.Thread] = []  # streams' threads, maybe still copying their log


def finished() -> None:
    """Wait for every stream's thread to end (its log copied into the index) and for the kept
    values still being written."""
    while _UNDER_WAY:
        _UNDER_WAY.pop().join()
    cache.written()


def _store(
    connection: sqlite3.Connection,
    root: Path,
    kind: str,
    batches: Iterator[list[cache.Row]],
    gone: list[str],
    streamed: bool,
) -> bool:
    """Write the rows; True when the index turned out to be damaged."""
    try:
        connection.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: never damaged, only the last lost
        connection.execute("PRAGMA recursive_triggers = ON")  # see cache.INSERT
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("DELETE FROM files WHERE path = ?", ((path,) for path in gone))
        if streamed:  # no copy of the log into the index at the commit: write_batches does it
            connection.execute("PRAGMA wal_autocheckpoint = 0")
        words = _Words(connection, kind, later=streamed)
        for rows in batches:
            connection.executemany(cache.INSERT, (_columns(kind, row) for row in rows))
            words.stored()
        words.done()
        settings = cache.waiting_settings(root)
        if settings is not None:
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('settings', ?)", (settings,))
        connection.execute("COMMIT")
        cache.waiting_settings(root, taken=True)
    except sqlite3.Error as problem:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        return getattr(problem, "sqlite_errorcode", None) in cache.DAMAGED
    return False


_TRIGGERS = tuple(statement for statement in cache.FTS_SCHEMA if "CREATE TRIGGER" in statement)
_WORDS = ", ".join(cache.TEXT_COLUMNS)
_ADD_WORDS = f"INSERT INTO words (rowid, {_WORDS}) SELECT id, {_WORDS} FROM files WHERE id > ? AND kind = ?"


class _Words:
    """The FTS5 table's side of a write. When the index holds no file of `kind` yet (a first run,
    a fresh clone, a new version), each batch's rows go into it in one statement once stored, not
    one by one through the triggers: 50k entries took 2.2 s that way, 0.85 s this way, and batch
    by batch it is done while the workers parse on. Within the transaction, so no other pln ever
    sees the triggers gone; any other write keeps them.

    `later` (the cold load's stream): the words are not added at all; the table is left without
    its triggers and `meta.fts` says 'later', until `fill_words` adds every row's at once. While
    it says so, no write touches the table, and `pln search` trusts it only once filled."""

    def __init__(self, connection: sqlite3.Connection, kind: str, later: bool = False) -> None:
        self.connection, self.kind, self.later = connection, kind, later
        found = connection.execute("SELECT 1 FROM files WHERE kind = ? LIMIT 1", (kind,)).fetchone()
        fts = connection.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone() == ("1",)
        self.bulk = found is None and fts
        if self.bulk:
            connection.execute("DROP TRIGGER files_added")
            connection.execute("DROP TRIGGER files_removed")
            self.after = self._last()
        if self.bulk and later:
            connection.execute("UPDATE meta SET value = ? WHERE key = 'fts'", (WORDS_LATER,))

    def stored(self) -> None:
        """Add the rows stored since the last call (each new row's id is above every other's)."""
        if self.bulk and not self.later:
            self.connection.execute(_ADD_WORDS, (self.after, self.kind))
            self.after = self._last()

    def done(self) -> None:
        if self.bulk and not self.later:
            for statement in _TRIGGERS:
                self.connection.execute(statement)

    def _last(self) -> int:
        return self.connection.execute("SELECT ifnull(max(id), 0) FROM files").fetchone()[0]


WORDS_LATER = "later"  # meta.fts while the words table waits for `fill_words`


def fill_words(root: Path) -> bool:
    """Split every stored row's text into the FTS5 table at once, when a cold load left it for
    later, and put its triggers back; whether the table then holds every row's words (False:
    no FTS5, or an index that cannot be written now, and `pln search` reads the records)."""
    with cache.connect(root, write=True) as connection:
        if connection is None:
            return False
        try:
            connection.execute("BEGIN IMMEDIATE")
            state = connection.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()
            if state == (WORDS_LATER,):
                connection.execute("INSERT INTO words (words) VALUES ('rebuild')")
                for statement in (
                    "DROP TRIGGER IF EXISTS files_added",
                    "DROP TRIGGER IF EXISTS files_removed",
                    *_TRIGGERS,
                ):
                    connection.execute(statement)
                connection.execute("UPDATE meta SET value = '1' WHERE key = 'fts'")
            connection.execute("COMMIT")
            emptied_log(connection)
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            return False
    return state in (("1",), (WORDS_LATER,))


def _columns(kind: str, row: cache.Row) -> tuple[object, ...]:
    """A row as `cache.INSERT` takes it: each blob with its digest."""
    path, key, packed, head, summary, text = row
    checked = (*_checked(head), *_checked(summary))
    return (path, kind, *key, cache.digest(packed), packed, *checked, *(text or cache.NO_TEXT))


def _checked(blob: bytes | None) -> tuple[bytes | None, bytes | None]:
    return (None, None) if blob is None else (cache.digest(blob), blob)
