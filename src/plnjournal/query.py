"""Filters over records: a date range and the reference, tag, growth and engagement filters that
`pln list`, the reports and exports share. Pure functions; references match by id or by name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from plnjournal.journal.refs import Index
from plnjournal.model import Entry
from plnjournal.values import any_in_common, tags


@dataclass(frozen=True, slots=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    space: str | None = None
    people: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    growth: tuple[str, ...] = ()
    engagement: tuple[str, ...] = ()
    goal: str | None = None
    include_private: bool = True


def ordered_range(start: dt.date | None, end: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """The range as given; a UsageError (exit 2) when it ends before it starts, in every command."""
    if start and end and start > end:
        from plnjournal.errors import UsageError

        raise UsageError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    return start, end


def lone_bound_in_school_year(
    start: dt.date | None, end: dt.date | None, school_year_start: tuple[int, int], today: dt.date
) -> tuple[dt.date, dt.date]:
    """A range for a school-year document (the portfolio): both bounds as given; a lone --from or
    --to completed by the school year it falls in (`--to 2025-06-30` is 2024-07-01 to 2025-06-30);
    neither: today's school year."""
    from plnjournal.periods import period_of

    year = period_of(start or end or today, "school-year", school_year_start)
    return ordered_range(start or year.start, end or year.end)  # type: ignore[return-value]


def in_range(date: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or date >= start) and (end is None or date <= end)


def entry_ids(index: Index, kind: str, refs: Iterable[str]) -> set[str]:
    return {index.canonical(kind, ref) for ref in refs}


def matches(entry: Entry, filters: Filters, index: Index) -> bool:
    """Whether an entry passes every filter (several values of one filter: any of them)."""
    if not in_range(entry.date, filters.start, filters.end):
        return False
    if entry.private and not filters.include_private:
        return False
    if filters.space and index.canonical("space", entry.space or "") != filters.space:
        return False
    if filters.goal and index.canonical("goal", entry.goal or "") != filters.goal:
        return False
    if filters.people and not entry_ids(index, "person", entry.people) & set(filters.people):
        return False
    if filters.tools and not entry_ids(index, "tool", entry.tools) & set(filters.tools):
        return False
    if filters.tags and not any_in_common(entry.tags, tags(filters.tags)):
        return False
    if filters.growth and not set(entry.growth) & set(filters.growth):
        return False
    return not filters.engagement or entry.engagement in filters.engagement


def select_entries(entries: Iterable[Entry], filters: Filters, index: Index) -> list[Entry]:
    """Entries passing the filters, oldest first (by date, time, then id)."""
    chosen = [entry for entry in entries if matches(entry, filters, index)]
    return sorted(chosen, key=entry_order)


def entry_order(entry: Entry) -> tuple[dt.date, str, str]:
    return (entry.date, entry.time or "", entry.id)
