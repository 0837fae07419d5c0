"""Loading a whole kind fast: one stat walk, the index for unchanged files, parallel parsing.

`load.load` calls `load_kind` for each kind. The walk stats every file once (size, mtime_ns,
ctime_ns); files whose stat matches their row in the index (`cache.py`) are not opened; the rest
are parsed, on every core when there are enough of them to pay for starting the workers. Results
come back in path order, so an indexed, a serial and a parallel load give the same records and
problems.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import Any

from plnjournal.journal import cache, columns
from plnjournal.journal.packed import HEAD_FIELDS, Packed, interned, pack_unchecked, summary, unpacker
from plnjournal.journal.packed import head as packed_head
from plnjournal.journal.walk import Listed, cores, scan
from plnjournal.model import Entry, Record
from plnjournal.problems import Problem, warning
from plnjournal.search import indexed_text

# Below this many files to parse, starting worker processes costs more than it saves (measured
# with benchmarks/run.py on 2 cores; see README "Performance").
PARALLEL_MIN_FILES = 2000
CHUNK_FILES = 500  # files a worker parses at a go: small enough to stream, large enough to be cheap
PARALLEL_VARIABLE = "PLN_PARALLEL_MIN_FILES"  # lets tests and benchmarks move the threshold

# A file's index row less its path and stat key: marshalled packed parse, head, summary, search text
Prepared = tuple[bytes, bytes | None, bytes | None, tuple[Any, ...] | None]
STORED: Prepared = (b"", None, None, None)  # (by identity) a parse whose row parse_many stored
Parsed = tuple[Record | None, list[Problem], Prepared | None]
Keys = dict[str, "cache.Stat | None"]  # each file's stat key, by journal-relative path
Narrow = Callable[[dict[str, "cache.Stat | None"]], "set[str] | None"]

# The last whole load of each kind (and heads or not) in this process, with the stat keys of its
# files and of the index it was read from. A command that loads a kind twice while nothing changed
# (`pln log` reads people, spaces, tools and goals to ask and to choose a template, then again
# under the journal's lock) gets the same records back without reading the index again; one
# changed, added or removed file, one not yet settled, or an index written since, and the kind is
# loaded as usual.
_LAST: dict[
    tuple[str, bool, tuple[str, ...] | None],
    tuple[Path, Keys, tuple[Any, ...] | None, list[Record], list[Problem]],
] = {}


def load_kind(
    root: Path,
    kind: str,
    refresh_cache: bool = True,
    narrow: Narrow | None = None,
    *,
    use_cache: bool = True,
    heads: bool = False,
    fields: tuple[str, ...] | None = None,
    walked: tuple[Listed, list[str]] | None = None,
) -> tuple[list[Record], list[Problem]]:
    """The records and problems of one kind, in path order; the index is brought up to date
    unless `refresh_cache` is False (`pln check` never writes anything). `narrow`, given every
    file's stat key, may name the only files wanted (as `pln search` does with the index).
    `heads`: entries the index holds come as their heads (`packed.HEAD_FIELDS`), parsed ones
    whole; `fields` (of those) may say the only ones read, which the index's columns serve.
    `walked`: the kind's `scan` (files and linked folders), when the caller has made it already."""
    links: list[str] = []
    listed = scan(root, kind, links) if walked is None else walked[0]
    links = links if walked is None else walked[1]
    keys = dict(listed)
    use_cache = use_cache and cache.enabled()
    wanted = narrow(keys) if narrow is not None and use_cache else None
    if wanted is not None:
        listed = [(path, key) for path, key in listed if path in wanted]
    stored: list[str] = []  # the paths the index holds (of those wanted), current or not
    heads = heads and kind == "entry"
    remember = use_cache and refresh_cache and narrow is None
    if remember and (again := _unchanged_since_last(root, (kind, heads, fields), keys)):
        return list(again[0]), [*again[1], *(linked_folder(root, path) for path in links)]
    if not use_cache:
        indexed = {}
    elif heads and remember:
        rows = partial(from_index, root, "entry", keys, heads=True)
        indexed = columns.heads(root, listed, fields or HEAD_FIELDS, stored, rows)
    else:
        indexed = from_index(root, kind, keys, wanted, heads, stored)
    stale = [path for path, _ in listed if path not in indexed]
    store = keys if use_cache and refresh_cache else None
    first = columns.FirstColumns() if heads and remember and not indexed else None
    parses = parse_many(root, kind, stale, store=store, heads=heads, first=first)
    parsed = dict(zip(stale, parses, strict=True))
    read = [parsed[path][:2] if path in parsed else indexed[path] for path, _ in listed]
    records = [record for record, _ in read if record is not None]
    problems = [problem for _, found in read if found for problem in found]
    if use_cache and refresh_cache:
        _refresh(root, kind, keys, stored, parsed)
    if heads and remember and len(parsed) == len(listed) > 0:  # a first index: its columns too
        columns.keep_parsed(root, listed, parsed, first)
    if remember:
        _LAST[kind, heads, fields] = (root, keys, _index_key(root), records, problems)
    return records, [*problems, *(linked_folder(root, path) for path in links)]


def _unchanged_since_last(
    root: Path, asked: tuple[str, bool, tuple[str, ...] | None], keys: Keys
) -> tuple[list[Record], list[Problem]] | None:
    """The records and problems of this process's last load of the kind (as heads, of fields, or
    whole: `asked`), when the same files, all settled, have the same stat keys now (so the index
    would give the same again)."""
    last = _LAST.get(asked)
    if last is None or last[0] != root or last[1] != keys or last[2] != _index_key(root):
        return None
    now = cache.now_ns()
    if last[2] is None or not all(key is not None and cache.is_settled(key, now) for key in keys.values()):
        return None
    return last[3], last[4]


def _index_key(root: Path) -> tuple[Any, ...] | None:
    """The stat keys of the index and of its write-ahead log (where another process's rows go
    first), or None without an index. The log's is its size and last write only: SQLite resets
    the empty log each time a connection opens it, which moves its ctime and nothing else."""
    index = str(cache.index_file(root))
    try:
        main = cache.stat_key(os.stat(index))
    except OSError:
        return None
    try:
        log = os.stat(index + "-wal")
    except OSError:
        return main, None
    return main, (log.st_size, log.st_mtime_ns)


def linked_folder(root: Path, relative: str) -> Problem:
    """A folder under entries/ that is a symbolic link: not read (git keeps only the link, and a
    link may lead anywhere, even back up), so every command says so."""
    target = os.readlink(root / relative)
    message = f"a symbolic link to a folder ({target}): pln does not read the entries in it; move them here"
    return warning(relative, 1, "symlink", message)


def from_index(
    root: Path,
    kind: str,
    keys: dict[str, cache.Stat | None],
    wanted: set[str] | None,
    heads: bool,
    stored: list[str],
) -> dict[str, tuple[Record | None, list[Problem]]]:
    """The record and problems of each file the index holds as it is now (its stat key, `keys`;
    or as it was, for `outputs.MadeOf.told`) and whose bytes are what was stored (never trusted
    otherwise: that file is parsed again). Every path the index holds goes to `stored`. One
    loop, no call per row it can spare: at 50k entries each microsecond here is 50 ms."""
    unpack_row = unpacker(kind, heads=heads)
    found: dict[str, tuple[Record | None, list[Problem]]] = {}
    for path, (key, check, blob) in cache.rows(root, kind, wanted, part="head" if heads else "whole"):
        stored.append(path)
        if keys.get(path, False) != key or cache.digest(blob) != check:
            continue
        try:
            found[path] = unpack_row(marshal.loads(blob))
        except (EOFError, ValueError, TypeError, IndexError, KeyError, AttributeError):
            continue
    return found


def _refresh(
    root: Path,
    kind: str,
    keys: dict[str, cache.Stat | None],
    stored: list[str],
    parsed: dict[str, Parsed],
) -> None:
    """Store what was parsed (when settled and packable) and forget rows whose file is gone."""
    now = cache.now_ns()
    new: list[cache.Row] = []
    kept: set[str] = set()
    for path, (record, problems, prepared) in parsed.items():
        key = keys[path]
        if prepared is STORED:
            kept.add(path)
        elif key is not None and cache.is_settled(key, now):
            prepared = prepared or prepare(kind, record, problems)
            if prepared is not None:
                new.append((path, key, *prepared))
                kept.add(path)
    gone = [path for path in stored if path not in keys or (path in parsed and path not in kept)]
    if new or gone or cache.settings_to_keep(root):  # (pln.yaml alone never makes an index)
        from plnjournal.journal import index_write  # (a warm read writes nothing: not imported)

        index_write.write(root, kind, new, gone)


def parse_many(
    root: Path,
    kind: str,
    paths: list[str],
    *,
    store: Keys | None = None,
    heads: bool = False,
    first: columns.FirstColumns | None = None,
) -> list[Parsed]:
    """Parse `paths` (journal-relative), in order; on several processes when there are many.

    With many files, each worker parses, packs and marshals a few hundred at a time, so only
    bytes cross back, and when `store` (every file's stat key) is given their rows go into the
    index (from a thread, in one transaction) while the workers read on: nothing is held for all
    the files at once but their records, heads when `heads` (as `load_kind` serves them). A
    stored file's result says STORED. The parser (and YAML) and the process pool are imported
    only here: a warm command needs neither. `first`, with `heads`, is given the heads the workers
    packed, a chunk at a time: a first index's columns (columns.keep_parsed)."""
    if not paths:
        return []
    from plnjournal.journal.parse import parse_file

    workers = _workers(len(paths))
    if workers < 2:
        return [(*parse_file(f"{root}/{path}", path, kind), None) for path in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [paths[start : start + CHUNK_FILES] for start in range(0, len(paths), CHUNK_FILES)]
    now = cache.now_ns()
    results: list[Parsed] = []
    cache.written()  # no fork while a thread writes (the workers would inherit its locks)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        prepared = pool.map(_parse_chunk, repeat(str(root)), repeat(kind), chunks)
        # the workers are forked by now: the writer's thread starts after, so none inherits it
        from plnjournal.journal import index_write

        writer = index_write.Stream(root, kind) if store is not None else None
        try:
            for chunk, rows in zip(chunks, prepared, strict=True):
                start = len(results)
                results.extend(_records(root, kind, chunk, rows, heads, first))
                if writer is not None and store is not None:
                    writer.add(_stored(chunk, rows, store, now, results, start))
        finally:
            if writer is not None:
                writer.close()
    return results


def _records(
    root: Path,
    kind: str,
    chunk: list[str],
    rows: list[Prepared | None],
    heads: bool,
    first: columns.FirstColumns | None,
) -> list[Parsed]:
    """A worker's chunk as records (and problems); `first` (with `heads`) is given its heads."""
    from plnjournal.journal.parse import parse_file

    whole = unpacker(kind)
    head = unpacker(kind, heads=True) if heads and kind == "entry" else None
    found: list[Parsed] = []
    sent: list[Packed | None] = []
    for path, row in zip(chunk, rows, strict=True):
        packed = None
        if row is None:  # a value marshal cannot keep: parse it here (and store nothing)
            found.append((*parse_file(f"{root}/{path}", path, kind), None))
        elif head is not None and row[1] is not None:
            packed = marshal.loads(row[1])
            found.append((*head(packed), None))
        else:
            found.append((*whole(marshal.loads(row[0])), None))
        sent.append(packed)
    if first is not None and head is not None:
        first.add(sent, [record for record, _, _ in found])
    return found


def _stored(
    chunk: list[str], rows: list[Prepared | None], keys: Keys, now: int, results: list[Parsed], first: int
) -> list[cache.Row]:
    """The index rows of a chunk's files settled enough to store; their results (from `first`
    on in `results`) become STORED."""
    new: list[cache.Row] = []
    for place, (path, row) in enumerate(zip(chunk, rows, strict=True), first):
        key = keys[path]
        if row is not None and key is not None and cache.is_settled(key, now):
            new.append((path, key, *row))
            results[place] = (*results[place][:2], STORED)
    return new


def _workers(files: int) -> int:
    threshold = int(os.environ.get(PARALLEL_VARIABLE) or PARALLEL_MIN_FILES)
    if files < max(threshold, 2) or not hasattr(os, "fork"):
        return 1
    return min(cores(), files)


def _parse_chunk(root: str, kind: str, paths: list[str]) -> list[Prepared | None]:
    """In a worker: parse, pack and marshal, since bytes cross processes far faster than records."""
    from plnjournal.journal.parse import parse_file

    return [prepare(kind, *parse_file(f"{root}/{path}", path, kind)) for path in paths]


def prepare(kind: str, record: Record | None, problems: list[Problem]) -> Prepared | None:
    """A parsed file's index row but for its path and stat key (see `cache.Row`); None when it
    holds a value `marshal` cannot keep."""
    packed = interned(kind, pack_unchecked(kind, record, problems))
    try:
        whole = marshal.dumps(packed)  # (a head and a summary hold some of its values)
    except ValueError:  # e.g. a `!!timestamp` in `extra`: that file is parsed every time
        return None
    if kind != "entry":
        return whole, None, None, None
    text = indexed_text(record, bool(problems)) if isinstance(record, Entry) else None
    return whole, marshal.dumps(packed_head(packed)), marshal.dumps(summary(packed)), text


def search_narrowing(root: Path, words: tuple[str, ...]) -> Narrow:
    """For `load(..., narrow=...)`: only the entries `pln search` must read (see words.candidates)."""
    from plnjournal.journal.words import candidates

    return lambda keys: candidates(root, words, keys)
