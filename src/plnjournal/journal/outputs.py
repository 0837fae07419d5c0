"""A command's output (a report's, a listing's) kept in the index with everything it was made
from, and given again, as it was written, while all of that is as it was (cli/kept.py).

A report is a pure function of the journal's files, pln.yaml, the command line, today and pln
itself. Its output is kept under two keys, each a BLAKE2 digest (as git names content by its
hash: equal digests are equal values) of the parameters as read, the day, pln.yaml's stat key,
each of pln's own modules' (a new pln, or one edited in place), the Python, and the files:

- `MadeOf.key`: the stat key of every file of every kind, from the walk the load makes anyway (an edit,
  an mtime put back, a file added or removed changes it). Checked before anything is loaded.
- `MadeOf.values_key`: the same but for the entries, which stand in as the values the report reads of
  each (`fields`, after the load) and the problems found: an edit that changes none of them (a
  body written on, a `git checkout` that left the text as it was) gives the same output.

`kept` gives what was kept under a name; the caller writes it again only on a byte-equal key,
so nothing about the files is taken on trust. `keep` stores it only when every file is settled
(as the index's rows: `cache.is_settled`). The network report, which also asks git, and outputs
that leave the machine are never kept; `pln status`, which asks git too, is, with HEAD in `asked`
(cli/status.py).
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import sys
from collections.abc import Iterable
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from plnjournal.journal import cache, columns
from plnjournal.journal.packed import problem_tuples
from plnjournal.journal.settings import CONFIG_FILE
from plnjournal.journal.walk import Walk

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.model import Record
    from plnjournal.problems import Problem

FORMAT = 4  # bump when what `keep` writes changes
PREFIX = "output "  # the names of kept outputs among the index's kept values
_PACKAGE = Path(__file__).resolve().parents[1]
Written = list[tuple[int, str]]  # (1 for stdout or 2 for stderr, text), in order


class Kept(NamedTuple):
    """An output as kept: its two keys and what was written, marshalled (`written` reads it)."""

    made_of: bytes
    values: bytes | None
    packed: bytes

    def written(self) -> Written | None:
        try:
            found = marshal.loads(self.packed)
        except (EOFError, ValueError, TypeError):
            return None
        return found if isinstance(found, list) else None


class MadeOf:
    """What one run of a report is made of, but its files: the parameters as read (`asked`),
    pln.yaml, pln's modules, the Python; `key` and `told` add the files."""

    def __init__(self, root: Path, walked: Walk, asked: tuple[Any, ...]) -> None:
        self.walked = walked
        self.common = (FORMAT, sys.hexversion, asked, _stat(root / CONFIG_FILE), _code())

    def key(self) -> bytes | None:
        """The digest of it all, the files by their stat keys; None when a value cannot be written."""
        return self._digest(_files(self.walked, self.walked))

    def told(self, root: Path, fields: tuple[str, ...]) -> Told | None:
        """What the entries' values of `fields` are, told without a load: the index's columns
        of them as kept (their bytes, never read into values), and each file changed since, read
        again here, by its values where they differ from the ones kept (the row the index keeps
        of it under the stat key the columns have tells those); None when the columns cannot
        tell (see `columns.told`)."""
        from plnjournal.journal.parse import parse_file
        from plnjournal.journal.scan import from_index, linked_folder

        listed, links = self.walked["entry"]
        found = columns.told(root, listed, fields)
        if found is None:
            return None
        kept_keys = {listed[place][0]: key for place, key in found.changed}
        before = from_index(root, "entry", kept_keys, set(kept_keys), True, [])  # (their rows)
        changed: list[Changed] = []
        patches = []  # (place, values, problems) of the files read otherwise than kept
        for place, _ in found.changed:
            path = listed[place][0]
            now = _read_as_kept(*parse_file(f"{root}/{path}", path, "entry"), fields)
            changed.append((path, *now))
            if path not in before or _read_as_kept(*before[path], fields) != now:
                patches.append((place, *now))
        linked = [(path, None, problem_tuples([linked_folder(root, path)])) for path in links]
        others = _files(self.walked, [kind for kind in self.walked if kind != "entry"])
        key = self._digest((others, fields, found.blobs, patches, linked))
        return None if key is None else Told(key, fields, changed + linked)

    def _digest(self, files: Any) -> bytes | None:
        try:  # hashlib's own BLAKE2, without the OpenSSL that importing hashlib loads (3 ms)
            from _blake2 import blake2b
        except ImportError:  # a Python built without it
            from hashlib import blake2b

        try:  # version 2: no back-references, so equal values give equal bytes
            text = marshal.dumps((*self.common, files), 2)
        except ValueError:
            return None
        return blake2b(text, digest_size=32).digest()


Changed = tuple[str, tuple[Any, ...] | None, tuple[tuple[Any, ...], ...]]  # path, values, problems


class Told(NamedTuple):
    """The key of the entries' values as the index's columns told them (`MadeOf.told`): every
    other file by its stat key, the columns by their bytes, each file changed since they were
    kept, where it reads otherwise, by the values of `fields` and the problems read from it, and
    each linked folder by its problem. Equal keys, equal values read: a body written on leaves
    the key as it was. `changed`: what was read of each changed file (and linked folder)."""

    key: bytes
    fields: tuple[str, ...]
    changed: list[Changed]

    def agrees_with(self, loaded: Loaded) -> bool:
        """Whether the load read of each changed file what it told: a file written on between
        the two would not (then the output made is not kept under this key)."""
        paths = {path for path, _, _ in self.changed}
        if not paths:
            return True
        entries = {entry.path: entry for entry in loaded.entries if entry.path in paths}
        problems: dict[str, list[Problem]] = {}
        for problem in loaded.problems:
            if problem.path in paths:
                problems.setdefault(problem.path, []).append(problem)
        return all(
            _read_as_kept(entries.get(path), problems.get(path, []), self.fields) == (values, found)
            for path, values, found in self.changed
        )


def _read_as_kept(
    record: Record | None, problems: list[Problem], fields: tuple[str, ...]
) -> tuple[tuple[Any, ...] | None, tuple[tuple[Any, ...], ...]]:
    """A file's values of `fields` (dates as ISO text, as the columns keep them) and problems."""
    values = None if record is None else tuple(_as_kept(getattr(record, name)) for name in fields)
    return values, problem_tuples(problems)


def _as_kept(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _files(walked: Walk, kinds: Iterable[str]) -> tuple[Any, ...]:
    return tuple((kind, walked[kind][0], tuple(walked[kind][1])) for kind in sorted(kinds))


def _stat(path: Path | str) -> cache.Stat | None:
    try:
        return cache.stat_key(os.stat(path))
    except OSError:
        return None


def _code() -> tuple[tuple[str, cache.Stat | None], ...]:
    """The stat key of each of pln's modules."""
    found = []
    for folder, _, names in os.walk(_PACKAGE):
        found += [(f"{folder}/{name}", _stat(f"{folder}/{name}")) for name in names if name.endswith(".py")]
    return tuple(sorted(found))


def settled(root: Path, walked: Walk) -> bool:
    """Whether every file is old enough that an equal stat key means equal bytes."""
    now = cache.now_ns()
    keys = [key for listed, _ in walked.values() for _, key in listed]
    keys.append(_stat(root / CONFIG_FILE))
    if None in keys:
        return False
    # the largest of a key's numbers is its newer time (a size is far smaller): all older than
    # the longest racy window are settled, with no test per file, and only newer ones are tested
    newest = list(map(max, keys))  # type: ignore[arg-type]
    if now - max(newest, default=0) > cache.COARSE_RACY_NS:
        return True
    recent = compress(keys, map((now - cache.COARSE_RACY_NS).__le__, newest))
    return all(cache.is_settled(key, now) for key in recent)  # type: ignore[arg-type]


def kept(root: Path, name: str) -> Kept | None:
    """The output kept under `name`, if any (of this format)."""
    blob = cache.kept(root, PREFIX + name)
    if blob is None:
        return None
    try:
        version, *found = marshal.loads(blob)
        return Kept(*found) if version == FORMAT else None
    except (EOFError, ValueError, TypeError):
        return None


def keep(root: Path, name: str, made_of: bytes, values: bytes | None, written: Written | bytes) -> None:
    """Keep `written` (or, as `Kept.packed`, what was kept already) under its two keys. Not
    compressed: at 50k entries a report's JSON is 8 MB, which zlib makes 1 MB, but unmaking it
    would be a tenth of the time it takes to write it again."""
    packed = written if isinstance(written, bytes) else marshal.dumps(written)
    cache.keep(root, PREFIX + name, marshal.dumps((FORMAT, made_of, values, packed)))
