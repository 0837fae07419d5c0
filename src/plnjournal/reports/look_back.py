"""Look back: what was noted and intended about a year ago, and intentions left open too long.

- *A year ago*: entries dated within `WINDOW_DAYS` days either side of today a year back that hold
  an intention (`next`) or a growth note, oldest first: "A year ago at the NCSS conference you
  intended: ... — applied?" (jrnl users call it "on this day").
- *Old intentions*: open intentions (`next` without `applied`) older than `OLD_DAYS` days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plnjournal.journal.refs import Index
from plnjournal.model import Entry, display_name
from plnjournal.query import entry_order
from plnjournal.reports.intentions import age_in_days, open_intentions
from plnjournal.schedule import add_months

WINDOW_DAYS = 7
OLD_DAYS = 90


def a_year_ago(
    entries: tuple[Entry, ...] | list[Entry], index: Index, today: dt.date
) -> list[dict[str, Any]]:
    center = add_months(today, -12)
    low, high = center - dt.timedelta(days=WINDOW_DAYS), center + dt.timedelta(days=WINDOW_DAYS)
    chosen = sorted((e for e in entries if low <= e.date <= high and (e.next or noted(e))), key=entry_order)
    return [memory(entry, index) for entry in chosen]


def noted(entry: Entry) -> str | None:
    return next((note for note in entry.growth.values() if note), None)


def memory(entry: Entry, index: Index) -> dict[str, Any]:
    space = index.get("space", entry.space) if entry.space else None
    where = display_name(space) if space else (entry.title or entry.id)
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "where": where,
        "intended": entry.next,
        "applied": entry.applied,
        "noted": noted(entry),
        "sentence": sentence(where, entry),
    }


def sentence(where: str, entry: Entry) -> str:
    if entry.next and entry.applied:
        return f"A year ago at {where} you intended: {entry.next} — and you applied it: {entry.applied}"
    if entry.next:
        return f"A year ago at {where} you intended: {entry.next} — applied?"
    return f"A year ago at {where} you noted: {noted(entry)}"


def old_intentions(entries: tuple[Entry, ...] | list[Entry], today: dt.date) -> list[dict[str, Any]]:
    return [
        {"id": e.id, "date": e.date.isoformat(), "age_days": age_in_days(e, today), "next": e.next}
        for e in open_intentions(entries)
        if age_in_days(e, today) > OLD_DAYS
    ]
