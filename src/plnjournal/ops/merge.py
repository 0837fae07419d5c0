"""`pln merge KEEP DROP`: one person, space, tool or goal recorded twice becomes one.

Every reference to DROP names KEEP; DROP's keys fill KEEP's missing ones (a key both have keeps
KEEP's value, and says so), lists are joined, DROP's notes are appended to KEEP's; DROP's file goes.
All of it is written, or none (`ops.batch`); one commit.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_in
from plnjournal.journal.settings import Journal
from plnjournal.model import BASE_ATTRIBUTES, NAMED_KINDS, Record, field_key
from plnjournal.ops.batch import all_or_nothing
from plnjournal.ops.rename import referrers, updated_referrers


@frozen
class Merged:
    """What a merge did: the change, the record kept (as written), and the values it did not take."""

    change: Change
    record: Record
    referrers: int
    warnings: tuple[str, ...] = ()


def merge_records(journal: Journal, keep_ref: str, drop_ref: str) -> Merged:
    with locked(journal):
        loaded = load(journal)
        keep = find_in(loaded, keep_ref, NAMED_KINDS)
        drop = find_in(loaded, drop_ref, NAMED_KINDS)
        if keep.kind != drop.kind:
            raise PlnError(f"{keep.id} is a {keep.kind} and {drop.id} a {drop.kind}: only one kind merges")
        if keep.path == drop.path:
            raise PlnError(f"{keep_ref!r} and {drop_ref!r} are the same {keep.kind} ({keep.id})")
        merged, warnings = combine(keep, drop)
        using = referrers(loaded, drop)
        with all_or_nothing(journal) as batch:
            batch.save(merged)
            for record in updated_referrers(loaded, drop, keep.id):
                batch.save(merged if record.path == merged.path else record)
            batch.remove(drop.path)
    change = batch.change(f"merge {keep.kind} {drop.id} into {keep.id}")
    return Merged(change, merged, len({record.path for record, _ in using}), tuple(warnings))


def combine(keep: Record, drop: Record) -> tuple[Record, list[str]]:
    """KEEP with DROP's values where KEEP has none, lists and maps joined, DROP's notes after
    KEEP's; a warning for each value of DROP's that KEEP's own value wins over (pure)."""
    changes: dict[str, Any] = {}
    warnings: list[str] = []
    for field in dataclasses.fields(keep):
        if field.name in BASE_ATTRIBUTES:
            continue
        ours, theirs = getattr(keep, field.name), getattr(drop, field.name)
        value = _joined(ours, theirs)
        if value != ours:
            changes[field.name] = value
        elif _differs(field.name, ours, theirs):
            warnings.append(f"kept {keep.id}'s {field_key(field.name)} {ours!r} ({drop.id} had {theirs!r})")
    extra = {**drop.extra, **keep.extra}
    if extra != keep.extra:
        changes["extra"] = extra
    if drop.body.strip():
        changes["body"] = _joined_body(keep.body, drop.body)
    return dataclasses.replace(keep, **changes), warnings


def _differs(name: str, ours: Any, theirs: Any) -> bool:
    """A single value both records hold, differently (the names always differ: not worth saying)."""
    single = not isinstance(ours, tuple | dict)
    return name != "name" and single and not _empty(theirs) and theirs != ours


def _joined(ours: Any, theirs: Any) -> Any:
    if isinstance(ours, tuple):
        return tuple(dict.fromkeys((*ours, *theirs)))
    if isinstance(ours, dict):
        return {**theirs, **ours}
    return theirs if _empty(ours) else ours


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value == {}


def _joined_body(ours: str, theirs: str) -> str:
    if not ours.strip():
        return theirs
    separator = "" if ours.endswith("\n\n") else "\n" if ours.endswith("\n") else "\n\n"
    return ours + separator + theirs
