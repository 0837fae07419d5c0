"""Files -> records: read a journal's Markdown files into records plus Problems; never raises.

A file that cannot be read (bad YAML, not UTF-8, a conflict marker, a missing required key) becomes
a Problem with its `path:line` and the rest of the journal loads as usual.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FormatError
from .fileformat import decode, parse_front_matter, split
from .model import FOLDERS, KIND_OF_FOLDER, RECORD_TYPES, Entry, Record
from .problems import Problem, error
from .schema import build_record


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a load found: the records of each kind, and the problems met on the way."""

    records: dict[str, tuple[Record, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def of(self, kind: str) -> tuple[Record, ...]:
        return self.records.get(kind, ())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.of("entry")  # type: ignore[return-value]

    @property
    def skipped(self) -> tuple[Problem, ...]:
        """Problems that kept a whole file out (the ones other commands warn about)."""
        loaded = {record.path for records in self.records.values() for record in records}
        return tuple(p for p in self.problems if p.level == "error" and p.path not in loaded)


def journal_files(root: Path) -> tuple[str, ...]:
    """Every file under `root` as a relative path, hidden folders (.git, .pln, .obsidian) left out."""
    found: list[str] = []
    for current, folders, files in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(current).relative_to(root)
        found.extend((base / name).as_posix() for name in files)
    return tuple(sorted(found))


def read_record(root: Path, path: Path, kind: str | None = None) -> tuple[Record | None, list[Problem]]:
    """One file -> its record (or None) and the problems it has."""
    return parse_file(str(path), path.relative_to(root).as_posix(), kind)


def parse_file(full_path: str, relative: str, kind: str | None = None) -> tuple[Record | None, list[Problem]]:
    """`read_record` on plain strings, as the bulk loaders call it (no Path per file)."""
    kind = kind or KIND_OF_FOLDER.get(relative.split("/", 1)[0], "")
    if kind not in RECORD_TYPES:
        return None, [error(relative, 1, "unknown-folder", "not in a folder pln knows")]
    try:
        with open(full_path, "rb") as handle:
            text = decode(handle.read())
        parts = split(text)
        data, lines = (
            ({}, {})
            if parts.front_matter is None
            else parse_front_matter(parts.front_matter, parts.first_line)
        )
    except FormatError as problem:
        return None, [error(relative, problem.line, problem.code, problem.message)]
    except OSError as problem:
        return None, [error(relative, 1, "unreadable", f"cannot read: {problem.strerror or problem}")]
    if parts.front_matter is None:
        return None, [error(relative, 1, "no-front-matter", "no front-matter (a '---' block) at the top")]
    return build_record(
        RECORD_TYPES[kind],
        data,
        record_id=relative.rsplit("/", 1)[-1][:-3],
        path=relative,
        body=parts.body,
        lines=lines,
        newline=parts.newline,
        bom=parts.bom,
    )


def load(root: Path, kinds: Iterable[str] = tuple(FOLDERS), *, refresh_cache: bool = True) -> Loaded:
    """Every record of the given kinds under `root`, with the problems found.

    Unchanged files come from the cache in `.pln/` (unless $PLN_NO_CACHE is set); the others are
    parsed, in parallel when there are many, and the cache is refreshed. The result is the same
    either way, in path order.
    """
    from .bulk import load_kind

    records: dict[str, tuple[Record, ...]] = {}
    problems: list[Problem] = []
    with _without_cyclic_gc():
        for kind in kinds:
            found, kind_problems = load_kind(root, kind, refresh_cache)
            records[kind] = tuple(found)
            problems.extend(kind_problems)
    return Loaded(records, tuple(problems))


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Records hold no reference cycles, yet making 50k of them triggers many full collections
    that find nothing: pausing the cyclic collector makes a warm load about a quarter faster."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
