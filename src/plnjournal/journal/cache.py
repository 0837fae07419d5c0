"""The index in `.pln/index.sqlite`: never the source of truth, only a shortcut past parsing.

One row per Markdown file (as zk keeps its notes, with SQLite from the standard library): the
journal-relative path, its kind, the file's stat key `(size, mtime_ns, ctime_ns)`, the packed parse
(see `packed.py`) with its CRC-32, for an entry its head (the fields reports and `pln
status` read, `packed.HEAD_FIELDS`) and its summary (what status needs of an entry it does not
load, see earlier.py), each with its own CRC, and what `pln search` reads (each searched field's
text, which an FTS5 table mirrors when SQLite has FTS5: see words.py). A row is used only while
its file's stat key is unchanged, so an edit is seen even when its mtime was put back (the ctime
moves); a file changed within the racy window (`RACY_NS`) is not stored at all, since a second
edit in the same tick would keep its stat.

The index is trusted only when whole and current: `PRAGMA user_version` names the format, a meta
row the Python and the record fields it was written for, each row its digest. Anything else
(missing, not a database, truncated, another version, locked, read-only, a folder that cannot be
made) reads as empty and is rebuilt when it can be, else left alone: never an error. SQLite's own
locking lets two processes index at once. Deleting `.pln/` changes no output, only the time.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import sys
import threading
import time
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from plnjournal.journal.files import CACHE_DIR
from plnjournal.journal.packed import READING_RULES, signature
from plnjournal.model import RECORD_TYPES
from plnjournal.search import WEIGHTS

FORMAT = 6
INDEX_FILE = "index.sqlite"
NO_CACHE_VARIABLE = "PLN_NO_CACHE"
# A file changed within this long of being read may change again within the same timestamp tick
# (git's "racily clean" problem): it is parsed again next time rather than trusted.
RACY_NS = 250_000_000
COARSE_RACY_NS = 2_000_000_000  # file systems that keep whole seconds only
DAMAGED = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB: what a half-written or overwritten file gives
MANY_PATHS = 2000  # more paths than this: reading every row of the kind is quicker than looking each up
# Pages of 16 KiB, not SQLite's 4: a row (a file's record, head, summary and words, 1.7 KB on
# average) spills over fewer pages, which makes a first index of 50k entries a quarter quicker to
# write; a one-file update writes a few pages more to the log.
PAGE_BYTES = 16384
BUSY_TIMEOUT = 2.0  # seconds to wait for another pln writing the index, then go without it

Stat = tuple[int, int, int]
Stored = tuple[Stat, bytes, bytes]  # a row read back: stat key, digest, marshalled packed parse
Rows = dict[str, Stored]  # by journal-relative path
# a row to write: path, stat key, packed parse, an entry's packed head and summary, and what
# `pln search` reads (search.indexed_text: each field's text, scoring, rank among equals)
Row = tuple[str, Stat, bytes, bytes | None, bytes | None, tuple[Any, ...] | None]
TEXT_COLUMNS = tuple(f"text_{name}" for name in WEIGHTS)  # the FTS5 table's columns
SEARCHED = (*TEXT_COLUMNS, "scoring", "ranked")
NO_TEXT = (None,) * len(SEARCHED)
PLACES = ", ".join("?" * (11 + len(SEARCHED)))  # an INSERT's values
# the parts of a row `rows` reads: its columns of (digest, bytes)
PARTS = {
    "whole": "digest, packed",
    "head": "ifnull(head_digest, x''), ifnull(head, x'')",
    "summary": "ifnull(summary_digest, x''), ifnull(summary, x'')",
}

_WORDS = ", ".join(TEXT_COLUMNS)
SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"""CREATE TABLE files (
        id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
        size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
        scoring TEXT, ranked TEXT, digest BLOB NOT NULL, packed BLOB NOT NULL, head_digest BLOB,
        head BLOB, summary_digest BLOB, summary BLOB, {_WORDS.replace(",", " TEXT,")} TEXT)""",
    # every file's stat key by kind, apart from the rows (a row is nearly a page of blobs): a
    # search compares all 50k entries' keys by reading 4 MB of this, not 200 MB of rows
    "CREATE INDEX files_stat ON files (kind, path, size, mtime_ns, ctime_ns, scoring)",
    f"PRAGMA user_version = {FORMAT}",
)
# (index_write.py) with recursive triggers on, a row replaced leaves the FTS table by its trigger
INSERT = (
    "INSERT OR REPLACE INTO files (path, kind, size, mtime_ns, ctime_ns, digest, packed, head_digest,"
    f" head, summary_digest, summary, {', '.join(SEARCHED)}) VALUES ({PLACES})"
)
# words as Python's \w+ finds them (search.NOT_PLAIN): letters, digits and "_"; word_uses lists
# each word in each field of each entry (journal/words.py scores with it)
FTS_SCHEMA = (
    f"""CREATE VIRTUAL TABLE words USING fts5({_WORDS}, content = 'files', content_rowid = 'id',
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N*' tokenchars '_'")""",
    "CREATE VIRTUAL TABLE word_uses USING fts5vocab(words, instance)",
    f"""CREATE TRIGGER files_added AFTER INSERT ON files BEGIN
        INSERT INTO words (rowid, {_WORDS}) VALUES (new.id, new.{_WORDS.replace(", ", ", new.")}); END""",
    f"""CREATE TRIGGER files_removed AFTER DELETE ON files BEGIN
        INSERT INTO words (words, rowid, {_WORDS})
        VALUES ('delete', old.id, old.{_WORDS.replace(", ", ", old.")}); END""",
)


def enabled() -> bool:
    """False when the user sets $PLN_NO_CACHE (`pln --no-cache` says it through the Journal)."""
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
    """A check that a row's bytes are the ones stored (a bad sector, a hand edit of the index):
    CRC-32, since nothing here is a secret to guard, and zlib loads in a tenth of hashlib's time."""
    return zlib.crc32(packed).to_bytes(4, "big")


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
        uri = f"{path.absolute().as_uri()}?mode={'rwc' if write else 'ro'}"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    except (OSError, ValueError, sqlite3.Error):
        return None
    try:
        if _is_current(connection):
            return connection
        if write and _rebuild(connection):
            return connection
    except sqlite3.DatabaseError:  # not a database, truncated, locked for too long
        if write and remove_index(path):
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
        connection.execute(f"PRAGMA page_size = {PAGE_BYTES}")  # (a new file's; an old one keeps its own)
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
    """The FTS5 mirror of the `files.text_*` columns, when this SQLite was built with FTS5."""
    try:
        for statement in FTS_SCHEMA:
            connection.execute(statement)
        connection.execute("INSERT INTO meta VALUES ('fts', '1')")
    except sqlite3.OperationalError:  # no such module: fts5
        connection.execute("INSERT INTO meta VALUES ('fts', '0')")


def remove_index(path: Path) -> bool:
    """Delete a file that is not an index (and its journal files); False when that is not allowed."""
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{path}{suffix}").unlink()
    except OSError:
        return False
    return True


def rows(
    root: Path, kind: str, paths: Collection[str] | None = None, *, part: str = "whole"
) -> Iterator[tuple[str, Stored]]:
    """The index's rows of `kind` (only those of `paths` when given), one at a time, so 50k packed
    records are never all held at once; none without an index pln can use, none after an error.
    `part`: the whole packed record, or an entry's head or summary (b"" where none is kept)."""
    select = f"SELECT path, size, mtime_ns, ctime_ns, {PARTS[part]} FROM files WHERE kind = ?"
    by_path = select.replace("kind = ?", "+kind = ?")
    with connect(root, write=False) as connection:
        if connection is None:
            return
        try:
            if paths is None or len(paths) > MANY_PATHS:
                queries = [(select, (kind,))]
            else:
                chosen = sorted(paths)
                queries = [  # `+kind`: look each path up, not every row of the kind (many times quicker)
                    (f"{by_path} AND path IN ({','.join('?' * len(part))})", (kind, *part))
                    for part in (chosen[start : start + 500] for start in range(0, len(chosen), 500))
                ]
            for query, parameters in queries:
                for path, size, mtime, ctime, sha, packed in connection.execute(query, parameters):
                    if paths is None or path in paths:
                        yield path, ((size, mtime, ctime), sha, packed)
        except sqlite3.Error:
            return


def read(root: Path, kind: str) -> Rows:
    """The index's rows of `kind` by path, or {} when there is no index pln can use."""
    return dict(rows(root, kind))


_SETTINGS_TO_KEEP: dict[Path, bytes] = {}  # a journal's root -> its pln.yaml parse, to write


def settings_data(config: Path) -> dict[str, Any] | None:
    """pln.yaml's parse as the index keeps it, when the file is as it was then; else None."""
    try:
        key = stat_key(config.stat())
    except OSError:
        return None
    if not enabled():
        return None
    with connect(config.parent, write=False) as connection:
        try:
            found = (
                connection and connection.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
            )
        except sqlite3.Error:
            return None
    try:
        kept_key, data = marshal.loads(found[0]) if found else (None, None)
    except (EOFError, ValueError, TypeError):
        return None
    return data if kept_key == key and isinstance(data, dict) else None


def keep_settings(config: Path, data: dict[str, Any]) -> None:
    """Have the next write of the index keep pln.yaml's parse (`pln check` writes none)."""
    try:
        key = stat_key(config.stat())
        blob = marshal.dumps((key, data))
    except (OSError, ValueError):  # a value marshal cannot keep: parse the file each time
        return
    if enabled() and is_settled(key, now_ns()):
        _SETTINGS_TO_KEEP[config.parent.resolve()] = blob


def settings_to_keep(root: Path) -> bool:
    """Whether pln.yaml's parse waits to be kept, in an index that is already there."""
    return root in _SETTINGS_TO_KEEP and index_file(root).exists()


def waiting_settings(root: Path, *, taken: bool = False) -> bytes | None:
    """The pln.yaml parse waiting for the next write of the index (`taken`: it has been written)."""
    return _SETTINGS_TO_KEEP.pop(root, None) if taken else _SETTINGS_TO_KEEP.get(root)


def kept(root: Path, name: str) -> bytes | None:
    """What `keep` left under `name`, when its bytes are as stored; None otherwise (or without an
    index pln can use)."""
    return kept_together(root, (name,)).get(name)


def kept_together(root: Path, names: Collection[str]) -> dict[str, bytes]:
    """`kept` of several names read in one statement (so all from the same write of the index),
    each whose bytes are as stored; {} without an index pln can use."""
    written()
    if not enabled():
        return {}
    with connect(root, write=False) as connection:
        try:
            found = (
                connection.execute(
                    f"SELECT key, value FROM meta WHERE key IN ({','.join('?' * len(names))})",
                    tuple(f"kept {name}" for name in names),
                ).fetchall()
                if connection
                else []
            )
        except sqlite3.Error:
            return {}
    blobs = {}
    for key, value in found:
        if isinstance(value, bytes) and len(value) >= 4 and digest(value[4:]) == value[:4]:
            blobs[key.removeprefix("kept ")] = value[4:]
    return blobs


def keep(root: Path, name: str, blob: bytes) -> None:
    """Keep a value worked out from the rows (journal/earlier.py's totals) in an index that is
    there already, until it is rebuilt; the caller checks it still holds when reading it back."""
    keep_together(root, {name: blob})


def keep_together(root: Path, blobs: dict[str, bytes], *, behind: bool = False) -> None:
    """`keep` of several values in one transaction (a reader sees all of them or none).

    `behind`: written from a thread (SQLite works with Python's lock released) while the command
    goes on, as a first index's columns are while its report is made. Any later read of kept
    values in this process waits for it, as does the end of the process (the thread is not a
    daemon) and `written`; another pln that reads before it lands finds none and reads the rows."""
    written()
    if behind:
        thread = threading.Thread(target=_keep_together, args=(root, blobs))
        thread.start()
        _BEHIND.append(thread)
    else:
        _keep_together(root, blobs)


_BEHIND: list[threading.Thread] = []  # kept values still being written by keep_together(behind=True)


def written() -> None:
    """Wait for the kept values still being written (before a read of them, a fork or the end)."""
    while _BEHIND:
        _BEHIND.pop().join()


def _keep_together(root: Path, blobs: dict[str, bytes]) -> None:
    if not enabled() or not index_file(root).exists():
        return
    with connect(root, write=True) as connection:
        if connection is None:
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                ((f"kept {name}", digest(blob) + blob) for name, blob in blobs.items()),
            )
            connection.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")


def clear(root: Path) -> list[Path]:
    """Remove the index (and the record caches of earlier versions of pln); the files removed."""
    written()
    folder = root / CACHE_DIR
    candidates = [*sorted(folder.glob(f"{INDEX_FILE}*")), *sorted(folder.glob("records-*.bin"))]
    removed = []
    for path in candidates:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed
