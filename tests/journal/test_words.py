"""`pln search` scored in SQL (journal/words.py): FTS5 splits plain text into the very words Python
finds, and every search gives what `--no-cache` gives, whatever happened to the files or the index."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from plnjournal.journal import cache, index_write, words
from plnjournal.search import NOT_PLAIN
from tests.helpers import invoke, write
from tests.journal.test_cache import settle

WORD = re.compile(r"\w+")


def test_fts5_splits_plain_text_into_the_words_python_finds() -> None:
    """Every plain character, inside a word, starting one, ending one, upper-cased and alone."""
    connection = sqlite3.connect(":memory:")
    for statement in (*cache.SCHEMA, *cache.FTS_SCHEMA):
        connection.execute(statement)
    plain = [chr(code) for code in range(0x2070) if not NOT_PLAIN.search(chr(code))]
    assert len(plain) > 600 and "é" in plain and "_" in plain and "İ" not in plain
    texts = [f"w{char}w {char}x x{char} {char.upper()}q {char}" for char in plain]
    columns = ", ".join(cache.TEXT_COLUMNS)
    connection.executemany(
        f"INSERT INTO files (path, kind, size, mtime_ns, ctime_ns, digest, packed, {columns})"
        " VALUES (?, 'entry', 0, 0, 0, x'', x'', ?, '', '', '', '', ?)",
        ((f"{n}.md", text, text) for n, text in enumerate(texts)),
    )
    split: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for term, doc, column, offset in connection.execute("SELECT term, doc, col, offset FROM word_uses"):
        split.setdefault((doc, column), []).append((offset, term))
    for doc, text in enumerate(texts, 1):
        python = [word.lower() for word in WORD.findall(text)]
        for column in ("text_title", "text_body"):
            assert [term for _, term in sorted(split.get((doc, column), []))] == python, repr(text)


ENTRIES = [
    ("2024-01-05", None, "Grading for equity", "Graded the quiz twice. Grading is slow.", {}),
    ("2024-01-05", "09:00", "Grading talk", "Grading grading grading grading.", {"next": "Try grading live"}),
    ("2024-01-05", "09:00", "Grading talk", "Same again", {"applied": "Graded live"}),
    ("2024-02-11", "17:30", "Rubric_notes on grading", "snake_case words: grading_rubric", {}),
    ("2024-03-01", None, "İstanbul grading trip", "Grading abroad.", {}),
    ("2024-03-02", None, "日本 grading", "Grading notes.", {"impact": "Students graded peers"}),
    ("2024-03-03", None, "Naïve grading", "Café chat about grading.", {}),
    ("2024-04-04", None, "Quiet", "Nothing to see", {"growth": "{pedagogy: grading with rubrics}"}),
    ("2024-04-05", None, "Feedback", "Rubric feedback, rubric feedback, rubric.", {"private": "true"}),
    ("2024-04-06", None, "Odd one", "Grading.", {"minutes": "lots"}),
    ("2024-04-07", None, "Odd two", "Nothing here", {"minutes": "lots"}),
]
QUERIES = [("grading",), ("grad",), ("rubric", "feedback"), ("grading", "rubric"), ("graded",), ("zzz",)]


@pytest.fixture(params=["one process", "cold stream"])
def searched(tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The entries, indexed; "cold stream" parses them on several processes, as a big journal's
    first run does, which leaves the words to the first search."""
    if request.param == "cold stream":
        monkeypatch.setenv("PLN_PARALLEL_MIN_FILES", "2")
    root = tmp_path / "journal"
    (root / "entries").mkdir(parents=True)
    write(root / "pln.yaml", "daily_minutes_goal: 20\n")
    for n, (day, time, title, body, more) in enumerate(ENTRIES):
        keys = "".join(f"{key}: {value}\n" for key, value in more.items())
        at = f"time: '{time}'\n" if time else ""
        write(
            root / "entries" / day[:4] / f"{day}-e{n}.md",
            f"---\ndate: {day}\n{at}title: {title}\n{keys}---\n{body}\n",
        )
    write(root / "entries" / "2024" / "2024-05-01-broken.md", "---\ndate: [grading\n---\nGrading\n")
    invoke("--journal", str(root), "list", "entries")
    settle()
    invoke("--journal", str(root), "list", "entries")  # every file indexed
    return root


def same_as_no_cache(root: Path, *args: str) -> str:
    cached = invoke("--journal", str(root), "search", *args)
    fresh = invoke("--journal", str(root), "--no-cache", "search", *args)
    assert cached.exit_code == fresh.exit_code == 0, cached.stderr
    assert (cached.stdout, cached.stderr) == (fresh.stdout, fresh.stderr)
    return cached.stdout + cached.stderr


def every_search(root: Path) -> list[str]:
    seen = []
    for query in QUERIES:
        for more in ((), ("--limit", "1"), ("--limit", "2", "--format", "json"), ("--format", "json")):
            seen.append(same_as_no_cache(root, *query, *more))
    return seen


def scored_in_sql(monkeypatch) -> list[int]:
    """How many entries each search read, when SQLite scored the others."""
    reads: list[int] = []
    real = words.Ranking.__call__

    def spy(self, keys):
        found = real(self, keys)
        if self.counted is not None:
            reads.append(len(found))
        return found

    monkeypatch.setattr(words.Ranking, "__call__", spy)
    return reads


def test_searches_scored_in_sql_are_the_same_as_no_cache(searched: Path, monkeypatch) -> None:
    reads = scored_in_sql(monkeypatch)
    seen = every_search(searched)
    assert len(reads) == len(QUERIES) * 4
    # `grading --limit 1`: the best, two not plain, two with a problem to tell and one giving no record
    assert reads[1] == 6
    assert "9 entries match; showing the best 1" in seen[1]
    assert "2024-05-01-broken.md" in seen[0]  # its problem is told


def test_a_hand_edit_an_mtime_put_back_a_new_and_a_removed_file_are_seen(searched: Path) -> None:
    before = every_search(searched)
    path = searched / "entries" / "2024" / "2024-01-05-e0.md"
    stat = path.stat()
    path.write_text(path.read_text().replace("Grading for equity", "Rubric for equit"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert every_search(searched) != before
    settle()
    every_search(searched)
    write(
        searched / "entries" / "2024" / "2024-06-01-new.md",
        "---\ndate: 2024-06-01\ntitle: Grading anew\n---\n",
    )
    (searched / "entries" / "2024" / "2024-02-11-e3.md").unlink()
    every_search(searched)
    settle()
    every_search(searched)


def _no_fts(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'fts'")


def _no_words_table(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE word_uses")


def _other_version(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {cache.FORMAT - 1}")


@pytest.mark.parametrize(
    "damage", [_no_fts, _no_words_table, _other_version], ids=["fts-off", "no-vocab", "old"]
)
def test_an_index_without_fts5_or_of_another_version_gives_the_same(searched: Path, damage) -> None:
    expected = every_search(searched)
    damage(cache.index_file(searched))
    assert every_search(searched) == expected


def test_entry_filters_and_words_beyond_ascii_take_the_records(searched: Path, monkeypatch) -> None:
    reads = scored_in_sql(monkeypatch)
    same_as_no_cache(searched, "grading", "--from", "2024-03-01")
    same_as_no_cache(searched, "grading", "--where", "title~grading", "--format", "json")
    same_as_no_cache(searched, "naïve")
    same_as_no_cache(searched, "İstanbul")
    assert reads == []


def fts_state(root: Path) -> str:
    with sqlite3.connect(cache.index_file(root)) as connection:
        return connection.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()[0]


def test_a_cold_stream_leaves_the_words_to_the_first_search_which_fills_them_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLN_PARALLEL_MIN_FILES", "2")
    root = tmp_path / "journal"
    for n in range(6):
        write(root / "entries" / "2024" / f"2024-01-0{n + 1}-e{n}.md", f"---\ndate: 2024-01-0{n + 1}\n"
              f"title: Grading talk {n}\n---\nRubric {n}\n")  # fmt: skip
    write(root / "pln.yaml", "daily_minutes_goal: 20\n")
    settle()
    assert invoke("--journal", str(root), "list", "entries").exit_code == 0
    assert fts_state(root) == index_write.WORDS_LATER
    with sqlite3.connect(cache.index_file(root)) as connection:
        assert connection.execute("SELECT count(*) FROM word_uses").fetchone() == (0,)
    same_as_no_cache(root, "grading")
    assert fts_state(root) == "1"
    log = Path(f"{cache.index_file(root)}-wal")  # emptied: no later pln reads through it
    assert not log.exists() or log.stat().st_size == 0
    with sqlite3.connect(cache.index_file(root)) as connection:  # every row's words, once each
        uses = connection.execute("SELECT count(*) FROM word_uses WHERE term = 'grading'").fetchone()
    assert uses == (6,)


def test_words_left_for_later_in_an_index_another_pln_is_writing_are_read_from_the_records(
    searched: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "BUSY_TIMEOUT", 0.1)
    reads = scored_in_sql(monkeypatch)
    with sqlite3.connect(cache.index_file(searched)) as connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = 'fts'", (index_write.WORDS_LATER,))
    expected = invoke("--journal", str(searched), "--no-cache", "search", "grading").stdout
    writing = sqlite3.connect(cache.index_file(searched), isolation_level=None)
    writing.execute("BEGIN IMMEDIATE")
    try:
        assert invoke("--journal", str(searched), "search", "grading").stdout == expected
        assert reads == []  # not scored by SQLite: the table was not trusted
    finally:
        writing.execute("ROLLBACK")
        writing.close()
    assert invoke("--journal", str(searched), "search", "grading").stdout == expected
    assert fts_state(searched) == "1"
    assert len(reads) == 1
