"""References between records: by id, or by a record's exact name in any case; close matches."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from plnjournal.errors import PlnError
from plnjournal.model import NAMED_KINDS, Entry, Person, Record, display_name

# record type -> {key: kind it refers to}, for every record type that refers to others
REFERRING_KEYS: dict[type[Record], dict[str, str]] = {
    Entry: {"space": "space", "people": "person", "tools": "tool", "goal": "goal"},
    Person: {"met_at": "space", "met_via": "space", "introduced_by": "person"},
}
ENTRY_REFERENCES = REFERRING_KEYS[Entry]


def references(record: Record, key: str) -> tuple[str, ...]:
    """The references a record makes under `key`, as written (one or many)."""
    value = getattr(record, key)
    return (value,) if isinstance(value, str) else tuple(value or ())


class Index:
    """Records of the named kinds by id and by case-folded name, for resolving references."""

    def __init__(self, records: dict[str, Iterable[Record]]) -> None:
        self.by_id: dict[str, dict[str, Record]] = {}
        self.by_name: dict[str, dict[str, str]] = {}
        for kind in NAMED_KINDS:
            ids = {record.id: record for record in records.get(kind, ())}
            self.by_id[kind] = ids
            self.by_name[kind] = {display_name(r).casefold(): r.id for r in ids.values()}

    def resolve(self, kind: str, ref: str) -> str | None:
        """The id that `ref` names, or None."""
        if ref in self.by_id[kind]:
            return ref
        return self.by_name[kind].get(ref.casefold()) or (
            ref.casefold() if ref.casefold() in self.by_id[kind] else None
        )

    def canonical(self, kind: str, ref: str) -> str:
        """The id that `ref` names, or `ref` itself when it names nothing (kept, reported by check)."""
        return self.resolve(kind, ref) or ref

    def get(self, kind: str, ref: str) -> Record | None:
        record_id = self.resolve(kind, ref)
        return None if record_id is None else self.by_id[kind][record_id]

    def suggestions(self, kind: str, ref: str) -> list[str]:
        candidates = list(self.by_id[kind])
        names = {display_name(r).casefold(): r.id for r in self.by_id[kind].values()}
        close = difflib.get_close_matches(ref.casefold(), candidates + list(names), n=3, cutoff=0.6)
        return list(dict.fromkeys(names.get(match, match) for match in close))

    def require(self, kind: str, ref: str) -> str:
        """The id that `ref` names; a PlnError with close matches when it names nothing."""
        record_id = self.resolve(kind, ref)
        if record_id is None:
            raise PlnError(unknown_message(kind, ref, self.suggestions(kind, ref)))
        return record_id


def unknown_message(kind: str, ref: str, suggestions: list[str]) -> str:
    message = f"unknown {kind} {ref!r}"
    if suggestions:
        message += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return message
