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
from itertools import repeat
from operator import attrgetter
from pathlib import Path

from plnjournal.journal import cache
from plnjournal.journal.files import is_record_name
from plnjournal.journal.packed import Packed, interned, pack, summary, unpack, unpacker
from plnjournal.journal.packed import head as packed_head
from plnjournal.model import FOLDERS, Entry, Record
from plnjournal.problems import Problem, warning
from plnjournal.search import indexed_text

# Below this many files to parse, starting worker processes costs more than it saves (measured
# with benchmarks/run.py on 2 cores; see README "Performance").
PARALLEL_MIN_FILES = 2000
CHUNKS_PER_WORKER = 4
PARALLEL_VARIABLE = "PLN_PARALLEL_MIN_FILES"  # lets tests and benchmarks move the threshold

Parsed = tuple[Record | None, list[Problem], Packed | None]
Narrow = Callable[[dict[str, "cache.Stat | None"]], "set[str] | None"]


def load_kind(
    root: Path,
    kind: str,
    refresh_cache: bool = True,
    narrow: Narrow | None = None,
    *,
    use_cache: bool = True,
    heads: bool = False,
) -> tuple[list[Record], list[Problem]]:
    """The records and problems of one kind, in path order; the index is brought up to date
    unless `refresh_cache` is False (`pln check` never writes anything). `narrow`, given every
    file's stat key, may name the only files wanted (as `pln search` does with the index).
    `heads`: entries the index holds come as their heads (`packed.HEAD_FIELDS`), parsed ones whole."""
    links: list[str] = []
    listed = scan(root, kind, links)
    keys = dict(listed)
    use_cache = use_cache and cache.enabled()
    wanted = narrow(keys) if narrow is not None and use_cache else None
    if wanted is not None:
        listed = [(path, key) for path, key in listed if path in wanted]
    stored: list[str] = []  # the paths the index holds (of those wanted), current or not
    heads = heads and kind == "entry"
    from_index = _from_index(root, kind, keys, wanted, heads, stored) if use_cache else {}
    stale = [path for path, _ in listed if path not in from_index]
    parsed = dict(zip(stale, parse_many(root, kind, stale), strict=True))
    read = [parsed[path][:2] if path in parsed else from_index[path] for path, _ in listed]
    records = [record for record, _ in read if record is not None]
    problems = [problem for _, found in read if found for problem in found]
    if use_cache and refresh_cache:
        _refresh(root, kind, keys, stored, parsed)
    return records, [*problems, *(linked_folder(root, path) for path in links)]


def linked_folder(root: Path, relative: str) -> Problem:
    """A folder under entries/ that is a symbolic link: not read (git keeps only the link, and a
    link may lead anywhere, even back up), so every command says so."""
    target = os.readlink(root / relative)
    message = f"a symbolic link to a folder ({target}): pln does not read the entries in it; move them here"
    return warning(relative, 1, "symlink", message)


def _from_index(
    root: Path,
    kind: str,
    keys: dict[str, cache.Stat | None],
    wanted: set[str] | None,
    heads: bool,
    stored: list[str],
) -> dict[str, tuple[Record | None, list[Problem]]]:
    """The record and problems of each file the index holds as it is now (its stat key, `keys`)
    and whose bytes are what was stored (never trusted otherwise: that file is parsed again).
    Every path the index holds goes to `stored`. One loop, no call per row it can spare: at 50k
    entries each microsecond here is 50 ms."""
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
    for path, (record, problems, packed) in parsed.items():
        key = keys[path]
        if key is None or not cache.is_settled(key, now):
            continue
        packed = packed or pack(kind, record, problems)
        if packed is not None:
            packed = interned(kind, packed)
            entry = kind == "entry"
            text = indexed_text(record, bool(problems)) if isinstance(record, Entry) else None
            head = marshal.dumps(packed_head(packed)) if entry else None
            summed = marshal.dumps(summary(packed)) if entry else None
            new.append((path, key, marshal.dumps(packed), head, summed, text))
    kept = {path for path, *_ in new}
    gone = [path for path in stored if path not in keys or (path in parsed and path not in kept)]
    if new or gone or cache.settings_to_keep(root):  # (pln.yaml alone never makes an index)
        cache.write(root, kind, new, gone)


def scan(root: Path, kind: str, links: list[str] | None = None) -> list[tuple[str, cache.Stat | None]]:
    """(journal-relative path, stat key) of each Markdown file of `kind`, in path order.

    Hidden and temporary files are skipped; entries are searched in subfolders (entries/YEAR/),
    but not in a subfolder that is a symbolic link: its path goes to `links`, to be told.
    A file that cannot be stat'ed (a broken link) gets None, so it is parsed and its problem told.
    """
    found: list[tuple[str, cache.Stat | None]] = []
    linked: list[str] = []
    _markdown_files(str(root / FOLDERS[kind]), FOLDERS[kind], found, linked, recursive=kind == "entry")
    if links is not None:
        links.extend(sorted(linked))
    return found


_NAME = attrgetter("name")


def _markdown_files(
    folder: str,
    relative: str,
    found: list[tuple[str, cache.Stat | None]],
    links: list[str],
    *,
    recursive: bool,
) -> None:
    """Append (relative path, stat key) of the Markdown files in `folder` to `found`, in path order:
    each folder's names sorted, a subfolder's files in its place (as comparing paths part by
    part would order them), which needs no key made per file."""
    try:
        with os.scandir(folder) as scan:
            items = sorted(scan, key=_NAME)
    except (FileNotFoundError, NotADirectoryError):
        return
    for item in items:
        if item.is_dir():
            if not recursive or item.name.startswith("."):
                continue
            if item.is_symlink():
                links.append(f"{relative}/{item.name}")
            else:
                _markdown_files(item.path, f"{relative}/{item.name}", found, links, recursive=True)
        elif is_record_name(item.name):
            found.append((f"{relative}/{item.name}", _stat(item)))


def _stat(item: os.DirEntry[str]) -> cache.Stat | None:
    try:
        return cache.stat_key(item.stat())
    except OSError:
        return None


def parse_many(root: Path, kind: str, paths: list[str]) -> list[Parsed]:
    """Parse `paths` (journal-relative), in order; on several processes when there are many.

    The parser (and YAML) and the process pool are imported only here: a warm command needs
    neither."""
    if not paths:
        return []
    from plnjournal.journal.parse import parse_file

    workers = _workers(len(paths))
    if workers < 2:
        return [(*parse_file(f"{root}/{path}", path, kind), None) for path in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = -(-len(paths) // (workers * CHUNKS_PER_WORKER))
    chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
    results: list[Parsed] = []
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        results_by_chunk = pool.map(_parse_chunk, repeat(str(root)), repeat(kind), chunks)
        for chunk, packs in zip(chunks, results_by_chunk, strict=True):
            for path, packed in zip(chunk, packs, strict=True):
                parsed = parse_file(f"{root}/{path}", path, kind) if packed is None else unpack(kind, packed)
                results.append((*parsed, packed))
    return results


def _workers(files: int) -> int:
    threshold = int(os.environ.get(PARALLEL_VARIABLE) or PARALLEL_MIN_FILES)
    if files < max(threshold, 2) or not hasattr(os, "fork"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return min(cores, files)


def _parse_chunk(root: str, kind: str, paths: list[str]) -> list[Packed | None]:
    """In a worker: parse, then pack, since plain tuples cross processes far faster than records."""
    from plnjournal.journal.parse import parse_file

    return [pack(kind, *parse_file(f"{root}/{path}", path, kind)) for path in paths]


def search_narrowing(root: Path, words: tuple[str, ...]) -> Narrow:
    """For `load(..., narrow=...)`: only the entries `pln search` must read (see words.candidates)."""
    from plnjournal.journal.words import candidates

    return lambda keys: candidates(root, words, keys)
