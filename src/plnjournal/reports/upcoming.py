"""Plan ahead: the next sessions of the spaces, from each space's `schedule` (read in plain words,
see schedule.py) and its dated `sessions`.

- `upcoming` lists the sessions from today to `days` ahead, soonest first (a dated session and a
  scheduled one on the same day are one session, listed as dated).
- `calendar_events` is what an iCalendar file holds: one recurring event per readable schedule
  (starting at its next session) and one event per dated session from today on.
- A fortnightly schedule counts its weeks from the newest entry logged in the space on one of its
  days, else from its first dated session, else from even ISO weeks (`anchored` says which).
- A schedule pln cannot read is left out, with a warning naming its file and line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import Index
from plnjournal.model import Space
from plnjournal.schedule import Schedule, occurrences, read_schedule

SESSION_MINUTES = 60  # a chat or a webinar; a dated session without a time is a whole day


def readable_schedules(loaded: Loaded) -> tuple[list[tuple[Space, Schedule]], list[str]]:
    """(space, schedule) for every schedule pln can read, and a warning for each it cannot."""
    found, warnings = [], []
    for space in sorted(loaded.of("space"), key=lambda s: s.id):
        if not space.schedule:  # type: ignore[attr-defined]
            continue
        schedule, why = read_schedule(space.schedule)  # type: ignore[attr-defined]
        if schedule is None:
            line = space.lines.get("schedule", 1)
            warnings.append(f"{space.path}:{line}: schedule: {why}; left out of the upcoming sessions")
        else:
            found.append((space, schedule))  # type: ignore[arg-type]
    return found, warnings


def anchor_of(space: Space, schedule: Schedule, loaded: Loaded, index: Index) -> dt.date | None:
    """The day a fortnightly schedule counts from: the newest entry in the space on one of its days."""
    days = [
        entry.date
        for entry in loaded.entries
        if entry.space
        and index.canonical("space", entry.space) == space.id
        and entry.date.weekday() in schedule.weekdays
    ]
    if loaded.earlier is not None:  # entries the load summed up (pln status)
        days += [
            day
            for (ref, weekday), day in loaded.earlier.space_days.items()
            if weekday in schedule.weekdays and index.canonical("space", ref) == space.id
        ]
    return max(days, default=min(space.sessions, default=None))


def upcoming(loaded: Loaded, index: Index, today: dt.date, days: int) -> dict[str, Any]:
    end = today + dt.timedelta(days=days)
    schedules, warnings = readable_schedules(loaded)
    rows: dict[tuple[str, dt.date], dict[str, Any]] = {}
    for space, schedule in schedules:
        anchor = anchor_of(space, schedule, loaded, index)
        for day in occurrences(schedule, today, end, anchor):
            rows[(space.id, day)] = session_row(space, day, schedule, "schedule")
    for space in loaded.of("space"):
        for day in space.sessions:  # type: ignore[attr-defined]
            if today <= day <= end:
                schedule = next((s for sp, s in schedules if sp.id == space.id), None)
                rows[(space.id, day)] = session_row(space, day, schedule, "session")  # type: ignore[arg-type]
    ordered = sorted(rows.values(), key=lambda row: (row["date"], row["time"] or "", row["space"]))
    return {"from": today.isoformat(), "to": end.isoformat(), "sessions": ordered, "warnings": warnings}


def session_row(space: Space, day: dt.date, schedule: Schedule | None, source: str) -> dict[str, Any]:
    time = schedule.time if schedule and (source == "schedule" or schedule.time) else None
    return {
        "space": space.id,
        "name": space.name,
        "date": day.isoformat(),
        "time": time.strftime("%H:%M") if time else None,
        "zone": schedule.zone if schedule else None,
        "source": source,
        "schedule": space.schedule,
        "url": space.url,
    }


def calendar_events(loaded: Loaded, index: Index, today: dt.date) -> tuple[list[dict[str, Any]], list[str]]:
    """The events of an iCalendar feed: plain data, rendered by render/ics.py."""
    schedules, warnings = readable_schedules(loaded)
    events = []
    for space, schedule in schedules:
        anchor = anchor_of(space, schedule, loaded, index)
        first = occurrences(schedule, today, today + dt.timedelta(days=400), anchor)
        if first:
            events.append(event(space, first[0], schedule, recurring=True))
    for space in sorted(loaded.of("space"), key=lambda s: s.id):
        schedule = next((s for sp, s in schedules if sp.id == space.id), None)
        for day in space.sessions:  # type: ignore[attr-defined]
            if day >= today:
                events.append(event(space, day, schedule, recurring=False))  # type: ignore[arg-type]
    return events, warnings


def event(space: Space, day: dt.date, schedule: Schedule | None, *, recurring: bool) -> dict[str, Any]:
    time = schedule.time if schedule else None
    return {
        "uid": f"{space.id}-{'schedule' if recurring else day.isoformat()}@pln",
        "summary": space.name,
        "date": day,
        "time": time,
        "zone": schedule.zone if schedule else None,
        "minutes": SESSION_MINUTES,
        "rule": rule(schedule) if recurring and schedule else None,
        "url": space.url,
        "description": space.schedule or "",
    }


def rule(schedule: Schedule) -> dict[str, Any]:
    """The RFC 5545 recurrence rule of a schedule, as icalendar's vRecur takes it."""
    names = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    if schedule.frequency == "monthly":
        return {"freq": "monthly", "byday": [f"{n}{names[schedule.weekdays[0]]}" for n in schedule.nths]}
    found: dict[str, Any] = {"freq": "weekly", "byday": [names[d] for d in schedule.weekdays]}
    if schedule.interval > 1:
        found["interval"] = schedule.interval
    return found
