"""The warm path's shortcuts (issue 16): each gives what `pln --no-cache` gives.

The walk orders files without a key per file, entries are sorted by a C key where it gives the
same order, no entry is tested when no filter is given, the index's rows are unpacked by one
compiled function per kind, and a big load freezes its records away from the cyclic collector.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import marshal
import sqlite3
from pathlib import Path

import pytest

from plnjournal.journal import cache
from plnjournal.journal import load as loading
from plnjournal.journal.packed import _NAMES, HEAD_FIELDS, head, interned, pack, unpack, unpack_head
from plnjournal.journal.settings import Journal, Settings
from plnjournal.journal.walk import scan
from plnjournal.query import entry_order
from plnjournal.render.json import render, render_list
from tests.helpers import invoke, write
from tests.journal.test_cache import outputs, settle

ENTRY = (
    "---\ndate: {date}\n{time}title: {title}\ngrowth: {{cognitive: a note on {title}}}\nminutes: 30\n"
    "---\nBody.\n"
)


def entry(root: Path, relative: str, date: str, title: str, time: str | None = None) -> None:
    clock = f"time: '{time}'\n" if time else ""
    write(root / relative, ENTRY.format(date=date, time=clock, title=title))


def test_the_walk_lists_files_in_path_order_folder_by_folder(example_journal: Path) -> None:
    """A folder's files come where its name sorts, before a file of the same name plus .md, and
    names sort by code point (capitals first), as comparing paths part by part orders them."""
    for relative in (
        "entries/2026.md",
        "entries/2026-x/a.md",
        "entries/2026/Zed.md",
        "entries/2026/a b.md",
        "entries/2026/sub/deep.md",
        "entries/A.md",
    ):
        entry(example_journal, relative, "2026-03-01", relative.replace("/", " "))
    listed = [path for path, _ in scan(example_journal, "entry")]
    assert listed == sorted(listed, key=lambda path: path.replace("/", "\0"))
    assert listed.index("entries/2026/sub/deep.md") < listed.index("entries/2026-x/a.md")
    assert listed.index("entries/2026-x/a.md") < listed.index("entries/2026.md")
    settle()
    for args in (
        ("list", "entries", "--format", "json"),
        ("check",),
        ("report", "--growth", "--format", "json"),
    ):
        invoke("--journal", str(example_journal), "status")  # the index holds every file now
        cached = invoke("--journal", str(example_journal), *args)
        fresh = invoke("--journal", str(example_journal), "--no-cache", *args)
        assert (cached.exit_code, cached.stdout, cached.stderr) == (
            fresh.exit_code,
            fresh.stdout,
            fresh.stderr,
        )


def test_a_day_with_timed_and_untimed_entries_keeps_its_order(example_journal: Path) -> None:
    """The untimed entries of a day come first, then by time, then by id, warm or not."""
    entry(example_journal, "entries/2026/2026-03-09-b.md", "2026-03-09", "Bee", "09:00")
    entry(example_journal, "entries/2026/2026-03-09-c.md", "2026-03-09", "Cee")
    entry(example_journal, "entries/2026/2026-03-09-a.md", "2026-03-09", "Ay", "08:00")
    entry(example_journal, "entries/2026/2026-03-09-d.md", "2026-03-09", "Dee")
    settle()
    outputs(example_journal, "list", "entries", "--format", "json")
    cached, fresh = outputs(example_journal, "list", "entries", "--format", "json")
    assert cached == fresh
    day = [line for line in cached.split('"title": ') if line.startswith(('"Ay"', '"Bee"', '"Cee"', '"Dee"'))]
    assert [line.split('"')[1] for line in day] == ["Cee", "Dee", "Ay", "Bee"]


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--growth", "--format", "json"),
        ("report", "--growth", "--to", "2026-03-01", "--format", "json"),
        ("report", "--growth", "--with", "dana-whitfield", "--by", "week", "--format", "json"),
        ("report", "--growth", "--format", "csv", "--include-private"),
        ("list", "entries", "--format", "json", "--from", "2026-01-01"),
    ],
)
def test_filters_and_no_filters_give_what_no_cache_gives(
    example_journal: Path, args: tuple[str, ...]
) -> None:
    """With no filter no entry is tested; with one, each is; an entry after today is left out."""
    entry(example_journal, "entries/2062/2062-03-01-typo.md", "2062-03-01", "A typo for 2026")
    settle()
    outputs(example_journal, "status")
    cached, fresh = outputs(example_journal, *args)
    assert cached == fresh


def test_an_unpacked_record_equals_the_parsed_one(example_journal: Path) -> None:
    """The compiled unpacker fills every field (whole) or the head's only, and reads dates back."""
    loaded = loading.load(example_journal)
    for kind, records in loaded.records.items():
        for record in records:  # (pack gives None for a value marshal cannot keep: never stored)
            assert (packed := pack(kind, record, [])) is None or unpack(kind, packed) == (record, [])
    for record in loaded.entries:
        if (packed := pack("entry", record, [])) is None:
            continue
        from_head, _ = unpack_head(head(packed))
        assert all(getattr(from_head, name) == getattr(record, name) for name in HEAD_FIELDS)


@pytest.mark.parametrize("damage", ["a date that is not text", "too few values", "not a tuple"])
def test_a_row_whose_values_do_not_fit_is_parsed_again_not_trusted(
    example_journal: Path, damage: str
) -> None:
    """A row with a right checksum but values the unpacker cannot take (another pln wrote it, a
    hand edit of the index): that file is parsed again and the output is the same."""
    invoke("--journal", str(example_journal), "status")
    settle()
    invoke("--journal", str(example_journal), "status")
    with sqlite3.connect(cache.index_file(example_journal)) as connection:
        path, blob = connection.execute(
            "SELECT path, head FROM files WHERE kind = 'entry' LIMIT 1"
        ).fetchone()
        values, problems = marshal.loads(blob)
        bad = {
            "a date that is not text": (*values[:3], 20260301, *values[4:]),
            "too few values": values[:3],
            "not a tuple": 42,
        }[damage]
        blob = marshal.dumps((bad, problems))
        connection.execute(
            "UPDATE files SET head = ?, head_digest = ? WHERE path = ?", (blob, cache.digest(blob), path)
        )
    cached, fresh = outputs(example_journal, "report", "--growth", "--format", "json")
    assert cached == fresh


def test_a_big_load_freezes_its_records_and_the_next_load_unfreezes(
    example_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loading, "FREEZE_MIN_RECORDS", 1)
    loading.load(example_journal)
    assert gc.get_freeze_count() > 0
    assert gc.isenabled()
    monkeypatch.setattr(loading, "FREEZE_MIN_RECORDS", 10**9)
    loading.load(example_journal)
    assert gc.get_freeze_count() == 0


def test_a_listing_is_written_a_chunk_at_a_time_as_one_json_list(
    example_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list entries --format json` in chunks of 3 is the very text of the whole list at once."""
    from plnjournal.reports import listing

    whole = render(
        listing.json_rows(sorted(loading.load(example_journal).entries, key=entry_order)), indent=None
    )
    monkeypatch.setattr(listing, "CHUNK", 3)
    shown = invoke("--journal", str(example_journal), "list", "entries", "--format", "json").stdout
    assert shown == whole
    assert len(json.loads(shown)) == len(loading.load(example_journal).entries) > 3


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("sizes", [(), (0,), (1,), (3, 0, 2), (1000, 1)])
def test_render_list_gives_what_render_gives(indent: int | None, sizes: tuple[int, ...]) -> None:
    """Chunks of rows (nested lists and maps, a newline in a value, empty chunks) joined."""
    chunks = [[{"n": n, "of": [size, {"line": "a\nb"}], "empty": []} for n in range(size)] for size in sizes]
    rows = [row for chunk in chunks for row in chunk]
    assert "".join(render_list(chunks, indent=indent)) == render(rows, indent=indent)


def test_an_index_written_now_shares_its_words_among_the_entries(example_journal: Path) -> None:
    """Spaces, people and growth's keys are interned when stored: a warm load shares one string
    among the entries that name it, and the records equal those a parse gives."""
    invoke("--journal", str(example_journal), "status")
    settle()
    invoke("--journal", str(example_journal), "status")
    fresh = loading.load(Journal(example_journal, Settings(), use_cache=False)).entries
    for heads in (False, True):
        warm = loading.load(example_journal, entry_heads=heads).entries
        assert [(e.id, e.space, e.people, e.growth, e.time) for e in warm] == [
            (e.id, e.space, e.people, e.growth, e.time) for e in fresh
        ]
        spaces = [entry.space for entry in warm if entry.space == "sschat"]
        assert len(spaces) > 1 and all(space is spaces[0] for space in spaces)
        keys = [key for entry in warm for key in entry.growth if key == "cognitive"]
        assert len(keys) > 1 and all(key is keys[0] for key in keys)
    record = fresh[0]
    assert unpack("entry", interned("entry", pack("entry", record, []))) == (record, [])


@pytest.mark.parametrize(
    "bounds",
    [
        (None, None),
        ("2026-01-15", None),
        (None, "2026-02-20"),
        ("2026-02-01", "2026-02-28"),
        ("2027-01-01", None),
    ],
)
def test_a_range_alone_is_cut_from_the_sorted_entries_as_testing_each_would(
    example_journal: Path, bounds: tuple[str | None, str | None]
) -> None:
    """--from/--to alone take the bisection; the entries are those `matches` lets through."""
    from plnjournal.journal.refs import Index
    from plnjournal.query import Filters, matches, select_entries

    entry(example_journal, "entries/2026/2026-02-01-a.md", "2026-02-01", "Edge of the range", "07:00")
    entry(example_journal, "entries/2026/2026-02-28-b.md", "2026-02-28", "Other edge")
    loaded = loading.load(example_journal)
    index = Index(loaded.records)
    start, end = (None if bound is None else dt.date.fromisoformat(bound) for bound in bounds)
    filters = Filters(start=start, end=end)
    tested = sorted((e for e in loaded.entries if matches(e, filters, index)), key=entry_order)
    assert select_entries(loaded.entries, filters, index) == tested
    assert bounds[0] is None or (tested == [] or tested[0].date >= start)


def test_interning_keeps_every_value_and_leaves_what_is_not_a_word(example_journal: Path) -> None:
    """Every record packs to equal values interned; a tuple holding a number, or a str subclass,
    is left as it is rather than failing or changing."""
    for kind, records in loading.load(example_journal).records.items():
        for record in records:
            if (packed := pack(kind, record, [])) is not None:
                assert interned(kind, packed) == packed
    values, problems = pack("entry", loading.load(example_journal).entries[0], []) or ((), ())
    at = {name: place for place, name in enumerate(_NAMES["entry"])}

    class Word(str):
        pass

    for name, odd in (("people", ("dana", 3)), ("space", Word("sschat")), ("growth", {1: "one"})):
        changed = tuple(odd if place == at[name] else value for place, value in enumerate(values))
        assert interned("entry", (changed, problems)) == (changed, problems)
