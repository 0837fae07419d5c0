"""`pln set ID KEY=VALUE...`: change fields of one record without an editor, checked like `pln log`.

`KEY=VALUE` sets a value, `KEY+=VALUE` / `KEY-=VALUE` add to or take from a list (commas separate
several), `--unset KEY` removes a key; `growth.DIM=NOTE` and `handles.SERVICE=@HANDLE` reach into a
mapping. Values are read as the command line reads them (`fieldvalues`): dates in words, minutes,
references by id or name with "did you mean", vocabularies with the closest valid value. A key pln
does not know is kept as written, like a hand-edited file's. A new `date` moves an entry (or a
reflection) to the file its date names, and every reference follows. All files change, or none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Sequence
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import UsageError
from plnjournal.frozen import frozen
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_in
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.model import Record, field_key, record_keys
from plnjournal.ops.batch import all_or_nothing
from plnjournal.ops.fieldvalues import Assignment, Request, changer_for, extra_value, split
from plnjournal.ops.rename import move_record

_ASSIGNMENT = re.compile(r"^(?P<key>[A-Za-z0-9_][A-Za-z0-9_.-]*?)\s*(?P<op>\+=|-=|=)(?P<value>.*)$", re.S)
FIXED = {"id": "use 'pln rename' to change an id", "body": "use 'pln edit' to change the notes"}


def parse_assignment(text: str) -> Assignment:
    """`minutes=60`, `tags+=grading`, `people-=tom-lee`, `growth.social=Met two teachers`."""
    found = _ASSIGNMENT.match(text.strip())
    if not found:
        raise UsageError(f"{text!r} is not KEY=VALUE (or KEY+=VALUE, KEY-=VALUE)")
    return Assignment(found["key"], found["op"], found["value"].strip())  # type: ignore[arg-type]


def unset(key: str) -> Assignment:
    return Assignment(key.strip(), "unset")


@frozen
class Setting:
    """What one `pln set` did: the change (empty when nothing differs), the record now, warnings."""

    change: Change
    record: Record
    warnings: tuple[str, ...] = ()


def set_fields(journal: Journal, ref: str, assignments: Sequence[Assignment]) -> Setting:
    """Apply the assignments to the record `ref` names and write it (moved, for a new date)."""
    if not assignments:
        raise UsageError("say what to change: pln set ID KEY=VALUE ... (or --unset KEY)")
    with locked(journal):
        loaded = load(journal)
        target = find_in(loaded, ref)
        updated, warnings = apply_all(target, assignments, Index(loaded.records))
        summary = ", ".join(str(assignment) for assignment in assignments)
        with all_or_nothing(journal) as batch:
            if updated.id != target.id:
                updated = move_record(batch, loaded, target, updated)
            else:
                batch.save(updated)
        moved = tuple(batch.written[:1]) if batch.removed else ()
        change = batch.change(f"set {target.kind} {target.id}: {summary}", created=moved)
    return Setting(change, updated, tuple(warnings))


def apply_all(record: Record, assignments: Sequence[Assignment], index: Index) -> tuple[Record, list[str]]:
    """The record with every assignment applied in order (pure: nothing is written)."""
    warnings: list[str] = []
    for assignment in assignments:
        record = apply(record, assignment, index, warnings)
    return record, warnings


def apply(record: Record, assignment: Assignment, index: Index, warnings: list[str]) -> Record:
    key, _, part = assignment.key.partition(".")
    if key in FIXED:
        raise UsageError(f"{key}: {FIXED[key]}")
    field = _FIELDS[type(record)].get(key)
    if key == "hours" and "minutes" in _FIELDS[type(record)]:
        field = ("minutes", "hours")  # `hours=1.5`: the minutes, read in hours
        key = "minutes"
    if field is None:
        return _set_extra(record, assignment, warnings)
    attribute, shape = field
    current = getattr(record, attribute)
    request = Request(record, key, part, assignment, index)
    value = changer_for(request, shape)(request, current)
    changes: dict[str, Any] = {attribute: value}
    if key in record.extra:  # an unusable value kept as written gives way to the new one
        changes["extra"] = {name: kept for name, kept in record.extra.items() if name != key}
    if key == "date" and value != current:
        changes["id"] = dated_id(record.id, current, value)
    return dataclasses.replace(record, **changes)


def dated_id(record_id: str, old: dt.date, new: dt.date) -> str:
    """The id for a new date: `2026-11-22-chat` -> `2026-11-29-chat` (a hand-made name gains one)."""
    rest = (
        record_id.removeprefix(old.isoformat()).lstrip("-")
        if record_id.startswith(old.isoformat())
        else record_id
    )
    return f"{new.isoformat()}-{rest}" if rest else new.isoformat()


def _set_extra(record: Record, assignment: Assignment, warnings: list[str]) -> Record:
    """A key pln does not know: kept as written (a near miss of a known key is said)."""
    key = assignment.key
    close = difflib.get_close_matches(key, list(_FIELDS[type(record)]), n=1, cutoff=0.8)
    if close and key not in record.extra:
        warnings.append(
            f"{key!r} is not a key pln knows for {_a(record.kind)}; kept as written"
            f" (did you mean {close[0]!r}?)"
        )
    extra = dict(record.extra)
    current = extra.get(key)
    if assignment.op == "unset" or (assignment.op == "=" and not assignment.value):
        if key not in extra:
            raise UsageError(f"{assignment}: {record.id} has no {key!r}")
        del extra[key]
    elif assignment.op == "=":
        extra[key] = extra_value(assignment.value)
    else:
        items = current if isinstance(current, list) else [] if current is None else [current]
        values = [extra_value(part) for part in split(assignment.value)]
        if assignment.op == "+=":
            extra[key] = list(dict.fromkeys([*items, *values]))
        else:
            missing = [value for value in values if value not in items]
            if missing:
                raise UsageError(f"{assignment}: {missing[0]!r} is not in {key}")
            extra[key] = [item for item in items if item not in values]
            if not extra[key]:
                del extra[key]
    return dataclasses.replace(record, extra=extra)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _fields(cls: type[Record]) -> dict[str, tuple[str, str]]:
    keys = set(record_keys(cls))
    return {
        field_key(f.name): (f.name, str(f.type)) for f in dataclasses.fields(cls) if field_key(f.name) in keys
    }


_FIELDS = {cls: _fields(cls) for cls in Record.__subclasses__()}
