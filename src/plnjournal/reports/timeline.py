"""What every report shares over time: the range actually covered, entries per period (every
period of the range, empty ones with zeros, so charts have no gaps), and minute totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from plnjournal.model import Entry
from plnjournal.periods import period_of, periods_between
from plnjournal.reports import Scope

Counts = Callable[[Sequence[Entry]], dict[str, Any]]


def covered_range(scope: Scope) -> tuple[dt.date | None, dt.date | None]:
    """--from/--to when given, else the first and last entry dates (None when there are none)."""
    first = scope.entries[0].date if scope.entries else None
    last = scope.entries[-1].date if scope.entries else None
    return scope.start or first, scope.end or last


def iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def total_minutes(entries: Iterable[Entry]) -> int:
    return sum(entry.minutes or 0 for entry in entries)


def period_rows(scope: Scope, counts: Counts) -> list[dict[str, Any]]:
    """One row per period of the range: period, from, to, entries, minutes, then `counts(entries)`."""
    start, end = covered_range(scope)
    if start is None or end is None:
        return []
    periods = periods_between(start, end, scope.by, scope.settings.school_year_start)
    buckets: dict[str, list[Entry]] = {period.name: [] for period in periods}
    bucket_of: dict[dt.date, list[Entry]] = {}  # by day: 50k entries fall on far fewer days
    for entry in scope.entries:
        if (bucket := bucket_of.get(entry.date)) is None:
            name = period_of(entry.date, scope.by, scope.settings.school_year_start).name
            bucket = bucket_of[entry.date] = buckets[name]
        bucket.append(entry)
    return [
        {
            "period": period.name,
            "from": period.start.isoformat(),
            "to": period.end.isoformat(),
            "entries": len(buckets[period.name]),
            "minutes": total_minutes(buckets[period.name]),
            **counts(buckets[period.name]),
        }
        for period in periods
    ]
