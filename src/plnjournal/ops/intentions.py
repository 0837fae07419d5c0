"""`pln next --done` and `--drop`: an intention closed in the one file that holds it.

An entry gets `applied` and `applied_on` (or `dropped`); a reflection's intention is closed in its
`applied:` / `applied_on:` / `dropped:` maps, keyed by the intention's text, so its `next:` list
stays as the educator wrote it. One atomic write under the journal lock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.lock import locked
from plnjournal.journal.lookup import find_in
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save
from plnjournal.model import Entry, Reflection
from plnjournal.reports.intentions import find_intention, intention_rows, unknown_intention


@frozen(slots=False)
class Outcome:
    """How an intention was closed: what was done (and when), or why it was dropped."""

    applied: str | None = None
    on: dt.date | None = None
    impact: str | None = None
    dropped: str | None = None


def mark_done(
    journal: Journal, typed: str, applied: str, impact: str | None = None, *, on: dt.date, today: dt.date
) -> Change:
    """Record what was done about the intention `typed` names (N, a handle or a prefix); refused
    when it is closed already, so nothing the user wrote is replaced."""
    if not applied.strip():
        raise PlnError(f"say what you did: pln next --done {typed} 'what I did'")
    outcome = Outcome(applied=applied.strip(), on=on, impact=impact.strip() if impact else None)
    return close(journal, typed, outcome, today)


def mark_dropped(journal: Journal, typed: str, why: str, *, today: dt.date) -> Change:
    """Let an intention go, saying why; it leaves `pln next`, and the reason stays in its file."""
    if not why.strip():
        raise PlnError(f"say why you drop it: pln next --drop {typed} 'why'")
    return close(journal, typed, Outcome(dropped=why.strip()), today)


def close(journal: Journal, typed: str, outcome: Outcome, today: dt.date) -> Change:
    verb = "dropped" if outcome.dropped else "done"
    with locked(journal):
        loaded = load(journal, ("entry", "reflection"))
        row = resolve(loaded, typed, today)
        if row["kind"] == "reflection":
            record: Any = close_in_reflection(loaded, row, outcome)
        else:
            record = close_in_entry(_entry(loaded, row["entry"]), outcome)
        save(journal, record)
    return Change(f"next {verb}: {row['handle']}", written=(record.path,))


def resolve(loaded: Loaded, typed: str, today: dt.date) -> dict[str, Any]:
    """The open intention typed (N, a handle, a handle's start), else the entry it names by the
    names-wherever-an-id-goes rules (journal/lookup.py); for an entry not open, why."""
    rows = intention_rows(loaded, today)
    found = find_intention(rows, typed)
    if found is not None:
        return found
    if ":" in typed.removeprefix("entry:"):
        raise unknown_intention(rows, typed)  # a reflection's handle that is not open
    entry = find_in(loaded, typed, ("entry",))
    assert isinstance(entry, Entry)
    _check_open(entry)
    return next(r for r in rows if r["handle"] == entry.id)


def close_in_entry(entry: Entry, outcome: Outcome) -> Entry:
    if outcome.impact and (entry.impact or "impact" in entry.extra):
        raise PlnError(f"{entry.id} already records an impact; change it with 'pln edit {entry.id}'")
    written = ("dropped",) if outcome.dropped else ("applied", "applied_on", "impact")
    extra = {key: value for key, value in entry.extra.items() if key not in written}
    if outcome.dropped:
        return dataclasses.replace(entry, dropped=outcome.dropped, extra=extra)
    return dataclasses.replace(
        entry,
        applied=outcome.applied,
        applied_on=outcome.on,
        impact=outcome.impact or entry.impact,
        extra=extra,
    )


def close_in_reflection(loaded: Loaded, row: dict[str, Any], outcome: Outcome) -> Reflection:
    reflection = next(r for r in loaded.of("reflection") if r.id == row["entry"])
    assert isinstance(reflection, Reflection)
    unusable = [key for key in ("applied", "applied_on", "dropped") if key in reflection.extra]
    if unusable:
        raise PlnError(
            f"{reflection.path}: '{unusable[0]}:' is not a mapping pln can add to (see 'pln check')"
        )
    text = row["next"]
    if outcome.impact:
        raise PlnError("--impact is for an entry's intention; write it in the reflection's notes")
    if outcome.dropped:
        return dataclasses.replace(reflection, dropped={**reflection.dropped, text: outcome.dropped})
    on = {**reflection.applied_on, text: outcome.on} if outcome.on else reflection.applied_on
    return dataclasses.replace(
        reflection, applied={**reflection.applied, text: outcome.applied}, applied_on=on
    )


def _check_open(entry: Entry) -> None:
    if not entry.next:
        raise PlnError(f"{entry.id} has no intention ('next:') to close")
    if entry.applied or "applied" in entry.extra:
        raise PlnError(f"{entry.id} is already applied; change it with 'pln edit {entry.id}'")
    if entry.dropped or "dropped" in entry.extra:
        raise PlnError(f"{entry.id} was dropped; change it with 'pln edit {entry.id}'")


def _entry(loaded: Loaded, entry_id: str) -> Entry:
    return next(e for e in loaded.entries if e.id == entry_id)
