"""`pln status`: the at-a-glance home screen, reading only what it needs.

What it reads, so it stays quick on a big journal (until the cache of .pln/ exists): people,
spaces, tools and reflections (small folders); every entry of the year folders (`entries/YYYY/`)
that the past year touches, and further back while the streak of weeks goes on; and, from older
folders, only files whose text could matter: ones naming a person not yet seen (newest year first,
so each person costs one year's worth of matches) and ones with a `next:` (open intentions). Every
entry file is still read as bytes (a fraction of the cost of parsing its YAML). Status trusts that
an entry lives in the folder of its date's year, as `pln log` puts it.

- *this week*: the ISO week (Monday to Sunday) of today; goal = daily_minutes_goal x 7.
- *streak*: consecutive ISO weeks with an entry, counted back from this week, or from last week
  while this week has none yet.
- *open intentions*: entries with `next` and no `applied`, plus the `next:` list of the newest
  reflection (an older reflection's intentions are superseded by the newer one).
- *dormant* and *warning*: those of `pln report --network --from <a year ago> --to <today>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .load import Loaded, load, read_record
from .model import Entry, Person, Reflection
from .query import Filters
from .reports import make_scope, network
from .store import Journal

SMALL_KINDS = ("person", "space", "tool", "goal", "reflection")
DORMANT_SHOWN = 3


def status(journal: Journal, today: dt.date) -> dict[str, Any]:
    loaded = read_needed(journal, today)
    entries = sorted(
        (e for e in loaded.entries if e.date <= today), key=lambda e: (e.date, e.time or "", e.id)
    )
    last = entries[-1] if entries else None
    week_start = today - dt.timedelta(days=today.weekday())
    this_week = [e for e in entries if e.date >= week_start]
    year_ago = today - dt.timedelta(days=365)
    scope = make_scope(
        loaded, Filters(start=year_ago, end=today), by="month", settings=journal.settings, today=today
    )
    report = network.build(scope)
    return {
        "today": today.isoformat(),
        "last_entry": None
        if last is None
        else {"id": last.id, "date": last.date.isoformat(), "title": last.title or last.id},
        "days_since": None if last is None else (today - last.date).days,
        "week": {
            "start": week_start.isoformat(),
            "entries": len(this_week),
            "minutes": sum(e.minutes or 0 for e in this_week),
            "goal_minutes": journal.settings.daily_minutes_goal * 7,
        },
        "streak_weeks": streak(entries, today),
        "open_intentions": open_intentions(loaded),
        "dormant": report["dormant"][:DORMANT_SHOWN],
        "warning": report["warnings"][0] if report["warnings"] else None,
    }


def week_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def streak(entries: list[Entry], today: dt.date) -> int:
    return len(streak_weeks(entries, today))


def streak_weeks(entries: list[Entry], today: dt.date) -> list[dt.date]:
    """The Mondays of the current streak, newest first."""
    with_entries = {week_of(entry.date) for entry in entries}
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
    newest = len(reflections[-1].next) if reflections else 0
    return sum(1 for entry in loaded.entries if entry.is_open_intention) + newest


def read_needed(journal: Journal, today: dt.date) -> Loaded:
    """The small folders whole, and the entries status needs (see the module's docstring)."""
    small = load(journal.root, SMALL_KINDS)
    people: list[Person] = list(small.of("person"))  # type: ignore[arg-type]
    unseen = {person.id: {person.id, person.name.casefold()} for person in people}
    full_from = (today - dt.timedelta(days=365)).year
    entries: list[Entry] = []
    for year, paths in years_newest_first(journal.root):
        whole_year = year is None or year >= full_from
        found_this_year: set[str] = set()
        for path in paths:
            if not whole_year and not worth_parsing(path, unseen):
                continue
            record, _ = read_record(journal.root, path, "entry")
            if isinstance(record, Entry):
                entries.append(record)
                found_this_year |= {pid for pid, names in unseen.items() if names & mentions(record)}
        for pid in found_this_year:
            unseen.pop(pid, None)
        if whole_year and year is not None and year == full_from and streak_reaches(entries, today, year):
            full_from -= 1
    return Loaded({**small.records, "entry": tuple(entries)}, small.problems)


def mentions(entry: Entry) -> set[str]:
    return {ref.casefold() for ref in entry.people}


def worth_parsing(path: Path, unseen: dict[str, set[str]]) -> bool:
    try:
        text = path.read_bytes().decode("utf-8", "replace").casefold()
    except OSError:
        return True  # let read_record report it
    maybe_open = "\nnext:" in text and "\napplied:" not in text
    return maybe_open or any(name in text for names in unseen.values() for name in names)


def streak_reaches(entries: list[Entry], today: dt.date, year: int) -> bool:
    """Whether the week before the streak starts in the year before `year` (so that year matters)."""
    weeks = streak_weeks(entries, today)
    return bool(weeks) and weeks[-1] - dt.timedelta(weeks=1) < dt.date(year, 1, 1)


def years_newest_first(root: Path) -> Iterator[tuple[int | None, list[Path]]]:
    """Entry files grouped by year folder, newest first; files elsewhere under entries/ first."""
    from .store import record_files

    groups: dict[int | None, list[Path]] = {}
    folder = root / "entries"
    for path in record_files(root, "entry"):
        top = path.relative_to(folder).parts[0]
        year = int(top) if top.isdigit() and len(top) == 4 and path.parent.parent == folder else None
        groups.setdefault(year, []).append(path)
    yield from sorted(groups.items(), key=lambda item: -1 if item[0] is None else -item[0])
