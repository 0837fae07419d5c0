"""What every report shares over time: the range actually covered, entries per period (every
period of the range, empty ones with zeros, so charts have no gaps), and minute totals."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any

from plnjournal.model import Entry
from plnjournal.periods import periods_between
from plnjournal.reports import Scope

Counts = Callable[[Sequence[Entry]], dict[str, Any]]
_date = attrgetter("date")


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
    """One row per period of the range: period, from, to, entries, minutes, then `counts(entries)`.

    `scope.entries` are oldest first and all within the range, so each period's entries are the
    next run of them, found by bisection: no period is worked out per entry."""
    start, end = covered_range(scope)
    if start is None or end is None:
        return []
    rows = []
    first = 0
    for period in periods_between(start, end, scope.by, scope.settings.school_year_start):
        last = bisect_right(scope.entries, period.end, lo=first, key=_date)
        entries = scope.entries[first:last]
        first = last
        rows.append(
            {
                "period": period.name,
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "entries": len(entries),
                "minutes": total_minutes(entries),
                **counts(entries),
            }
        )
    return rows
