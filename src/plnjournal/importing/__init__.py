"""Notes kept elsewhere -> new entries: `pln import --from jrnl|csv FILE`.

A reader (`jrnl.py`, `csvlog.py`) turns a file into `Row`s: the values of one entry to be, with
references by name, a stable `source` key, and the reason when the row cannot be used. `run_import`
writes the rows: one entry file each through the atomic writer, skipping a row whose `source` is
already in the journal (so importing the same file twice adds nothing) and rejecting, with its
reason, a row that names an unknown person or space (unless `add_missing`). One bad row never
stops the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save_new
from plnjournal.model import NAMED_KINDS, Entry, Record
from plnjournal.ops.create import body_text, entry_stem, resolve_references


@dataclass(frozen=True, slots=True)
class Row:
    """One entry to be: where it came from (`label`, `source`), its values, or why it cannot be."""

    label: str
    source: str
    values: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an import did: the entries written, how many were already there, and what was refused."""

    change: Change
    new: int
    skipped: int
    rejected: tuple[tuple[str, str], ...]  # (row label, reason)


def source_key(prefix: str, *parts: str) -> str:
    """A stable key for a row: its origin and the first 12 hex digits of a hash of its content."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{prefix}:{digest}"


Progress = Callable[[Sequence[Row]], Iterable[Row]]


def run_import(
    journal: Journal, rows: Sequence[Row], *, add_missing: bool, what: str, progress: Progress = iter
) -> Outcome:
    """Write the new rows as entries (and the people, spaces... they name, with `add_missing`)."""
    with locked(journal):
        loaded = load(journal.root, (*NAMED_KINDS, "entry"))
        seen = {entry.source for entry in loaded.entries if entry.source}
        index = Index(loaded.records)
        written: list[str] = []
        created: list[str] = []
        rejected: list[tuple[str, str]] = []
        skipped = 0
        stubs: list[Record] = []
        for row in progress(rows):
            if row.problem is not None:
                rejected.append((row.label, row.problem))
            elif row.source in seen:
                skipped += 1
            else:
                try:
                    paths = _write_row(journal, index, row, add_missing, stubs)
                except (PlnError, OSError) as problem:
                    rejected.append((row.label, getattr(problem, "message", None) or str(problem)))
                    continue
                seen.add(row.source)
                written += paths
                created.append(paths[-1])
    change = Change(
        f"import {len(created)} entries from {what}", written=tuple(written), created=tuple(created)
    )
    return Outcome(change, len(created), skipped, tuple(rejected))


def _write_row(journal: Journal, index: Index, row: Row, add_missing: bool, stubs: list[Record]) -> list[str]:
    """The paths written for one row: any new stubs it names, then its entry (written last)."""
    values = dict(row.values)
    known = len(stubs)
    try:
        resolve_references(index, values, add_missing, stubs)
    except PlnError:
        del stubs[known:]  # a stub made for a row that is then refused is never written
        raise
    paths = [journal.relative(save_new(journal, stub)) for stub in stubs[known:]]
    entry = Entry(
        id=entry_stem(values), body=body_text(row.body), extra=row.extra, source=row.source, **values
    )
    return [*paths, journal.relative(save_new(journal, entry))]
