"""`pln status`: the at-a-glance home screen.

It reads the last `LOADED_DAYS` days of entries through the index in `.pln/` and only the totals
of the older ones (`read_needed`, journal/earlier.py), the same figures as a whole load:

- *this week*: the ISO week (Monday to Sunday) of today; goal = daily_minutes_goal x 7.
- *streak*: consecutive ISO weeks with an entry, counted back from this week, or from last week
  while this week has none yet.
- *open intentions*: entries with `next` and no `applied`, plus the `next:` list of the newest
  reflection (an older reflection's intentions are superseded by the newer one).
- *dormant* and *warning*: those of `pln report --network --from <a year ago> --to <today>`.
- *keep in touch*: the people due or overdue (reports/keep_in_touch.py), most overdue first.
- *next session*: the soonest session within 30 days (reports/upcoming.py).
- *a year ago*: what was noted and intended about a year ago (reports/look_back.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from plnjournal.journal.earlier import Earlier, Newest
from plnjournal.journal.load import Loaded
from plnjournal.journal.settings import Journal
from plnjournal.model import Entry, Reflection
from plnjournal.query import Filters
from plnjournal.reports import make_scope, network
from plnjournal.reports.keep_in_touch import cadence_warnings
from plnjournal.reports.look_back import a_year_ago
from plnjournal.reports.upcoming import upcoming

if TYPE_CHECKING:
    from plnjournal.journal.walk import Walk

DORMANT_SHOWN = 3
# Entries older than this are summed up, not loaded: beyond the year the network looks at, a
# year ago's week either side (reports/look_back.py) and this week, with a margin.
LOADED_DAYS = 400
KEEP_IN_TOUCH_SHOWN = 3
SESSION_DAYS = 30


def status(
    journal: Journal,
    today: dt.date,
    added: Mapping[str, dt.date] | None = None,
    loaded: Loaded | None = None,
) -> dict[str, Any]:
    """`added`: when each person joined (git/history.py), so that nobody new is dormant; `loaded`:
    the journal when the caller has read it already (to warn about what it left out)."""
    loaded = loaded or read_needed(journal, today)
    entries = [e for e in loaded.entries if e.date <= today]
    days = {entry.date for entry in entries} | (loaded.earlier.dates if loaded.earlier else set())
    last = last_entry(entries, loaded.earlier)
    week_start = today - dt.timedelta(days=today.weekday())
    this_week = [e for e in entries if e.date >= week_start]
    year_ago = today - dt.timedelta(days=365)
    scope = make_scope(
        loaded,
        Filters(start=year_ago, end=today),
        by="month",
        settings=journal.settings,
        today=today,
        added=added,
    )
    report = network.build(scope)
    return {
        "today": today.isoformat(),
        "last_entry": None
        if last is None
        else {"id": last[2], "date": last[0].isoformat(), "title": last[3] or last[2]},
        "days_since": None if last is None else (today - last[0]).days,
        "week": {
            "start": week_start.isoformat(),
            "entries": len(this_week),
            "minutes": sum(e.minutes or 0 for e in this_week),
            "goal_minutes": journal.settings.daily_minutes_goal * 7,
        },
        "streak_weeks": streak(days, today),
        "open_intentions": open_intentions(loaded),
        "dormant": report["dormant"][:DORMANT_SHOWN],
        "warning": report["warnings"][0] if report["warnings"] else None,
        "keep_in_touch": report["keep_in_touch"][:KEEP_IN_TOUCH_SHOWN],
        "next_session": next_session(loaded, scope, today),
        "a_year_ago": a_year_ago(loaded.entries, scope.index, today),
        "warnings": cadence_warnings(loaded),  # for the command to print; not part of the JSON
    }


def last_entry(entries: list[Entry], earlier: Earlier | None) -> Newest | None:
    """(date, time, id, title) of the newest of `entries` and of the entries a load left out."""
    found = newest(entries)
    last = None if found is None else (found.date, found.time or "", found.id, found.title)
    if earlier is not None and earlier.newest is not None and (last is None or earlier.newest[:3] > last[:3]):
        return earlier.newest
    return last


def newest(entries: list[Entry]) -> Entry | None:
    """The last entry by date, time, then id; the order is worked out only for the newest day's
    entries (tens of thousands of entries, one or two on that day)."""
    if not entries:
        return None
    day = max(entry.date for entry in entries)
    that_day = [e for e in entries if e.date == day]
    return max(reversed(that_day), key=lambda e: (e.time or "", e.id))  # of equals, the last (as sorted)


def next_session(loaded: Loaded, scope: Any, today: dt.date) -> dict[str, Any] | None:
    sessions = upcoming(loaded, scope.index, today, SESSION_DAYS)["sessions"]
    return sessions[0] if sessions else None


def week_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def streak(days: set[dt.date], today: dt.date) -> int:
    return len(streak_weeks(days, today))


def streak_weeks(days: set[dt.date], today: dt.date) -> list[dt.date]:
    """The Mondays of the current streak, newest first (`days`: the days with an entry)."""
    with_entries = {week_of(day) for day in days}
    week = week_of(today)
    if week not in with_entries:
        week -= dt.timedelta(weeks=1)
    found = []
    while week in with_entries:
        found.append(week)
        week -= dt.timedelta(weeks=1)
    return found


def open_intentions(loaded: Loaded) -> int:
    reflections: list[Reflection] = sorted(loaded.of("reflection"), key=lambda r: (r.date, r.id))  # type: ignore[arg-type]
    newest = len(reflections[-1].open_next) if reflections else 0
    earlier = loaded.earlier.open_intentions if loaded.earlier else 0
    return sum(1 for entry in loaded.entries if entry.is_open_intention) + earlier + newest


def private_entries(loaded: Loaded) -> int:
    """How many entries are marked private, those summed up included."""
    earlier = loaded.earlier.private if loaded.earlier else 0
    return sum(1 for entry in loaded.entries if entry.private) + earlier


def read_needed(journal: Journal, today: dt.date, walked: Walk | None = None) -> Loaded:
    """The journal through the index: the entries since the first of the month `LOADED_DAYS`
    days ago (and any file the index does not hold as it is now) as their heads
    (`packed.HEAD_FIELDS`, all status reads of an entry), the older ones only as the totals status
    needs (journal/earlier.py). The day moves once a month, so the index's kept totals of the
    older entries serve a month of days. `walked`: the files, when the caller walked already.

    (An earlier version parsed only the year folders it needed and text-scanned the rest; on a
    50k-entry journal that cost as much as a cold full load, and it could not use the cache.)"""
    from plnjournal.journal.earlier import dated_from, load_summing_up

    needed = dated_from((today - dt.timedelta(days=LOADED_DAYS)).replace(day=1))
    return load_summing_up(journal, needed, walked=walked)
