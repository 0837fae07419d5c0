"""The parsed-records cache in `.pln/`: never the source of truth, only a shortcut past parsing.

One file per record kind (`.pln/records-entry.bin`...) maps each journal-relative path to the
file's `(size, mtime_ns, ctime_ns)` and its packed parse (see `packed.py`). A file whose stat
differs is parsed again, so an edit is seen even when its mtime was put back (the ctime moves).

A cache file is trusted only whole: a header names the format, the Python and the record fields
it was written for, then the payload's length and BLAKE2 digest. Anything else (missing,
truncated, garbage, another version, a half-written file) reads as empty and is rebuilt. It is
written through `store.replace_bytes` (temp file + os.replace), so concurrent writers each leave
a whole file behind. Deleting `.pln/` changes no output, only the time it takes.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import time
from pathlib import Path
from typing import Any

from plnjournal.journal.atomic import replace_bytes
from plnjournal.journal.packed import Packed, signature
from plnjournal.journal.settings import CACHE_DIR

FORMAT = 1
MAGIC = b"pln-records-cache\n"
DIGEST_SIZE = 16
NO_CACHE_VARIABLE = "PLN_NO_CACHE"
# A file changed within this long of being read may change again within the same timestamp tick
# (git's "racily clean" problem): it is parsed again next time rather than trusted.
RACY_NS = 250_000_000
COARSE_RACY_NS = 2_000_000_000  # file systems that keep whole seconds only

Stat = tuple[int, int, int]
Rows = dict[str, tuple[Stat, Packed]]


def enabled() -> bool:
    """False under `pln --no-cache` (which sets $PLN_NO_CACHE) or when the user sets it."""
    return not os.environ.get(NO_CACHE_VARIABLE)


def cache_file(root: Path, kind: str) -> Path:
    return root / CACHE_DIR / f"records-{kind}.bin"


def stat_key(stat: os.stat_result) -> Stat:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def is_settled(key: Stat, now_ns: int) -> bool:
    """True when the file's last change is old enough that an equal stat means equal bytes."""
    _, mtime, ctime = key
    whole_seconds = mtime % 1_000_000_000 == 0 and ctime % 1_000_000_000 == 0
    return now_ns - max(mtime, ctime) > (COARSE_RACY_NS if whole_seconds else RACY_NS)


def _header(kind: str) -> bytes:
    return MAGIC + f"{FORMAT} {sys.hexversion} {signature(kind)}\n".encode()


def read(root: Path, kind: str) -> Rows:
    """The cached rows of `kind`, or {} when there is no whole, current cache file."""
    try:
        data = cache_file(root, kind).read_bytes()
    except OSError:
        return {}
    header = _header(kind)
    start = len(header) + 8 + DIGEST_SIZE
    if not data.startswith(header) or len(data) < start:
        return {}
    length = int.from_bytes(data[len(header) : len(header) + 8], "little")
    digest = data[len(header) + 8 : start]
    payload = memoryview(data)[start:]
    if len(payload) != length or hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() != digest:
        return {}
    try:
        rows = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return rows if isinstance(rows, dict) else {}


def write(root: Path, kind: str, rows: Rows) -> None:
    """Save `rows` atomically; a journal that cannot be written to just goes without a cache."""
    payload = marshal.dumps(rows)
    digest = hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest()
    data = _header(kind) + len(payload).to_bytes(8, "little") + digest + payload
    with contextlib.suppress(OSError):
        replace_bytes(cache_file(root, kind), data)


def clear(root: Path) -> list[Path]:
    """Remove every cache file; the ones removed."""
    removed = []
    for path in sorted((root / CACHE_DIR).glob("records-*.bin")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def now_ns() -> int:
    return time.time_ns()


def settled_rows(found: dict[str, tuple[Stat, Packed | None]], now: int) -> Rows:
    """The rows worth keeping: packable, and not changed too recently to trust their stat."""
    return {
        path: (key, packed)
        for path, (key, packed) in found.items()
        if packed is not None and is_settled(key, now)
    }


def differs(old: Rows, new: dict[str, Any]) -> bool:
    return old.keys() != new.keys() or any(old[path][0] != row[0] for path, row in new.items())
