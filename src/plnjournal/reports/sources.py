"""Where the network comes from, and how far its sources are weighed.

- *Brought in*: who widened the network. A person's `met_via` (a space; `met_at` when there is no
  `met_via`) and `introduced_by` (a person) name what brought them in; each space and person that
  brought in anyone is listed with the people, most first.
- *Vetted*: `vetted: yes|no|mixed` on a person, space or tool says it was weighed as a source
  (SIFT: stop, investigate the source, find better coverage, trace claims). An applied idea (an
  entry with `applied`) whose sources — its space, people and tools — include none vetted `yes`
  came *only from unvetted sources*. The *most-used unvetted source* is the space, person or tool
  not vetted `yes` that the most entries in range name.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from plnjournal.model import Entry, Person
from plnjournal.reports import Scope


def brought_in(scope: Scope) -> dict[str, list[dict[str, Any]]]:
    by_space: dict[str, list[str]] = {}
    by_person: dict[str, list[str]] = {}
    for person in sorted(scope.loaded.of("person"), key=lambda p: p.id):
        assert isinstance(person, Person)
        via = person.met_via or person.met_at
        if via:
            by_space.setdefault(scope.index.canonical("space", via), []).append(person.id)
        if person.introduced_by:
            by_person.setdefault(scope.index.canonical("person", person.introduced_by), []).append(person.id)
    return {"spaces": _rows(scope, "space", by_space), "people": _rows(scope, "person", by_person)}


def _rows(scope: Scope, kind: str, found: dict[str, list[str]]) -> list[dict[str, Any]]:
    records = scope.index.by_id[kind]
    rows = [
        {"id": rid, "name": getattr(records.get(rid), "name", rid), "people": people}
        for rid, people in found.items()
    ]
    return sorted(rows, key=lambda row: (-len(row["people"]), row["name"].casefold()))


def sources_of(scope: Scope, entry: Entry) -> list[tuple[str, str]]:
    """(kind, id) of every known record an entry names as a source."""
    found = []
    for kind, refs in (
        ("space", (entry.space,) if entry.space else ()),
        ("person", entry.people),
        ("tool", entry.tools),
    ):
        for ref in refs:
            rid = scope.index.resolve(kind, ref)
            if rid is not None:
                found.append((kind, rid))
    return found


def is_vetted(scope: Scope, kind: str, rid: str) -> bool:
    return getattr(scope.index.by_id[kind][rid], "vetted", None) == "yes"


def applied_from_unvetted(scope: Scope) -> list[str]:
    """Entries with an idea applied in class whose sources include none vetted `yes`."""
    return [
        entry.id
        for entry in scope.entries
        if entry.applied
        and (sources := sources_of(scope, entry))
        and not any(is_vetted(scope, kind, rid) for kind, rid in sources)
    ]


def most_used_unvetted(scope: Scope) -> dict[str, Any] | None:
    counts: Counter[tuple[str, str]] = Counter()
    for entry in scope.entries:
        for source in set(sources_of(scope, entry)):
            if not is_vetted(scope, *source):
                counts[source] += 1
    if not counts:
        return None
    (kind, rid), entries = min(counts.items(), key=lambda item: (-item[1], item[0]))
    record = scope.index.by_id[kind][rid]
    return {"kind": kind, "id": rid, "name": record.name, "entries": entries, "vetted": record.vetted}  # type: ignore[attr-defined]
