"""pln's own `export --format json` -> Rows of whole records: every person, space, tool, goal and
reflection, then every entry, with its id, path, every key (unknown ones too) and its body, so a
journal exported and imported into an empty one reads the same in every report.

An entry's references were exported as `{id, name}`; the id comes back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plnjournal.importing import Row
from plnjournal.importing.sniff import PLN_EXPORT, read_json
from plnjournal.journal.ids import is_valid_id
from plnjournal.journal.refs import ENTRY_REFERENCES
from plnjournal.journal.schema import build_record
from plnjournal.model import RECORD_TYPES, record_keys
from plnjournal.reports.export import COLLECTIONS

WHAT = "a pln JSON export (pln export --format json)"


def read_pln(path: Path) -> list[Row]:
    """Every record of a pln JSON export, named records first; a PlnError when it is not one."""
    from plnjournal.errors import PlnError

    data = read_json(path, WHAT, PLN_EXPORT)
    rows: list[Row] = []
    for collection, kind in (*COLLECTIONS.items(), ("entries", "entry")):
        items = data.get(collection) or []
        if not isinstance(items, list):
            raise PlnError(f"{path}: '{collection}' is not a list; is this file a pln export?")
        rows += [_row(kind, number, item) for number, item in enumerate(items, 1)]
    return rows


def _row(kind: str, number: int, item: Any) -> Row:
    label = f"{kind} {number}"
    if not isinstance(item, dict):
        return Row(label, "", problem=f"not an object with the keys of a {kind}")
    record_id = item.get("id")
    label = f"{kind} {record_id or number}"
    if not isinstance(record_id, str) or not is_valid_id(record_id):
        return Row(label, "", problem=f"id {record_id!r} is not an id (lowercase letters, digits, hyphens)")
    front = {key: value for key, value in item.items() if key not in ("id", "path", "body", "unusable")}
    if kind == "entry":
        front.update(_reference_ids(front))
    unusable = item.get("unusable") if isinstance(item.get("unusable"), dict) else {}
    front.update(unusable)  # kept as the file had them; `pln check` reports them
    body = item.get("body") if isinstance(item.get("body"), str) else ""
    path = item.get("path") if isinstance(item.get("path"), str) else ""
    cls = RECORD_TYPES[kind]
    record, problems = build_record(
        cls, _drop_empty(front, set(record_keys(cls))), record_id=record_id, path=path, body=body, lines={}
    )
    if record is None:
        return Row(label, "", problem="; ".join(problem.message for problem in problems))
    unexpected = [p.message for p in problems if p.message.split(":")[0] not in unusable]
    if unexpected:
        return Row(label, "", problem="; ".join(unexpected))
    return Row(label, "", record=record)


def _reference_ids(front: dict[str, Any]) -> dict[str, Any]:
    """`{id, name}` references (as the export writes them) back to ids."""
    ids: dict[str, Any] = {}
    for key in ENTRY_REFERENCES:
        value = front.get(key)
        if isinstance(value, list):
            ids[key] = [_id_of(item) for item in value]
        elif value is not None:
            ids[key] = _id_of(value)
    return ids


def _id_of(value: Any) -> Any:
    return value.get("id") if isinstance(value, dict) else value


def _drop_empty(front: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """Known keys the export wrote as null or [] where the file had none: absent, as they were."""
    return {key: value for key, value in front.items() if key not in known or value not in (None, [], {})}
