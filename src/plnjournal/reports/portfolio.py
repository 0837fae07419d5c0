"""A recertification portfolio (`pln portfolio`): evidence of professional learning a district can
accept. Per activity: date, title, provider, location or platform, clock hours with a running
total, who verified it, the evidence, what was learned (growth notes) and applied; then totals by
growth dimension and by goal.

Pure: a Scope in, plain data out. Private entries are never in it, whatever the scope holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Settings
from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS, MODES, Entry, Person, Space, display_name
from plnjournal.periods import Period, period_of
from plnjournal.reports import Scope

MODE_PLACES = {"physical": "in person", "digital": "online", "hybrid": "hybrid"}


def default_range(settings: Settings, today: dt.date) -> Period:
    """What a portfolio covers when no --from or --to is given: the school year of today."""
    return period_of(today, "school-year", settings.school_year_start)


def hundredths(minutes: int) -> int:
    """Minutes as hundredths of a clock hour, rounded half up (20 minutes -> 33, 30 -> 50)."""
    return (minutes * 100 + 30) // 60


def hours(minutes: int) -> float:
    """Clock hours to two decimals (90 minutes -> 1.5)."""
    return hundredths(minutes) / 100


def shown_hundredths(entries: list[Entry]) -> list[int | None]:
    """Each activity's printed hours (in hundredths), so that the rows add up to the running total
    and the total: the running total is rounded, and a row is its step (three 20-minute chats are
    0.33, 0.34 and 0.33 h, 1.00 h in all, not 0.99). None for an activity without minutes."""
    shown: list[int | None] = []
    running = printed = 0
    for entry in entries:
        if entry.minutes is None:
            shown.append(None)
            continue
        running += entry.minutes
        step = hundredths(running) - printed
        printed += step
        shown.append(step)
    return shown


def build(scope: Scope) -> dict[str, Any]:
    entries = list(scope.entries)  # private ones only with --include-private (scope.filters)
    shown = shown_hundredths(entries)
    activities = []
    running = 0
    for entry, row in zip(entries, shown, strict=True):
        running += row or 0
        activities.append(activity(entry, scope.index, row, running))
    minutes = sum(entry.minutes or 0 for entry in entries)
    rows = list(zip(entries, shown, strict=True))
    return {
        "report": "portfolio",
        "owner": scope.settings.owner,
        "from": scope.start.isoformat() if scope.start else None,
        "to": scope.end.isoformat() if scope.end else None,
        "entries": len(entries),
        "minutes": minutes,
        "hours": running / 100,
        "activities": activities,
        "by_dimension": [_total(dim, None, [r for r in rows if dim in r[0].growth]) for dim in DIMENSIONS],
        "by_goal": _by_goal(rows, scope.index),
        "levels": _tally(entries, lambda entry: entry.engagement, ENGAGEMENT_LEVELS),
        "modes": _tally(entries, lambda entry: _space_mode(entry, scope.index), MODES),
    }


def activity(entry: Entry, index: Index, row: int | None, running: int) -> dict[str, Any]:
    """One line of the PD log (`row`, `running`: its hours and the running total, in hundredths),
    with the evidence and learning behind it."""
    return {
        "entry": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title or display_name(entry),
        "provider": provider(entry, index),
        "location": location(entry, index),
        "minutes": entry.minutes,
        "hours": None if row is None else row / 100,
        "running_hours": running / 100,
        "verified_by": entry.verified_by,
        "evidence": list(entry.evidence),
        "learned": [{"dimension": dim, "note": note} for dim, note in entry.growth.items()],
        "applied": entry.applied,
        "impact": entry.impact,
    }


def provider(entry: Entry, index: Index) -> str:
    """The space's name, else the organizations of the people, else the tools (a book read alone)."""
    if entry.space:
        return _names(index, "space", (entry.space,))
    people = [index.get("person", ref) for ref in entry.people]
    organizations = (p.organization for p in people if isinstance(p, Person) and p.organization)
    return "; ".join(dict.fromkeys(organizations)) or _names(index, "tool", entry.tools)


def _names(index: Index, kind: str, refs: tuple[str, ...]) -> str:
    """Records' names; a reference to nothing as it was written."""
    records = ((ref, index.get(kind, ref)) for ref in refs)
    return "; ".join(display_name(record) if record else ref for ref, record in records)


def location(entry: Entry, index: Index) -> str:
    """Where it happened: the entry's `location`, the space's, its platform, else in person/online."""
    if entry.extra.get("location"):
        return str(entry.extra["location"])
    space = index.get("space", entry.space) if entry.space else None
    if not isinstance(space, Space):
        return ""
    return str(space.extra.get("location") or space.platform or MODE_PLACES.get(space.mode or "", ""))


def _space_mode(entry: Entry, index: Index) -> str | None:
    space = index.get("space", entry.space) if entry.space else None
    return space.mode if isinstance(space, Space) else None


Shown = tuple[Entry, "int | None"]  # an activity and its printed hundredths of an hour


def _total(key: str, name: str | None, rows: list[Shown]) -> dict[str, Any]:
    """Entries and hours of a group: the sum of its rows' printed hours, so the figures agree."""
    total = {"dimension": key} if name is None else {"goal": key, "name": name}
    return {**total, "entries": len(rows), "hours": sum(row or 0 for _, row in rows) / 100}


def _by_goal(rows: list[Shown], index: Index) -> list[dict[str, Any]]:
    goals = dict.fromkeys(index.canonical("goal", entry.goal) for entry, _ in rows if entry.goal)
    return [
        _total(
            goal,
            _goal_name(index, goal),
            [(e, row) for e, row in rows if e.goal and index.canonical("goal", e.goal) == goal],
        )
        for goal in sorted(goals)
    ]


def _goal_name(index: Index, goal: str) -> str:
    record = index.get("goal", goal)
    return display_name(record) if record else goal


def _tally(entries: list[Entry], key: Any, order: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Entries and minutes per value, every value of the vocabulary present (the engagement
    report's `levels` shape, so one chart draws both)."""
    return {
        value: {
            "entries": sum(1 for entry in entries if key(entry) == value),
            "minutes": sum(entry.minutes or 0 for entry in entries if key(entry) == value),
        }
        for value in order
    }
