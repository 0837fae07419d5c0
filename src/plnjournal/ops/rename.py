"""`pln rename` and `pln rm`: move or remove a record and keep every reference to it right.

Both hold the journal lock and write through `ops.batch`, so a failure half way puts every file
back. A move (`move_record`, also `pln set date=...`) writes the new file first, then the files that
refer to it, and removes the old file last, so even a crash leaves a duplicate for `pln check` to
show, never a loss.
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError, UsageError
from plnjournal.frozen import frozen
from plnjournal.journal.atomic import refuse_link
from plnjournal.journal.ids import is_valid_id
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_in
from plnjournal.journal.refs import REFERRING_KEYS, Index, references
from plnjournal.journal.settings import Journal
from plnjournal.model import FOLDERS, Entry, Record, display_name
from plnjournal.ops.batch import Batch, all_or_nothing
from plnjournal.wikilinks import targets


def referrers(loaded: Loaded, target: Record) -> list[tuple[Record, str]]:
    """Records (and the key) that name `target`, by id or by name."""
    index = Index(loaded.records)
    found = []
    for cls, keys in REFERRING_KEYS.items():
        for record in loaded.of(cls.kind):
            for key, kind in keys.items():
                if kind == target.kind and target.id in _referenced_ids(index, record, key, kind):
                    found.append((record, key))
    return found


def _referenced_ids(index: Index, record: Record, key: str, kind: str) -> list[str]:
    return [index.canonical(kind, ref) for ref in references(record, key)]


def _replace_reference(
    index: Index, record: Record, key: str, kind: str, old: str, new: str | None
) -> Record:
    value: Any = getattr(record, key)
    if isinstance(value, str):
        return dataclasses.replace(record, **{key: None if new is None else new})
    ids = [index.canonical(kind, ref) for ref in value]
    kept = tuple(dict.fromkeys(new if ref == old else ref for ref in ids if ref != old or new))
    return dataclasses.replace(record, **{key: kept})


def rename_record(journal: Journal, ref: str, new_id: str, new_name: str | None = None) -> Change:
    if not is_valid_id(new_id):
        raise UsageError(f"{new_id!r} is not an id (lowercase letters, digits and hyphens)")
    with locked(journal):
        loaded = load(journal)
        target = find_in(loaded, ref)
        if any(r.id == new_id for r in loaded.of(target.kind)):
            raise PlnError(f"a {target.kind} with the id {new_id!r} already exists")
        if isinstance(target, Entry) and not new_id.startswith(target.date.isoformat()):
            raise UsageError(f"an entry's id starts with its date: {target.date.isoformat()}-...")
        changes: dict[str, Any] = {"id": new_id}
        if new_name:
            changes["name" if hasattr(target, "name") else "title"] = new_name
        with all_or_nothing(journal) as batch:
            move_record(batch, loaded, target, dataclasses.replace(target, **changes))
    return batch.change(f"rename {target.kind} {target.id} -> {new_id}")


def move_record(batch: Batch, loaded: Loaded, target: Record, moved: Record) -> Record:
    """Write `moved` (`target` under a new id; `id-2` if that is taken), point every reference to
    `target` at it, then remove `target`'s file; `moved` as written."""
    _refuse_links(batch.journal, [target, *(record for record, _ in referrers(loaded, target))])
    path = batch.create(moved)
    moved = dataclasses.replace(moved, id=PurePosixPath(path).stem, path=path)
    for record in updated_referrers(loaded, target, moved.id):
        batch.save(record)
    batch.remove(target.path)
    return moved


@frozen
class Removal:
    """What `pln rm` will do, shown before it asks: the file that goes, the files whose references
    to it are dropped (with the key), and what it leaves pointing at nothing."""

    path: str
    kind: str
    name: str
    dropped: tuple[tuple[str, str], ...] = ()  # (file, key) whose reference goes too (--force)
    dangling: tuple[str, ...] = ()  # one line each: a link in a note, an evidence file no entry names


def removal(journal: Journal, ref: str, force: bool = False) -> Removal:
    """The plan for removing the record `ref` names; refused while others name it, unless `force`."""
    loaded = load(journal)
    return _removal(journal, loaded, find_in(loaded, ref), force)


def remove_record(journal: Journal, ref: str, force: bool = False, shown: Removal | None = None) -> Change:
    """Remove it (and, with `force`, every reference to it); when `shown` is the plan the user
    agreed to, refuse if the journal has changed since, rather than remove something else."""
    with locked(journal):
        loaded = load(journal)
        target = find_in(loaded, ref)
        plan = _removal(journal, loaded, target, force)
        if shown is not None and plan != shown:
            raise PlnError(
                f"the journal changed while pln asked, so {target.path} was not removed; run pln rm again"
            )
        updates = updated_referrers(loaded, target, None)
        _refuse_links(journal, updates)
        with all_or_nothing(journal) as batch:
            for record in updates:
                batch.save(record)
            batch.remove(target.path)
    return batch.change(f"rm {target.kind} {target.id}")


def _removal(journal: Journal, loaded: Loaded, target: Record, force: bool) -> Removal:
    using = referrers(loaded, target)
    if using and not force:
        names = ", ".join(dict.fromkeys(record.id for record, _ in using[:3]))
        more = f" and {len(using) - 3} more" if len(using) > 3 else ""
        raise PlnError(
            f"{target.id} is named by {len(using)} record(s) ({names}{more}); "
            "use --force to remove it and those references"
        )
    dropped = tuple(sorted((record.path, key) for record, key in using))
    return Removal(
        target.path, target.kind, display_name(target), dropped, _dangling(journal, loaded, target)
    )


def _dangling(journal: Journal, loaded: Loaded, target: Record) -> tuple[str, ...]:
    """Links to `target` in other records' notes (`[[people/jane-doe|Jane]]`, `[[Jane Doe]]`),
    which pln does not rewrite, and the evidence files only this entry names."""
    names = {target.id, display_name(target).casefold(), f"{FOLDERS[target.kind]}/{target.id}"}
    lines = [
        f"a link to it in the notes of {record.path}"
        for records in loaded.records.values()
        for record in records
        if record.path != target.path and any(link.casefold() in names for link in targets(record.body))
    ]
    if isinstance(target, Entry):
        named_elsewhere = {
            path for entry in loaded.entries if entry.path != target.path for path in entry.evidence
        }
        lines += [
            f"{path}, an evidence file no other entry names"
            for path in dict.fromkeys(target.evidence)
            if path not in named_elsewhere and "://" not in path and (journal.root / path).is_file()
        ]
    return tuple(lines)


def updated_referrers(loaded: Loaded, target: Record, new_id: str | None) -> list[Record]:
    """The records that name `target`, naming `new_id` instead (or nothing, for None)."""
    index = Index(loaded.records)
    updated: dict[str, Record] = {}
    for record, key in referrers(loaded, target):
        current = updated.get(record.path, record)
        kind = REFERRING_KEYS[type(record)][key]
        updated[record.path] = _replace_reference(index, current, key, kind, target.id, new_id)
    return list(updated.values())


def _refuse_links(journal: Journal, records: list[Record]) -> None:
    """Check every file first, so a symbolic link stops the change before anything is written
    (and the message names the journal-relative path)."""
    for record in records:
        refuse_link(journal.root / record.path, record.path)
