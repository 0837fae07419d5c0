"""The index's entry columns (journal/columns.py): a report served from them gives what
`pln --no-cache` gives, whatever happened to the files or to the columns since they were kept."""

from __future__ import annotations

import marshal
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from plnjournal.journal import cache, columns
from plnjournal.journal.load import load
from plnjournal.journal.packed import HEAD_FIELDS
from plnjournal.journal.walk import scan
from plnjournal.reports import growth
from tests.helpers import invoke, write
from tests.journal.test_cache import outputs, settle

GROWTH = ("report", "--growth", "--format", "json")
ODD = """---
date: 2025-09-{day:02d}
title: {title}
space: sschat
people: [dana-whitfield]
growth:
  cognitive: "  {title}, noted  "
  wisdom: a dimension pln does not know
minutes: 20
---
Body.
"""


def kept_paths(root: Path) -> dict[str, cache.Stat]:
    """The files the columns hold, with the stat key kept for each ({} without columns)."""
    blobs = cache.kept_together(root, [columns.PREFIX + "paths", columns.PREFIX + "keys"])
    if len(blobs) < 2:
        return {}
    paths = marshal.loads(blobs[columns.PREFIX + "paths"])[2]
    keys = marshal.loads(marshal.loads(blobs[columns.PREFIX + "keys"])[1])
    return dict(zip(paths, keys, strict=True))


def warm(root: Path) -> None:
    """Index the journal and keep its columns: a cold run parses, the next stores the rows (once
    settled), the one after keeps the columns from them."""
    write(root / "entries/2025/2025-09-01-odd.md", ODD.format(day=1, title="Odd one"))
    write(root / "entries/2062/2062-03-01-typo.md", ODD.format(day=2, title="A typo").replace("2025", "2062"))
    settle()
    for _ in range(3):  # (a report to share: its output is never kept whole, journal/outputs.py)
        assert invoke("--journal", str(root), *GROWTH[:-1], "markdown").exit_code == 0
    assert len(kept_paths(root)) == len(scan(root, "entry"))


def same_as_no_cache(root: Path, *args: str) -> str:
    cached, fresh = outputs(root, *args)
    assert cached == fresh
    return cached


@pytest.mark.parametrize(
    "args",
    [
        GROWTH,
        ("report", "--growth", "--by", "week", "--from", "2025-09-01", "--format", "json"),
        ("report", "--growth", "--with", "dana-whitfield", "--format", "json"),
        ("report", "--growth", "--space", "sschat", "--tag", "grading", "--format", "json"),
        ("report", "--growth", "--where", "engagement=read", "--format", "json"),
        ("report", "--growth", "--to", "2062-12-31", "--format", "csv", "--include-private"),
        ("report", "--growth", "--format", "markdown"),
        ("report", "--growth", "--redact", "--format", "json"),
        ("report", "--network", "--format", "json"),
        ("report", "--engagement", "--by", "quarter", "--format", "json"),
        ("report", "--impact", "--format", "json"),
    ],
)
def test_reports_served_from_the_columns_are_the_same_as_no_cache(
    example_journal: Path, args: tuple[str, ...]
) -> None:
    warm(example_journal)
    seen = same_as_no_cache(example_journal, *args)
    if args == GROWTH:  # the warnings name the file and line, served from the columns too
        assert "entries/2025/2025-09-01-odd.md:6: growth: 'wisdom'" in seen
        assert "left out entries/2062/2062-03-01-typo.md:2" in seen
        assert "Odd one, noted" in seen


def test_an_entry_served_from_the_columns_equals_its_head(example_journal: Path) -> None:
    """Each field asked for is the head's (dates as dates, lines shared), the others unset."""
    warm(example_journal)
    asked = ("id", "path", "lines", "date", "time", "private", *growth.FIELDS)
    heads = {entry.path: entry for entry in load(example_journal, entry_heads=True).entries}
    served = load(example_journal, entry_heads=True, entry_fields=asked).entries
    assert len(served) == len(heads)
    for entry in served:
        assert all(getattr(entry, name) == getattr(heads[entry.path], name) for name in asked)
        with pytest.raises(AttributeError):
            _ = entry.title
    all_fields = load(example_journal, entry_heads=True, entry_fields=HEAD_FIELDS).entries
    for entry in all_fields:
        assert all(getattr(entry, name) == getattr(heads[entry.path], name) for name in HEAD_FIELDS)


def test_edits_an_mtime_put_back_new_and_removed_files_are_never_served(example_journal: Path) -> None:
    warm(example_journal)
    odd = example_journal / "entries/2025/2025-09-01-odd.md"
    before = odd.stat()
    odd.write_text(ODD.format(day=1, title="Odd two"), encoding="utf-8")  # the same size
    os.utime(odd, ns=(before.st_atime_ns, before.st_mtime_ns))  # and its mtime put back
    assert "Odd two, noted" in same_as_no_cache(example_journal, *GROWTH)
    settle()
    write(example_journal / "entries/2025/2025-09-03-new.md", ODD.format(day=3, title="New one"))
    (example_journal / "entries/2062/2062-03-01-typo.md").unlink()
    seen = same_as_no_cache(example_journal, *GROWTH)
    assert "New one, noted" in seen and "2062" not in seen
    settle()
    same_as_no_cache(example_journal, *GROWTH)
    kept = kept_paths(example_journal)  # kept again: the share of files from their rows grew
    assert kept[str(odd.relative_to(example_journal))] == cache.stat_key(odd.stat())
    assert "entries/2062/2062-03-01-typo.md" not in kept
    with sqlite3.connect(cache.index_file(example_journal)) as connection:  # its row is forgotten too
        assert not connection.execute("SELECT 1 FROM files WHERE path LIKE 'entries/2062/%'").fetchall()


def test_a_few_files_behind_are_read_from_their_rows_and_more_keep_the_columns_again() -> None:
    listed: list[tuple[str, cache.Stat | None]] = [(f"entries/{n}.md", (1, 2, 3)) for n in range(1000)]
    assert not columns.stale(listed, 10)  # an edit or ten in a thousand: their rows serve them
    assert columns.stale(listed, 11)
    assert not columns.stale([], 0)


def _flip_a_byte(blob: bytes) -> bytes:
    return blob[:-1] + bytes([blob[-1] ^ 1])


def _other_write(blob: bytes) -> bytes:
    """A column of another write of the columns (another token)."""
    _, *rest = marshal.loads(blob[4:])
    value = marshal.dumps((os.urandom(8), *rest))
    return cache.digest(value) + value


def _other_format(blob: bytes) -> bytes:
    _, token, paths = marshal.loads(blob[4:])
    value = marshal.dumps((columns.FORMAT + 1, token, paths))
    return cache.digest(value) + value


def _one_value_short(blob: bytes) -> bytes:
    token, values = marshal.loads(blob[4:])
    value = marshal.dumps((token, values[:-1]))
    return cache.digest(value) + value


def _not_marshal(blob: bytes) -> bytes:
    return cache.digest(b"\xff\xfe") + b"\xff\xfe"


@pytest.mark.parametrize(
    ("column", "damage"),
    [
        ("growth", _flip_a_byte),
        ("minutes", _other_write),
        ("paths", _other_format),
        ("date", _one_value_short),
        ("people", _not_marshal),
        ("keys", None),  # deleted
    ],
)
def test_damaged_or_mismatched_columns_are_not_trusted(example_journal: Path, column: str, damage) -> None:
    warm(example_journal)
    key = f"kept {columns.PREFIX}{column}"
    with sqlite3.connect(cache.index_file(example_journal)) as connection:
        if damage is None:
            connection.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            (blob,) = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            connection.execute("UPDATE meta SET value = ? WHERE key = ?", (damage(blob), key))
    assert columns.serve(example_journal, scan(example_journal, "entry"), HEAD_FIELDS) == ({}, [])
    same_as_no_cache(example_journal, *GROWTH)
    same_as_no_cache(example_journal, "report", "--network", "--format", "json")
    assert len(kept_paths(example_journal)) == len(scan(example_journal, "entry"))  # kept anew


def test_an_index_of_another_version_drops_its_columns(example_journal: Path) -> None:
    warm(example_journal)
    token = _token(example_journal)
    with sqlite3.connect(cache.index_file(example_journal)) as connection:
        connection.execute(f"PRAGMA user_version = {cache.FORMAT + 1}")
    same_as_no_cache(example_journal, *GROWTH)
    # rebuilt empty, then the first index's columns kept from what that run parsed
    assert _token(example_journal) not in (None, token)
    assert len(kept_paths(example_journal)) == len(scan(example_journal, "entry"))


def test_a_first_index_keeps_its_columns_from_what_it_parsed(example_journal: Path) -> None:
    settle()
    same_as_no_cache(example_journal, *GROWTH)  # (no .pln/ yet: every file parsed)
    assert kept_paths(example_journal) == dict(scan(example_journal, "entry"))
    same_as_no_cache(example_journal, "report", "--engagement", "--format", "json")


def _token(root: Path) -> bytes | None:
    blob = cache.kept(root, columns.PREFIX + "paths")
    return None if blob is None else marshal.loads(blob)[1]


def kept_columns(root: Path) -> dict[str, object]:
    """Every kept column's values, without the token of the write that kept them."""
    names = ["paths", "keys", "problems", *(name for name in HEAD_FIELDS if name != "path")]
    blobs = cache.kept_together(root, [columns.PREFIX + name for name in names])
    found = {name: marshal.loads(blobs[columns.PREFIX + name]) for name in names}
    return {name: value[2:] if name == "paths" else value[1:] for name, value in found.items()}


def test_a_first_index_s_columns_from_the_workers_heads_are_those_from_the_records(
    example_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big journal's first index transposes the heads its workers sent; a small one's, parsed
    in one process, comes from the records: the same columns, problems and empty records too."""
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD.format(day=1, title="Odd one"))
    write(example_journal / "entries/2025/2025-09-02-dateless.md", "---\ntitle: No date\n---\nBody.\n")
    settle()
    transposed: list[int] = []
    by_heads = columns._keep_first
    monkeypatch.setattr(columns, "_keep_first", lambda *args: transposed.append(1) or by_heads(*args))
    kept = {}
    for workers_from in ("2", "100000"):
        monkeypatch.setenv("PLN_PARALLEL_MIN_FILES", workers_from)
        shutil.rmtree(example_journal / ".pln", ignore_errors=True)
        assert invoke("--journal", str(example_journal), *GROWTH).exit_code == 0
        kept[workers_from] = kept_columns(example_journal)
    assert transposed == [1]  # the workers' run, not the other
    assert kept["2"] == kept["100000"]
    assert len(kept["2"]["paths"][0]) == len(scan(example_journal, "entry"))
    assert None in kept["2"]["id"][0]  # the dateless entry: no record
    same_as_no_cache(example_journal, *GROWTH)
