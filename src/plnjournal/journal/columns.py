"""The entries' heads kept column by column in the index: how a report reads 50k unchanged entries.

The index's rows (cache.py) hold each entry's head (`packed.HEAD_FIELDS`) as a tuple of its own:
reading 50k of them is 50k rows fetched, checked and unmarshalled, every field whether the
command reads it or not. So the index also keeps the heads of the entry files it holds,
transposed: one list per field, each marshalled once with its CRC (`cache.keep`), with the
files' paths, stat keys and problems. A load asks for the columns of the fields its command
reads and is served from them each file whose stat key is the one kept (the one its row had);
every other file (an edit, an mtime put back, a new file) is read from its row or parsed, as
before. All columns come from one write (one token) and are read in one statement.

The columns are made again from the rows when more than a few of the files the rows hold are
not served by them (`STALE_SHARE`): a few edits cost nothing, their files come from their rows.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from itertools import compress
from operator import attrgetter, ne
from pathlib import Path
from typing import Any, NamedTuple

from plnjournal.journal import cache
from plnjournal.journal.packed import (
    HEAD_FIELDS,
    Packed,
    date_fields,
    problem_tuples,
    ready_unpacker,
    shared_lines,
)
from plnjournal.model import Record
from plnjournal.problems import Problem

FORMAT = 1  # bump when what `keep` writes changes
STALE_SHARE = 0.01  # more of the entries than this served by their rows: the columns are made again
FEW_CHANGED = 20  # `told` tells of up to this many changed files (or STALE_SHARE of them)
PREFIX = "columns "  # each column's name among the index's kept values
_DATES = frozenset(date_fields("entry"))
Read = tuple[Record | None, list[Problem]]
Listed = list[tuple[str, "cache.Stat | None"]]
FromRows = Callable[..., dict[str, Read]]


def heads(
    root: Path, listed: Listed, fields: tuple[str, ...], stored: list[str], rows: FromRows
) -> dict[str, Read]:
    """Every entry head the index holds as it is now: the columns serve what they hold (`fields`
    of it), `rows` (scan's reader of the rows, given the paths wanted and the list of those the
    index holds) the rest. The columns are kept again when they have fallen behind the rows
    (from the rows' heads, every field of them)."""
    served, gone = serve(root, listed, fields)
    stored.extend(gone)
    found = rows({path for path, _ in listed if path not in served} if served else None, stored=stored)
    if stale(listed, len(found)):
        whole = rows(None, stored=[]) if served else found
        keep(root, [(path, key, whole[path]) for path, key in listed if path in whole and key])
    found.update(served)
    return found


def serve(root: Path, listed: Listed, fields: tuple[str, ...]) -> tuple[dict[str, Read], list[str]]:
    """The record (only `fields` of it set, and its path) and problems of each listed file the
    columns hold with its stat key as it is now, and the paths they hold that the walk did not
    find (gone: their rows are forgotten); nothing without columns pln can use."""
    fields = _with_id(fields)
    try:
        kept = _read(root, fields)
        if kept is None:
            return {}, []
        paths, stat_keys, problems, values = kept
        stale, gone = _stale(paths, stat_keys, listed)
        found = _records(paths, problems, values, ("path", *fields))
    except _DAMAGED:
        return {}, []
    for path in stale:  # (few: unpacking them all is quicker than choosing from every column)
        del found[path]
    return found, gone


class Told(NamedTuple):
    """The kept columns of the files a walk listed, as they are kept (see `told`)."""

    blobs: list[bytes]  # the paths, problems, ids and `fields` columns, as stored
    changed: list[tuple[int, cache.Stat]]  # the files changed since they were kept: place, stat key kept


def told(root: Path, listed: Listed, fields: tuple[str, ...]) -> Told | None:
    """The columns of the paths, problems, ids and `fields` (their bytes, never read into values)
    when they hold exactly the listed files, in their order, and the places of those whose stat
    key is not the one kept (their values are as they were kept: the caller reads those files);
    None when they hold other files (one added or gone), more than a few changed, or they cannot
    be used. What a command that only compares the values it reads needs (cli/kept.py), in a
    tenth of the time of reading them."""
    names = [PREFIX + name for name in ("paths", "keys", "problems", *_with_id(fields))]
    blobs = cache.kept_together(root, names)
    try:
        version, token, paths = marshal.loads(blobs[names[0]])
        # every column of the same write: its token is in the first bytes of each
        if version != FORMAT or any(token not in blobs[name][:32] for name in names[1:]):
            return None
        if paths != [path for path, _ in listed]:
            return None
        stat_keys = marshal.loads(blobs[names[1]])[1]
        walked = [key for _, key in listed]
        kept = () if stat_keys == _key_bytes(walked) else _kept_keys(stat_keys, paths)
        changed = [(place, kept[place]) for place in compress(range(len(kept)), map(ne, kept, walked))]
    except _DAMAGED:
        return None
    if len(changed) > max(FEW_CHANGED, STALE_SHARE * len(listed)):
        return None
    return Told([blobs[name] for name in names if name != names[1]], changed)


_DAMAGED = (KeyError, EOFError, ValueError, TypeError, IndexError, AttributeError)


def _with_id(fields: tuple[str, ...]) -> tuple[str, ...]:
    """The columns to read for `fields`: "id" first (None: no record), never "path" (the paths
    are kept apart)."""
    return tuple(dict.fromkeys(("id", *(name for name in fields if name != "path"))))


def _read(root: Path, fields: tuple[str, ...]) -> tuple[list[str], bytes, list[Any], list[list[Any]]] | None:
    """The kept paths, their stat keys (as bytes), each file's problems and the values of each of
    `fields` as records hold them; None when the columns are of another format or of two writes
    (damaged ones raise one of _DAMAGED)."""
    names = ("paths", "keys", "problems", *fields)
    blobs = cache.kept_together(root, [PREFIX + name for name in names])
    columns = [marshal.loads(blobs[PREFIX + name]) for name in names]
    first = columns[0]
    if first[0] != FORMAT or any(column[0] != first[1] for column in columns[1:]):
        return None
    values = [_ready(name, column[1:]) for name, column in zip(fields, columns[3:], strict=True)]
    return first[2], columns[1][1], columns[2][1], values


def _stale(paths: list[str], stat_keys: bytes, listed: Listed) -> tuple[list[str], list[str]]:
    """The kept files whose stat key is not the one the walk found, and those of them the walk
    did not find at all."""
    walked = [key for _, key in listed]
    if paths == [path for path, _ in listed]:
        if stat_keys == _key_bytes(walked):
            return [], []
        kept = _kept_keys(stat_keys, paths)
        return list(compress(paths, map(ne, kept, walked))), []
    found = dict(listed)
    stale = [
        path
        for path, key in zip(paths, _kept_keys(stat_keys, paths), strict=True)
        if found.get(path, False) != key
    ]
    return stale, [path for path in stale if path not in found]


def _kept_keys(stat_keys: bytes, paths: list[str]) -> tuple[cache.Stat, ...]:
    kept = marshal.loads(stat_keys)
    if len(kept) != len(paths):
        raise ValueError("columns of different lengths")
    return kept


def _key_bytes(keys: Any) -> bytes:
    """Stat keys as bytes to compare (marshal version 2 writes no back-references, so equal keys
    give equal bytes)."""
    return marshal.dumps(tuple(keys), 2)


def _ready(name: str, column: tuple[Any, ...]) -> list[Any]:
    """A column's values as records hold them: dates as dates (made once a day), `lines` as the
    one dict of each layout."""
    if name in _DATES:
        days = {text: None if text is None else _from_iso(text) for text in set(column[0])}
        return [days[text] for text in column[0]]
    if name == "lines":
        layouts, places = column
        shared = [None if lines is None else shared_lines(lines) for lines in layouts]
        return [shared[place] for place in places]
    return column[0]


def _from_iso(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def _records(
    paths: list[str], problems: list[Any], values: list[list[Any]], fields: tuple[str, ...]
) -> dict[str, Read]:
    """Each file's (record, problems); a file that gave no record kept with no id."""
    unpack: Callable[[Any], Read] = ready_unpacker(fields)
    return {
        path: unpack((None if row[0] is None else (path, *row), found_problems))
        for path, found_problems, row in zip(paths, problems, zip(*values, strict=True), strict=True)
    }


def stale(listed: Listed, from_rows: int) -> bool:
    """Whether to make the columns again: more of the files than STALE_SHARE come from their rows."""
    return from_rows > STALE_SHARE * len(listed)


_AT_PATH, _AT_LINES = HEAD_FIELDS.index("path"), HEAD_FIELDS.index("lines")
_NO_VALUES = (None,) * len(HEAD_FIELDS)  # a packed head's values for a file that gave no record


class FirstColumns:
    """A first index's entry columns, made from the heads the workers send, a chunk at a time as
    it comes in (transposed; `lines` the records' own, one dict per layout), so that no packed
    head outlives its chunk; `keep_parsed` keeps them when every file sent its head."""

    def __init__(self) -> None:
        self.values: list[list[Any]] = [[] for _ in HEAD_FIELDS]
        self.problems: list[tuple[tuple[Any, ...], ...]] = []
        self.whole = True  # every file so far sent its head

    def add(self, heads: list[Packed | None], records: list[Record | None]) -> None:
        """A chunk's heads (None for a file parsed here) and the records made of them."""
        if not self.whole or None in heads:
            self.whole = False
            return
        values = [_NO_VALUES if found is None else found for found, _ in heads]  # type: ignore[misc]
        for column, chunk in zip(self.values, zip(*values, strict=True), strict=True):
            column.extend(chunk)
        lines = self.values[_AT_LINES]
        lines[len(lines) - len(records) :] = [None if record is None else record.lines for record in records]
        self.problems.extend(problems for _, problems in heads)  # type: ignore[misc]


def keep_parsed(
    root: Path, listed: Listed, parsed: dict[str, Any], first: FirstColumns | None = None
) -> None:
    """The columns of a first index, from the load's parse (whole records or heads: every head
    field is set) of the files settled by now, so that the first edit after finds them; from the
    heads the workers sent (`first`), when every file sent one: the same values, transposed."""
    now = cache.now_ns()
    if first is not None and first.whole and len(first.problems) == len(listed):
        _keep_first(root, listed, first, now)
        return
    settled = [(path, key, parsed[path][:2]) for path, key in listed if key and cache.is_settled(key, now)]
    if settled:
        keep(root, settled)


def _keep_first(root: Path, listed: Listed, first: FirstColumns, now: int) -> None:
    """`keep` of `first`'s columns, but for the files not settled or that `_fits` would refuse."""
    paths, lines = first.values[_AT_PATH], first.values[_AT_LINES]
    chosen = [
        bool(key) and cache.is_settled(key, now) and (held is None or (held == path and type(layout) is dict))
        for (path, key), held, layout in zip(listed, paths, lines, strict=True)
    ]
    if not any(chosen):
        return
    values, problems = first.values, first.problems
    if not all(chosen):
        values = [list(compress(column, chosen)) for column in values]
        problems = list(compress(problems, chosen))
    by_name = dict(zip(HEAD_FIELDS, values, strict=True))
    # (13 MB at 50k entries: written while the report is made)
    _write(root, list(compress(listed, chosen)), problems, by_name, dates_as_text=True, behind=True)


def keep(root: Path, read: list[tuple[str, cache.Stat, Read]]) -> None:
    """Keep the columns of these files: (path, stat key, (record, problems)), each as the
    index's row has it now (whole or head records: every head field is set)."""
    kept = [(path, key, found) for path, key, found in read if _fits(path, found[0])]
    records = [_NO_RECORD if record is None else record for _, _, (record, _) in kept]
    values = {name: list(map(attrgetter(name), records)) for name in HEAD_FIELDS if name != "path"}
    problems = [problem_tuples(problems) for _, _, (_, problems) in kept]
    _write(root, [(path, key) for path, key, _ in kept], problems, values)


def _write(
    root: Path,
    kept: Listed,
    problems: list[Any],
    values: dict[str, list[Any]],
    *,
    dates_as_text: bool = False,
    behind: bool = False,
) -> None:
    """Keep the columns of the files `kept` (path, stat key), in one write (one token): their
    problems (as tuples) and the `values` of each head field but the path, in the same order."""
    token = os.urandom(8)
    columns: dict[str, tuple[Any, ...]] = {
        "paths": (FORMAT, token, [path for path, _ in kept]),
        "keys": (token, _key_bytes(key for _, key in kept)),
        "problems": (token, problems),
    }
    for name in HEAD_FIELDS:
        if name != "path":
            columns[name] = (token, *_packed(name, values[name], dates_as_text=dates_as_text))
    try:
        blobs = {PREFIX + name: marshal.dumps(value) for name, value in columns.items()}
    except ValueError:  # a value marshal cannot write: the rows serve every file
        return
    cache.keep_together(root, blobs, behind=behind)


class _NoRecord:
    """What a file that gave no record has in each column: None."""

    def __getattr__(self, name: str) -> None:
        return None


_NO_RECORD = _NoRecord()


def _fits(path: str, record: Record | None) -> bool:
    """Whether a record can go into the columns as it is (else its file is read from its row)."""
    return record is None or (record.path == path and type(getattr(record, "lines", None)) is dict)


def _packed(name: str, values: list[Any], *, dates_as_text: bool = False) -> tuple[Any, ...]:
    """A column as kept (`_ready` reads it back): dates as ISO text (`dates_as_text`: they are
    already), `lines` as its layouts and the place of each entry's layout among them."""
    if name in _DATES and not dates_as_text:
        text = {day: None if day is None else day.isoformat() for day in set(values)}
        return ([text[day] for day in values],)
    if name == "lines":
        layouts: dict[tuple[tuple[str, int], ...] | None, int] = {}
        places = [
            layouts.setdefault(None if lines is None else tuple(lines.items()), len(layouts))
            for lines in values
        ]
        return ([None if layout is None else dict(layout) for layout in layouts], places)
    return (values,)
