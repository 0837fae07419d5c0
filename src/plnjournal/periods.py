"""Periods of time for the reports: ISO weeks ("2025-W37"), months ("2025-09"), quarters
("2025-Q3"), years ("2025") and school years ("2025-26", starting on `school_year_start`).

Also the bounds of a report's range as a user types them: an ISO date, words that name a period
("last month", "this school year": --from takes its first day, --to its last), or any other words
`dates.parse_date` reads ("3 weeks ago").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from plnjournal.dates import parse_date, today
from plnjournal.frozen import frozen

BY: tuple[str, ...] = ("week", "month", "quarter", "year", "school-year")
MonthDay = tuple[int, int]
_NAMED_PERIOD = re.compile(r"(this|last|previous)\s+(week|month|quarter|year|school[\s-]year)")


@frozen
class Period:
    """A named span of days (a week, a month, a term, a school year), both ends included."""

    name: str
    start: dt.date
    end: dt.date  # the last day, inclusive


def period_of(day: dt.date, by: str, school_year_start: MonthDay = (7, 1)) -> Period:
    """The period of kind `by` that contains `day`."""
    if by == "week":
        year, week, weekday = day.isocalendar()
        monday = day - dt.timedelta(days=weekday - 1)
        return Period(f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6))
    if by == "month":
        return Period(f"{day.year}-{day.month:02d}", day.replace(day=1), _month_end(day.year, day.month))
    if by == "quarter":
        quarter = (day.month - 1) // 3 + 1
        first = dt.date(day.year, 3 * quarter - 2, 1)
        return Period(f"{day.year}-Q{quarter}", first, _month_end(day.year, 3 * quarter))
    if by == "year":
        return Period(str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    if by == "school-year":
        return _school_year_of(day, school_year_start)
    raise ValueError(f"unknown period {by!r}")


def periods_between(
    start: dt.date, end: dt.date, by: str, school_year_start: MonthDay = (7, 1)
) -> list[Period]:
    """Every period from the one holding `start` to the one holding `end`, none skipped."""
    return list(_periods_from(start, end, by, school_year_start))


def _periods_from(start: dt.date, end: dt.date, by: str, school_year_start: MonthDay) -> Iterator[Period]:
    day = start
    while day <= end:
        period = period_of(day, by, school_year_start)
        yield period
        day = period.end + dt.timedelta(days=1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _anniversary(year: int, month_day: MonthDay) -> dt.date:
    """`month_day` in `year`; a 29 February start falls on the 28th in other years."""
    month, day = month_day
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _school_year_of(day: dt.date, start: MonthDay) -> Period:
    first_year = day.year if day >= _anniversary(day.year, start) else day.year - 1
    first = _anniversary(first_year, start)
    last = _anniversary(first_year + 1, start) - dt.timedelta(days=1)
    name = str(first_year) if start == (1, 1) else f"{first_year}-{(first_year + 1) % 100:02d}"
    return Period(name, first, last)


def named_period(text: str, school_year_start: MonthDay = (7, 1)) -> Period | None:
    """The period that words such as "last month" or "this school year" name, else None."""
    match = _NAMED_PERIOD.fullmatch(" ".join(text.lower().split()))
    if match is None:
        return None
    by = "school-year" if match[2].startswith("school") else match[2]
    current = period_of(today(), by, school_year_start)
    if match[1] == "this":
        return current
    return period_of(current.start - dt.timedelta(days=1), by, school_year_start)


def parse_bound(text: str, *, option: str, last: bool, school_year_start: MonthDay = (7, 1)) -> dt.date:
    """A range bound: an ISO date or words; a named period gives its first day, or its last
    day when `last` (so `--from 'last month' --to 'last month'` is exactly last month)."""
    period = named_period(text, school_year_start)
    if period is None:
        return parse_date(text, option=option)
    return period.end if last else period.start
