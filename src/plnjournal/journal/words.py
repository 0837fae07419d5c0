"""`pln search` through the index's FTS5 table: which entries to read, and the best ones scored in SQL.

The `words` table (cache.FTS_SCHEMA) holds each entry's searched fields as columns, split into
words as Python's `\\w+` splits them; `word_uses` lists every word of every field. For an entry
whose text is plain (`search.NOT_PLAIN`), whose file has no problem to tell and is as the index
holds it, SQLite counts the words beginning with each query word in each field and scores them as
`search._hit` does; the other entries (changed, not indexed, giving no record or a problem to
tell, or not plain and holding the words) are read and scored from their records. `pln search`
then reads only the best `limit` of the scored entries and those others: thousands of matches
cost a query, not thousands of records. With entry filters, without an index or FTS5, or with
query words beyond ASCII, `candidates` or a whole load takes over; the results are the same.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from plnjournal.journal import index_write
from plnjournal.journal.cache import TEXT_COLUMNS, Stat, connect
from plnjournal.search import REPEATS_COUNTED, WEIGHTS

Keys = dict[str, Stat | None]

_POINTS = " ".join(f"WHEN '{column}' THEN {WEIGHTS[column[5:]]}" for column in TEXT_COLUMNS)
# The best entries holding every query word (`?`: how many words, then how many entries) with
# how many there are; the words' ranges come in a VALUES list, the entries not to score in
# temp.unscored; ties in the order `search.search` gives (newer first, then by path)
SCORED = f"""
    WITH query (n, low, high) AS (VALUES {{words}}),
    uses AS (
        SELECT doc, col, n, count(*) AS times FROM query JOIN word_uses ON term >= low AND term < high
        WHERE doc NOT IN (SELECT id FROM temp.unscored) GROUP BY doc, col, n),
    scored AS (
        SELECT doc, sum((CASE col {_POINTS} END) * (2 + min(times, {{repeats}}))) AS score FROM uses
        GROUP BY doc HAVING count(DISTINCT n) = ?)
    SELECT path, count(*) OVER () FROM scored JOIN files ON files.id = doc
    ORDER BY score DESC, ranked DESC, replace(path, '/', char(0)) LIMIT ?"""


def _usable(connection: sqlite3.Connection | None, words: tuple[str, ...], root: Path) -> bool:
    """FTS5 folds case as Python does for ASCII only: other words take a scan of the records.
    A table a cold load left to fill is filled now (once), or the records are read."""
    if connection is None or not words or not all(word.isascii() for word in words):
        return False
    state = connection.execute("SELECT value FROM meta WHERE key = 'fts'").fetchall()
    if state == [(index_write.WORDS_LATER,)]:
        return index_write.fill_words(root)
    return state == [("1",)]


def _matching(connection: sqlite3.Connection, words: tuple[str, ...]) -> set[int]:
    """The row ids of the entries whose fields hold a word beginning with each query word."""
    query = " AND ".join(f'"{word}"*' for word in words)
    return {rowid for (rowid,) in connection.execute("SELECT rowid FROM words WHERE words MATCH ?", (query,))}


def candidates(root: Path, words: tuple[str, ...], keys: Keys) -> set[str] | None:
    """The entry files `pln search` must read: those whose indexed text the FTS5 table finds with
    every word beginning a word, those with no text (files that give no record, so their problem
    is told), and every file the index does not hold as it is now (`keys`: each file's stat key).
    None (read them all) without an index, FTS5 or words it can take."""
    with connect(root, write=False) as connection:
        try:
            if not _usable(connection, words, root):
                return None
            found = _matching(connection, words)  # type: ignore[arg-type]
            rows = connection.execute(  # type: ignore[union-attr]
                "SELECT id, path, size, mtime_ns, ctime_ns, scoring FROM files WHERE kind = 'entry'"
            )
            unwanted = {
                path: (size, mtime, ctime)
                for rowid, path, size, mtime, ctime, scoring in rows
                if scoring in ("sql", "records") and rowid not in found
            }
        except sqlite3.Error:
            return None
    return {path for path, key in keys.items() if unwanted.get(path, False) != key}


class Ranking:
    """For `load(..., narrow_entries=...)` in `pln search` without filters: the entries to read
    are the best `limit` that SQLite scored and every entry it could not; `counted` then says how
    many entries it found holding every word (None: it scored none, count the hits)."""

    def __init__(self, root: Path, words: tuple[str, ...], limit: int) -> None:
        self.root, self.words, self.limit = root, words, limit
        self.counted: int | None = None
        self.unscored: set[str] = set()  # the paths read to be scored from their records

    def __call__(self, keys: Keys) -> set[str] | None:
        with connect(self.root, write=False) as connection:
            try:
                if not _usable(connection, self.words, self.root):
                    return None
                best = self._score(connection, keys)  # type: ignore[arg-type]
            except sqlite3.Error:
                self.counted = None
                return None
        return {*best, *self.unscored}

    def total(self, hits: int, unscored_hits: int) -> int:
        """How many entries hold every word: those SQLite counted and those scored from records
        (`hits`, `unscored_hits`: of the entries read, how many matched, and of those unscored)."""
        return hits if self.counted is None else self.counted + unscored_hits

    def _score(self, connection: sqlite3.Connection, keys: Keys) -> list[str]:
        """The best `limit` entries SQLite may score, best first; `unscored` gets the others to read."""
        rows = connection.execute(
            "SELECT id, path, size, mtime_ns, ctime_ns, scoring FROM files WHERE kind = 'entry'"
        )
        current: set[str] = set()  # scored by SQLite
        skipped: list[tuple[int]] = []
        not_plain: dict[int, str] = {}
        for rowid, path, size, mtime, ctime, scoring in rows:
            if scoring == "sql" and keys.get(path, False) == (size, mtime, ctime):
                current.add(path)
                continue
            skipped.append((rowid,))
            if scoring == "records" and keys.get(path, False) == (size, mtime, ctime):
                not_plain[rowid] = path
        found = _matching(connection, self.words) if not_plain else set()
        self.unscored = {path for path in keys if path not in current and path not in not_plain}
        self.unscored |= {path for rowid, path in not_plain.items() if rowid in found}
        connection.execute("CREATE TEMP TABLE unscored (id INTEGER PRIMARY KEY)")
        connection.executemany("INSERT INTO temp.unscored VALUES (?)", skipped)
        ranges = [(n, word, word[:-1] + chr(ord(word[-1]) + 1)) for n, word in enumerate(self.words)]
        query = SCORED.format(words=", ".join("(?, ?, ?)" for _ in ranges), repeats=REPEATS_COUNTED)
        parameters = (*(value for word in ranges for value in word), len(ranges), self.limit)
        best = connection.execute(query, parameters).fetchall()
        self.counted = best[0][1] if best else 0
        return [path for path, _ in best]
