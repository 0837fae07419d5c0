"""Imported rows -> files, under the lock, through the atomic writer: `pln import`.

An entry row is written under a fresh id unless its `source` is already in the journal (by its
content: the same PD-log rows in a file of another name are the same rows, see `content_key`); a whole
record (pln's own export, pln's Obsidian export) keeps its id and path, and is skipped when the
journal already holds the same record, refused when it holds a different one under that id. So
the same file twice adds nothing. A row naming an unknown person or space is refused with its
reason (unless `add_missing`); one bad row never stops the rest. `dry_run` plans the same paths
and writes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.importing import Row, content_key
from plnjournal.journal.atomic import write_new, write_unique
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import folder_for, record_text
from plnjournal.model import FOLDERS, NAMED_KINDS, Entry, Record, display_name
from plnjournal.ops.attach import EVIDENCE_FOLDER, evidence_stem, evidence_suffix
from plnjournal.ops.create import body_text, entry_stem, resolve_references

Progress = Callable[[Sequence[Row]], Iterable[Row]]


@frozen
class Outcome:
    """What an import did (or would do): the files written, how many rows were already there, and
    what was refused."""

    change: Change
    new: int
    skipped: int
    rejected: tuple[tuple[str, str], ...]  # (row label, reason)
    dry_run: bool = False
    passed: tuple[tuple[str, str], ...] = ()  # (row label, why it is not an entry): notes without a date


def run_import(
    journal: Journal,
    rows: Sequence[Row],
    *,
    add_missing: bool,
    what: str,
    progress: Progress = iter,
    dry_run: bool = False,
) -> Outcome:
    """Write the new rows (and the people, spaces... they name, with `add_missing`)."""
    with locked(journal):
        run = _Run(journal, add_missing, dry_run)
        for row in progress(rows):
            run.take(row)
    return run.outcome(what)


class _Run:
    """One import: what the journal holds, and what this import has written so far."""

    def __init__(self, journal: Journal, add_missing: bool, dry_run: bool) -> None:
        loaded = load(journal, tuple(FOLDERS))
        self.journal, self.add_missing, self.dry_run = journal, add_missing, dry_run
        self.sources = {content_key(entry.source) for entry in loaded.entries if entry.source}
        self.records = {(r.kind, r.id): r for kind in FOLDERS for r in loaded.of(kind)}
        self.index = Index(loaded.records)
        self.planned: set[Path] = set()
        self.written: list[str] = []
        self.created: list[str] = []
        self.rejected: list[tuple[str, str]] = []
        self.skipped = 0
        self.passed: list[tuple[str, str]] = []
        self.stubs: list[Record] = []

    def take(self, row: Row) -> None:
        if row.problem is not None:
            self.rejected.append((row.label, row.problem))
            return
        if row.skipped is not None:
            self.passed.append((row.label, row.skipped))
            return
        try:
            if row.record is not None:
                self._whole(row.record, row.files)
            elif content_key(row.source) in self.sources:
                self.skipped += 1
            else:
                self._entry(row)
                self.sources.add(content_key(row.source))
        except (PlnError, OSError) as problem:
            self.rejected.append((row.label, getattr(problem, "message", None) or str(problem)))

    def _whole(self, record: Record, files: tuple[tuple[str, bytes], ...] = ()) -> None:
        """A record that keeps its id: skipped when already here, refused when another has its id."""
        existing = self.records.get((record.kind, record.id))
        if existing is not None:
            if _same(existing, record):
                self.skipped += 1
                return
            raise PlnError(
                f"the journal already has a different {record.kind} {record.id!r} ({existing.path})"
            )
        path = self._save(_home(self.journal, record), record.id, record)
        self._copy(files)
        self.records[(record.kind, record.id)] = record
        if record.kind in NAMED_KINDS:
            self.index.by_id[record.kind][record.id] = record
            self.index.by_name[record.kind].setdefault(display_name(record).casefold(), record.id)
        self.written.append(path)
        self.created.append(path)

    def _entry(self, row: Row) -> None:
        """The paths written for one entry row: any new stubs it names, then its entry (last)."""
        values = dict(row.values)
        known = len(self.stubs)
        try:
            resolve_references(self.index, values, self.add_missing, self.stubs)
        except PlnError:
            del self.stubs[known:]  # a stub made for a row that is then refused is never written
            raise
        for stub in self.stubs[known:]:
            self.written.append(self._save(folder_for(self.journal, stub), stub.id, stub))
        entry = Entry(
            id=entry_stem(values), body=body_text(row.body), extra=row.extra, source=row.source, **values
        )
        copies = [self._attach(entry, name, content) for name, content in row.attachments]
        entry = dataclasses.replace(entry, evidence=(*entry.evidence, *copies))
        path = self._save(folder_for(self.journal, entry), entry.id, entry)
        self.written.append(path)
        self.created.append(path)

    def _copy(self, files: tuple[tuple[str, bytes], ...]) -> None:
        """The evidence files a whole record brings, at their own paths in evidence/, when absent."""
        for relative, content in files:
            where = PurePosixPath(relative)
            path = self.journal.root.joinpath(*where.parts)
            if (
                where.parts[0] != EVIDENCE_FOLDER
                or ".." in where.parts
                or path.exists()
                or path in self.planned
            ):
                continue
            if self.dry_run:
                self.planned.add(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_new(path, content)
            self.written.append(relative)

    def _attach(self, entry: Entry, name: str, content: bytes) -> str:
        """A copy of a file the row brings (a badge's assertion) in evidence/, as `pln attach` names it."""
        folder, stem = self.journal.root / EVIDENCE_FOLDER, evidence_stem(entry, Path(name))
        suffix = evidence_suffix(Path(name))
        if self.dry_run:
            path = _free_name(folder, stem, self.planned, suffix)
            self.planned.add(path)
        else:
            path = write_unique(folder, stem, content, suffix=suffix)
        relative = self.journal.relative(path)
        self.written.append(relative)
        return relative

    def _save(self, folder: Path, stem: str, record: Record) -> str:
        """Write the record under the first free name (or, in a dry run, plan it); its relative path."""
        if self.dry_run:
            path = _free_name(folder, stem, self.planned)
            self.planned.add(path)
        else:
            path = write_unique(folder, stem, record_text(record))
        return self.journal.relative(path)

    def outcome(self, what: str) -> Outcome:
        noun = "entries" if all(path.startswith("entries/") for path in self.created) else "records"
        change = Change(
            f"import {len(self.created)} {noun} from {what}",
            written=tuple(self.written),
            created=tuple(self.created),
        )
        return Outcome(
            change, len(self.created), self.skipped, tuple(self.rejected), self.dry_run, tuple(self.passed)
        )


def _same(existing: Record, record: Record) -> bool:
    """The same record, wherever its file lives (a reimport finds what the first import wrote)."""
    return dataclasses.replace(existing, path="") == dataclasses.replace(record, path="")


def _home(journal: Journal, record: Record) -> Path:
    """The folder a whole record goes back to: where it lived, when that is a folder of its kind."""
    where = PurePosixPath(record.path)
    kind_folder = FOLDERS[record.kind]
    if (
        record.path
        and where.suffix == ".md"
        and where.stem == record.id
        and where.parts[0] == kind_folder
        and all(part not in ("", ".", "..") and not part.startswith(".") for part in where.parts)
    ):
        return journal.root.joinpath(*where.parent.parts)
    return folder_for(journal, record)


def _free_name(folder: Path, stem: str, planned: set[Path], suffix: str = ".md") -> Path:
    """The name `write_unique` would choose, for a dry run."""
    for number in range(1, 10_000):
        path = folder / f"{stem if number == 1 else f'{stem}-{number}'}{suffix}"
        if path not in planned and not path.exists():
            return path
    raise PlnError(f"{folder}: no free file name for {stem!r}")
