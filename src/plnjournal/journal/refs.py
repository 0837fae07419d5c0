"""References between records: by id, or by a record's exact name in any case; close matches.

What a user types where an id goes (`pln show jane`, `pln log --with jane`) is read by one rule,
`matching`: an exact id, else an exact name in any case, else a unique prefix of an id, else a
unique first name. Files are read strictly (id or exact name) so a hand-written reference never
changes meaning when a record is added; only typed input gets the prefix and first-name rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from plnjournal.errors import PlnError
from plnjournal.model import NAMED_KINDS, PLURALS, Entry, Person, Record, display_name

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
    """Records of the named kinds by id and by case-folded name, for resolving references.

    Made from loaded `records`, or with `read` (a kind -> its records), which reads a kind only
    the first time it is asked for: `pln log` naming no one reads no people."""

    def __init__(
        self,
        records: Mapping[str, Iterable[Record]] | None = None,
        *,
        read: Callable[[str], Iterable[Record]] | None = None,
    ) -> None:
        self._read = read or (lambda kind: (records or {}).get(kind, ()))
        self.by_id: dict[str, dict[str, Record]] = _PerKind(self._add_kind)
        self.by_name: dict[str, dict[str, str]] = _PerKind(self._add_kind)
        if read is None:
            for kind in NAMED_KINDS:
                self._add_kind(kind)

    def _add_kind(self, kind: str) -> None:
        if kind not in NAMED_KINDS:
            raise KeyError(kind)
        ids = {record.id: record for record in self._read(kind)}
        dict.__setitem__(self.by_id, kind, ids)
        dict.__setitem__(self.by_name, kind, {display_name(r).casefold(): r.id for r in ids.values()})

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
        """The id that typed `ref` names (see `matching`); a PlnError listing the candidates when
        it names none (close matches) or several."""
        record_id = self.resolve(kind, ref)
        if record_id is not None:
            return record_id
        found = matching(ref, self.by_id[kind].values())
        if len(found) == 1:
            return found[0].id
        if found:
            raise PlnError(ambiguous_message(ref, found, kind))
        raise PlnError(unknown_message(kind, ref, self.suggestions(kind, ref)))

    def known(self, kind: str, ref: str) -> bool:
        """Whether typed `ref` names exactly one record of `kind`."""
        return self.resolve(kind, ref) is not None or len(matching(ref, self.by_id[kind].values())) == 1


class _PerKind(dict):  # type: ignore[type-arg]
    """`Index.by_id` or `by_name`: a kind missing is added (both maps at once) when first asked for."""

    def __init__(self, add_kind: Callable[[str], None]) -> None:
        super().__init__()
        self._add_kind = add_kind

    def __missing__(self, kind: str) -> Any:
        self._add_kind(kind)
        return dict.__getitem__(self, kind)


def unknown_message(kind: str, ref: str, suggestions: list[str]) -> str:
    message = f"unknown {kind} {ref!r}"
    if suggestions:
        message += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return message


MAX_CANDIDATES = 8


def _same_id(record: Record, folded: str) -> bool:
    return record.id == folded


def _same_name(record: Record, folded: str) -> bool:
    return display_name(record).casefold() == folded


def _id_prefix(record: Record, folded: str) -> bool:
    return record.id.startswith(folded)


def _first_name(record: Record, folded: str) -> bool:
    name = getattr(record, "name", None)
    return bool(name) and name.split()[0].casefold() == folded


RULES = (_same_id, _same_name, _id_prefix, _first_name)  # the first rule that names any record wins


def matching(ref: str, records: Iterable[Record]) -> list[Record]:
    """The records typed `ref` names: by the first of RULES that names any (several: ambiguous)."""
    folded = ref.strip().casefold()
    if not folded:
        return []
    candidates = list(records)
    for rule in RULES:
        found = [record for record in candidates if rule(record, folded)]
        if found:
            return found
    return []


def ambiguous_message(ref: str, found: list[Record], kind: str | None = None) -> str:
    """'jane' names 2 people: jane-doe (Jane Doe), jane-roe (Jane Roe); say which"""
    what = f"{len(found)} {PLURALS[kind]}" if kind else f"{len(found)} records"
    shown = [_candidate(record, qualified=kind is None) for record in found[:MAX_CANDIDATES]]
    more = len(found) - MAX_CANDIDATES
    listing = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return f"{ref!r} names {what}: {listing}; say which"


def _candidate(record: Record, *, qualified: bool) -> str:
    label = f"{record.kind}:{record.id}" if qualified else record.id
    name = display_name(record)
    return label if name == record.id else f"{label} ({name})"
