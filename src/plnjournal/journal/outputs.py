"""A report's output kept in the index with everything it was made from, and given again, as
it was written, while all of that is as it was.

A report is a pure function of the journal's files, pln.yaml, the command line, today and pln
itself. `key` puts all of them in bytes: the stat key of every file of every kind (the walk the
load makes anyway; an edit, an mtime put back, a file added or removed changes it), of pln.yaml,
of each of pln's own modules (a new pln, or one edited in place), with the command's
parameters, the day and the Python. `kept` gives the output kept under a name only when its key
is byte for byte the one asked, so nothing about the files is ever taken on trust; `keep` stores
one only when every file is settled (as the index's rows: `cache.is_settled`). The network
report, which also asks git, and outputs that leave the machine are never kept.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plnjournal.journal import cache
from plnjournal.journal.scan import Walk
from plnjournal.journal.settings import CONFIG_FILE

FORMAT = 1  # bump when what `keep` writes changes
PREFIX = "output "  # the names of kept outputs among the index's kept values
_PACKAGE = Path(__file__).resolve().parents[1]
Written = list[tuple[int, str]]  # (1 for stdout or 2 for stderr, text), in order


def key(root: Path, walked: Walk, asked: tuple[Any, ...]) -> bytes | None:
    """What an output depends on, as a BLAKE2 digest of it all (as git names content by its hash:
    equal digests are equal values); None when a value cannot be written."""
    import hashlib

    files = tuple((kind, listed, tuple(links)) for kind, (listed, links) in sorted(walked.items()))
    made_of = (FORMAT, sys.hexversion, asked, _stat(root / CONFIG_FILE), _code(), files)
    try:
        text = marshal.dumps(made_of, 2)  # version 2: no back-references, equal values give equal bytes
    except ValueError:
        return None
    return hashlib.blake2b(text, digest_size=32).digest()


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
    keys: Iterable[cache.Stat | None] = (key for listed, _ in walked.values() for _, key in listed)
    return all(key is not None and cache.is_settled(key, now) for key in (*keys, _stat(root / CONFIG_FILE)))


def kept(root: Path, name: str, made_of: bytes) -> Written | None:
    """The output kept under `name` when it was made of `made_of`; None otherwise."""
    blob = cache.kept(root, PREFIX + name)
    if blob is None:
        return None
    try:
        version, kept_of, packed = marshal.loads(blob)
        if version != FORMAT or kept_of != made_of:
            return None
        written = marshal.loads(zlib.decompress(packed))
    except (EOFError, ValueError, TypeError, zlib.error):
        return None
    return written if isinstance(written, list) else None


def keep(root: Path, name: str, made_of: bytes, written: Written) -> None:
    """Keep `written` (compressed: a report's JSON is megabytes of repeated keys and words)."""
    packed = zlib.compress(marshal.dumps(written), 1)
    cache.keep(root, PREFIX + name, marshal.dumps((FORMAT, made_of, packed)))
