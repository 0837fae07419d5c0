"""The index in `.pln/index.sqlite`: never the source of truth, only a shortcut past parsing.

One row per Markdown file (as zk keeps its notes, with SQLite from the standard library): the
journal-relative path, its kind, the file's stat key `(size, mtime_ns, ctime_ns)`, the packed parse
(see `packed.py`) with its BLAKE2 digest, and the text `pln search` looks in, which an FTS5 table
mirrors when SQLite has FTS5. A row is used only while its file's stat key is unchanged, so an edit
is seen even when its mtime was put back (the ctime moves); a file changed within the racy window
(`RACY_NS`) is not stored at all, since a second edit in the same tick would keep its stat.

The index is trusted only when whole and current: `PRAGMA user_version` names the format, a meta
row the Python and the record fields it was written for, each row its digest. Anything else
(missing, not a database, truncated, another version, locked, read-only, a folder that cannot be
made) reads as empty and is rebuilt when it can be, else left alone: never an error. SQLite's own
locking lets two processes index at once. Deleting `.pln/` changes no output, only the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from plnjournal.journal.packed import READING_RULES, signature
from plnjournal.journal.settings import CACHE_DIR
from plnjournal.model import RECORD_TYPES

FORMAT = 2
INDEX_FILE = "index.sqlite"
DIGEST_SIZE = 16
NO_CACHE_VARIABLE = "PLN_NO_CACHE"
# A file changed within this long of being read may change again within the same timestamp tick
# (git's "racily clean" problem): it is parsed again next time rather than trusted.
RACY_NS = 250_000_000
COARSE_RACY_NS = 2_000_000_000  # file systems that keep whole seconds only
BUSY_TIMEOUT = 2.0  # seconds to wait for another pln writing the index, then go without it

Stat = tuple[int, int, int]
Stored = tuple[Stat, bytes, bytes]  # a row read back: stat key, digest, marshalled packed parse
Rows = dict[str, Stored]  # by journal-relative path
Row = tuple[str, Stat, bytes, str | None]  # a row to write: path, stat key, packed parse, search text

SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE files (
        id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
        size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
        digest BLOB NOT NULL, packed BLOB NOT NULL, text TEXT)""",
    "CREATE INDEX files_kind ON files (kind)",
    f"PRAGMA user_version = {FORMAT}",
)
FTS_SCHEMA = (
    """CREATE VIRTUAL TABLE words USING fts5(
        text, content = 'files', content_rowid = 'id', tokenize = "unicode61 remove_diacritics 0")""",
    """CREATE TRIGGER files_added AFTER INSERT ON files BEGIN
        INSERT INTO words (rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER files_removed AFTER DELETE ON files BEGIN
        INSERT INTO words (words, rowid, text) VALUES ('delete', old.id, old.text); END""",
)


def enabled() -> bool:
    """False under `pln --no-cache` (which sets $PLN_NO_CACHE) or when the user sets it."""
    return not os.environ.get(NO_CACHE_VARIABLE)


def index_file(root: Path) -> Path:
    return root / CACHE_DIR / INDEX_FILE


def stat_key(stat: os.stat_result) -> Stat:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def is_settled(key: Stat, now_ns: int) -> bool:
    """True when the file's last change is old enough that an equal stat means equal bytes."""
    _, mtime, ctime = key
    whole_seconds = mtime % 1_000_000_000 == 0 and ctime % 1_000_000_000 == 0
    return now_ns - max(mtime, ctime) > (COARSE_RACY_NS if whole_seconds else RACY_NS)


def now_ns() -> int:
    return time.time_ns()


def digest(packed: bytes) -> bytes:
    return hashlib.blake2b(packed, digest_size=DIGEST_SIZE).digest()


def _meta() -> str:
    """What the rows depend on: the Python that marshalled them, every kind's record fields and
    the rules that read values (a file unchanged since may read differently now)."""
    return f"{sys.hexversion} {READING_RULES} " + " ".join(signature(kind) for kind in RECORD_TYPES)


@contextlib.contextmanager
def connect(root: Path, *, write: bool) -> Iterator[sqlite3.Connection | None]:
    """A connection to a whole, current index, or None (no index, or one pln cannot use).

    Reading never creates anything; writing makes `.pln/` and (re)builds an index that is
    missing, damaged or of another version."""
    path = index_file(root)
    connection = _open(path, write=write)
    try:
        yield connection
    finally:
        if connection is not None:
            connection.close()


def _open(path: Path, *, write: bool) -> sqlite3.Connection | None:
    if not write and not path.exists():
        return None
    try:
        if write:
            path.parent.mkdir(exist_ok=True)
        uri = f"{path.as_uri()}?mode={'rwc' if write else 'ro'}"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    except (OSError, sqlite3.Error):
        return None
    try:
        if _is_current(connection):
            return connection
        if write and _rebuild(connection):
            return connection
    except sqlite3.DatabaseError:  # not a database, truncated, locked for too long
        if write and _remove(path):
            connection.close()
            return _open(path, write=True)
    connection.close()
    return None


def _is_current(connection: sqlite3.Connection) -> bool:
    if connection.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
        return False
    found = connection.execute("SELECT value FROM meta WHERE key = 'rows'").fetchone()
    return found is not None and found[0] == _meta()


def _rebuild(connection: sqlite3.Connection) -> bool:
    """Drop whatever the file held and make an empty index of this version; False if it cannot."""
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        if _is_current(connection):  # another pln rebuilt it while this one waited
            connection.execute("COMMIT")
            return True
        tables = connection.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        for kind, name in list(tables):
            if kind in ("table", "view"):
                connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        for statement in SCHEMA:
            connection.execute(statement)
        _add_words_table(connection)
        connection.execute("INSERT INTO meta VALUES ('rows', ?)", (_meta(),))
        connection.execute("COMMIT")
        return True
    except sqlite3.Error:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        return False


def _add_words_table(connection: sqlite3.Connection) -> None:
    """The FTS5 mirror of `files.text`, when this SQLite was built with FTS5."""
    try:
        for statement in FTS_SCHEMA:
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('fts', '1')")
    except sqlite3.OperationalError:  # no such module: fts5
        connection.execute("INSERT INTO meta VALUES ('fts', '0')")


def _remove(path: Path) -> bool:
    """Delete a file that is not an index (and its journal files); False when that is not allowed."""
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
    except OSError:
        return False
    return True


def read(root: Path, kind: str) -> Rows:
    """The index's rows of `kind`, or {} when there is no index pln can use."""
    with connect(root, write=False) as connection:
        if connection is None:
            return {}
        try:
            found = connection.execute(
                "SELECT path, size, mtime_ns, ctime_ns, digest, packed FROM files WHERE kind = ?", (kind,)
            )
            return {
                path: ((size, mtime, ctime), sha, packed) for path, size, mtime, ctime, sha, packed in found
            }
        except sqlite3.Error:
            return {}


def write(root: Path, kind: str, rows: Iterable[Row], gone: Iterable[str]) -> None:
    """Store `rows` and forget `gone` (paths of `kind`), in one transaction; a journal that cannot
    be written to, or an index another pln holds for too long, just goes without."""
    with connect(root, write=True) as connection:
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            rows = list(rows)  # a replaced row is deleted first, so its words leave the FTS table too
            stale = [*gone, *(path for path, *_ in rows)]
            connection.executemany("DELETE FROM files WHERE path = ?", ((path,) for path in stale))
            connection.executemany(
                "INSERT INTO files (path, kind, size, mtime_ns, ctime_ns, digest, packed, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((path, kind, *key, digest(packed), packed, text) for path, key, packed, text in rows),
            )
            connection.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")


def clear(root: Path) -> list[Path]:
    """Remove the index (and the record caches of earlier versions of pln); the files removed."""
    folder = root / CACHE_DIR
    candidates = [*sorted(folder.glob(f"{INDEX_FILE}*")), *sorted(folder.glob("records-*.bin"))]
    removed = []
    for path in candidates:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed
