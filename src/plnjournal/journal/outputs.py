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
that leave the machine are never kept.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from plnjournal.journal import cache
from plnjournal.journal.packed import date_fields, problem_tuples
from plnjournal.journal.scan import Walk
from plnjournal.journal.settings import CONFIG_FILE

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded

FORMAT = 2  # bump when what `keep` writes changes
PREFIX = "output "  # the names of kept outputs among the index's kept values
_PACKAGE = Path(__file__).resolve().parents[1]
_DATES = frozenset(date_fields("entry"))
Written = list[tuple[int, str]]  # (1 for stdout or 2 for stderr, text), in order


class Kept(NamedTuple):
    """An output as kept: its two keys and what was written, compressed (`written` reads it)."""

    made_of: bytes
    values: bytes | None
    packed: bytes

    def written(self) -> Written | None:
        try:
            found = marshal.loads(zlib.decompress(self.packed))
        except (EOFError, ValueError, TypeError, zlib.error):
            return None
        return found if isinstance(found, list) else None


class MadeOf:
    """What one run of a report is made of, but its files: the parameters as read (`asked`),
    pln.yaml, pln's modules, the Python; `key` and `values_key` add the files."""

    def __init__(self, root: Path, walked: Walk, asked: tuple[Any, ...]) -> None:
        self.walked = walked
        self.common = (FORMAT, sys.hexversion, asked, _stat(root / CONFIG_FILE), _code())

    def key(self) -> bytes | None:
        """The digest of it all, the files by their stat keys; None when a value cannot be written."""
        return self._digest(_files(self.walked, self.walked))

    def values_key(self, loaded: Loaded, fields: tuple[str, ...]) -> bytes | None:
        """`key` with the entries as the values of `fields` of each (in path order, dates as
        ordinals) and every problem the load found."""
        columns: list[Any] = []
        for name in fields:
            values = list(map(attrgetter(name), loaded.entries))
            if name in _DATES:
                values = [None if day is None else day.toordinal() for day in values]
            elif name == "lines":
                try:
                    values = _layouts(values)
                except TypeError:  # not a dict, nor a value a dict can hold: never kept
                    return None
            columns.append(values)
        others = _files(self.walked, [kind for kind in self.walked if kind != "entry"])
        entries = (tuple(self.walked["entry"][1]), fields, columns, problem_tuples(list(loaded.problems)))
        return self._digest((others, entries))

    def _digest(self, files: Any) -> bytes | None:
        import hashlib

        try:  # version 2: no back-references, so equal values give equal bytes
            text = marshal.dumps((*self.common, files), 2)
        except ValueError:
            return None
        return hashlib.blake2b(text, digest_size=32).digest()


def _layouts(values: list[Any]) -> tuple[list[Any], list[int]]:
    """Each entry's `lines` as its place among the distinct layouts, told by value (a parsed
    entry's dict equals the one the served entries share): the same values in a tenth of the bytes."""
    ids = list(map(id, values))
    places: dict[Any, int] = {}
    place_of = {
        key: places.setdefault(tuple(lines.items()) if type(lines) is dict else lines, len(places))
        for key, lines in dict(zip(ids, values, strict=True)).items()
    }
    return list(places), list(map(place_of.__getitem__, ids))


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
    # the longest racy window are settled, with no test per file
    if now - max(map(max, keys), default=0) > cache.COARSE_RACY_NS:
        return True
    return all(cache.is_settled(key, now) for key in keys)  # type: ignore[arg-type]


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
    """Keep `written` (compressed: a report's JSON is megabytes of repeated keys and words; or
    as `Kept.packed` already) under its two keys."""
    packed = written if isinstance(written, bytes) else zlib.compress(marshal.dumps(written), 1)
    cache.keep(root, PREFIX + name, marshal.dumps((FORMAT, made_of, values, packed)))
