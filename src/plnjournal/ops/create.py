"""New records from what a user typed: checked against the vocabularies, references resolved
(or stub records made for them with `add_missing`), then written under a fresh id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError, UsageError
from plnjournal.journal.ids import MAX_ENTRY_SLUG, is_valid_id, slugify
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import named_index
from plnjournal.journal.refs import ENTRY_REFERENCES, Index
from plnjournal.journal.settings import Journal
from plnjournal.journal.vocabulary import check_vocabulary
from plnjournal.journal.writer import save_new
from plnjournal.model import (
    RECORD_TYPES,
    Entry,
    Goal,
    Person,
    Record,
    Space,
    Tool,
    display_name,
)
from plnjournal.values import tags

STUB_TYPES: dict[str, type[Record]] = {"person": Person, "space": Space, "tool": Tool, "goal": Goal}


def add_record(
    journal: Journal, kind: str, values: dict[str, Any], body: str = "", record_id: str | None = None
) -> Change:
    """`pln add KIND NAME`: one new person, space, tool or goal.

    The same name twice is refused (give `record_id` for a namesake); a different name whose slug
    is taken gets `-2`, `-3`...
    """
    for key, value in values.items():
        check_vocabulary(kind, key.rstrip("_"), value)
    if values.get("tags"):
        values["tags"] = tags(values["tags"])
    with locked(journal):  # the names and `met_at` checked are still there when the file is written
        return _add(journal, kind, values, body, record_id)


def _add(journal: Journal, kind: str, values: dict[str, Any], body: str, record_id: str | None) -> Change:
    index = named_index(journal)
    name = values["name"]
    if record_id is not None:
        if not is_valid_id(record_id):
            raise UsageError(f"--id: {record_id!r} is not an id (lowercase letters, digits, hyphens)")
        if record_id in index.by_id[kind]:
            raise PlnError(f"a {kind} with the id {record_id!r} already exists")
    elif existing := index.by_name[kind].get(name.casefold()):
        raise PlnError(f"a {kind} named {name!r} already exists ({existing}); use --id for a namesake")
    if kind == "person":
        for key, refers_to in (("met_at", "space"), ("met_via", "space"), ("introduced_by", "person")):
            if values.get(key):
                values[key] = index.require(refers_to, values[key])
    new_id = record_id or slugify(name, fallback=kind)
    record = RECORD_TYPES[kind](id=new_id, body=body_text(body), **values)
    path = save_new(journal, record)
    relative = journal.relative(path)
    warnings = tuple(
        f"{name!r} is close to {display_name(other)} ({other.id}); if they are one {kind}: "
        f"pln merge {other.id} {path.stem}"
        for other in near_duplicates(index, kind, name)
    )
    return Change(f"add {kind} {path.stem}", written=(relative,), created=(relative,), warnings=warnings)


NEAR_DUPLICATE = 0.9  # 'Maria Gonzales' beside 'Maria Gonzalez', 'Priya Natrajan' beside 'Priya Natarajan'


def near_duplicates(index: Index, kind: str, name: str) -> list[Record]:
    """Records of `kind` whose name is one slip of the keyboard away from `name` (not the same)."""
    import difflib

    wanted = name.casefold()
    return [
        record
        for record in index.by_id[kind].values()
        if display_name(record).casefold() != wanted
        and difflib.SequenceMatcher(None, wanted, display_name(record).casefold()).ratio() >= NEAR_DUPLICATE
    ]


def log_entry(journal: Journal, values: dict[str, Any], body: str = "", add_missing: bool = False) -> Change:
    """`pln log`: one new entry; every reference must name a record (or is created with add_missing).

    The references are resolved under the journal's lock against the records as they are then, so
    a `pln rename` that ran while the teacher typed never leaves the entry naming a removed id."""
    check_vocabulary("entry", "engagement", values.get("engagement"))
    check_vocabulary("entry", "growth", list(values.get("growth", {})))
    values = dict(values)
    if values.get("tags"):
        values["tags"] = tags(values["tags"])
    with locked(journal):
        stubs: list[Record] = []
        resolve_references(named_index(journal), values, add_missing, stubs)
        entry = Entry(id=entry_stem(values), body=body_text(body), **values)
        written = [journal.relative(path) for path in _save_with_stubs(journal, stubs, entry)]
    relative = written[-1]
    title = entry.title or display_name(entry)
    return Change(f"log: {title}", written=tuple(written), created=(relative,))


def _save_with_stubs(journal: Journal, stubs: list[Record], entry: Entry) -> list[Path]:
    """The new people, spaces... an entry names, then the entry; when the entry cannot be written
    (a full disk), the stubs made for it are removed again, so nothing is half-added."""
    written: list[Path] = []
    try:
        for stub in stubs:
            written.append(save_new(journal, stub))
        written.append(save_new(journal, entry))
    except PlnError:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def resolve_references(index: Index, values: dict[str, Any], add_missing: bool, stubs: list[Record]) -> None:
    """Turn an entry's space, people, tools and goal into ids, in place; PlnError for an unknown one.

    With `add_missing`, a name that matches nothing gets a stub record appended to `stubs` (to be
    written by the caller); a later reference to the same name reuses it.
    """
    for key, kind in ENTRY_REFERENCES.items():
        if values.get(key):
            values[key] = _resolve_all(index, kind, values[key], add_missing, stubs)


def _resolve_all(
    index: Index, kind: str, refs: str | tuple[str, ...], add_missing: bool, stubs: list[Record]
) -> str | tuple[str, ...]:
    resolved = tuple(_resolve(index, kind, ref, add_missing, stubs) for ref in _as_tuple(refs))
    return resolved[0] if isinstance(refs, str) else tuple(dict.fromkeys(resolved))


def _resolve(index: Index, kind: str, ref: str, add_missing: bool, stubs: list[Record]) -> str:
    for stub in stubs:
        if stub.kind == kind and ref.casefold() in (stub.id, display_name(stub).casefold()):
            return stub.id
    if index.resolve(kind, ref) or not add_missing:
        return index.require(kind, ref)
    stub = STUB_TYPES[kind](id=slugify(ref, fallback=kind), name=ref)
    if stub.id in index.by_id[kind]:
        raise PlnError(f"cannot add {kind} {ref!r}: the id {stub.id!r} is taken by another name")
    stubs.append(stub)
    return stub.id


def _as_tuple(refs: str | tuple[str, ...]) -> tuple[str, ...]:
    return (refs,) if isinstance(refs, str) else refs


def entry_stem(values: dict[str, Any]) -> str:
    """`YYYY-MM-DD-slug` from the entry's title, else its space, else 'entry'."""
    date: dt.date = values["date"]
    words = values.get("title") or values.get("space") or "entry"
    return f"{date.isoformat()}-{slugify(words, fallback='entry', limit=MAX_ENTRY_SLUG)}"


def body_text(text: str) -> str:
    """A body ends with one newline, so the file does; an empty body stays empty."""
    return text if not text or text.endswith("\n") else text + "\n"
