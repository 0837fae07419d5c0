"""Keep in touch: who is due to hear from you, by each person's `cadence` (or the journal's
`cadence:` rules by role or tag in pln.yaml).

- *Last contact*: the newest entry up to today naming the person, else the day you met (`met`).
- *Due* once the cadence has passed since the last contact; *overdue* once twice the cadence has.
  A person never seen is due from the start (their row says "never").
- A person's own `cadence` wins over a rule; among rules, the shortest cadence that matches wins.
- Rows come most overdue first: people never seen, then the most days past the due day, then by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from plnjournal.journal.earlier import merge_newest
from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Settings
from plnjournal.model import Entry, Person
from plnjournal.schedule import Cadence, read_cadence


def cadence_of(person: Person, settings: Settings) -> Cadence | None:
    """The person's own cadence, else the shortest matching rule of pln.yaml."""
    if person.cadence:
        return read_cadence(person.cadence)[0]
    matches = []
    roles = {value.casefold() for value in person.roles}
    tags = {value.casefold() for value in person.tags}
    for rule, text in settings.cadence:
        field, _, name = rule.partition(":")
        if name.casefold() in (roles if field == "role" else tags):
            cadence = read_cadence(text)[0]
            if cadence is not None:
                matches.append(cadence)
    return min(matches, key=lambda c: c.after(dt.date(2000, 1, 1)), default=None)


def cadence_warnings(loaded: Loaded) -> list[str]:
    """'path:line: cadence: ...' for each person's cadence pln cannot read (left out of keep in touch)."""
    found = []
    for person in loaded.of("person"):
        text = person.cadence  # type: ignore[attr-defined]
        if text and read_cadence(text)[0] is None:
            why = read_cadence(text)[1]
            found.append(
                f"{person.path}:{person.lines.get('cadence', 1)}: cadence: {why}; ignored (see pln check)"
            )
    return found


def last_contacts(entries: Iterable[Entry], index: Index, today: dt.date) -> dict[str, dt.date]:
    """{person id: the newest entry date up to today that names them}."""
    last: dict[str, dt.date] = {}
    for entry in entries:
        if entry.date > today:
            continue
        for ref in entry.people:
            person_id = index.canonical("person", ref)
            if entry.date > last.get(person_id, dt.date.min):
                last[person_id] = entry.date
    return last


def keep_in_touch(loaded: Loaded, index: Index, settings: Settings, today: dt.date) -> list[dict[str, Any]]:
    """The people due or overdue today, most overdue first."""
    contacts = last_contacts(loaded.entries, index, today)
    if loaded.earlier is not None:  # entries the load summed up (pln status)
        merge_newest(contacts, loaded.earlier.last_named(index), today)
    rows = []
    for person in loaded.of("person"):
        cadence = cadence_of(person, settings)  # type: ignore[arg-type]
        if cadence is None:
            continue
        row = due_row(person, cadence, contacts.get(person.id), today)  # type: ignore[arg-type]
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda row: (row["last_contact"] is not None, -row["days_overdue"], row["name"].casefold()))
    return rows


def due_row(
    person: Person, cadence: Cadence, contact: dt.date | None, today: dt.date
) -> dict[str, Any] | None:
    seen = max((d for d in (contact, person.met) if d is not None and d <= today), default=None)
    due_on = cadence.after(seen) if seen else None
    if due_on is not None and due_on > today:
        return None
    overdue = seen is not None and cadence.after(seen, 2) <= today
    return {
        "id": person.id,
        "name": person.name,
        "cadence": cadence.text,
        "last_contact": seen.isoformat() if seen else None,
        "due_on": due_on.isoformat() if due_on else None,
        "days_overdue": (today - due_on).days if due_on else 0,
        "state": "overdue" if overdue or seen is None else "due",
    }
