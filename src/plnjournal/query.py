"""Filters over records: a date range and the reference, tag, growth and engagement filters that
`pln list`, the reports, exports, graphs, reflections and the portfolio share. Pure functions;
references match by id or by name.

`FilterOptions` is what a user typed (`--from 'last school year' --with dana`); `read_filters`
turns it into `Filters`, and `parse_range` is the one reader of `--from/--to`, so period words
mean the same in every command.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import field
from operator import attrgetter

from plnjournal.frozen import frozen
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Settings
from plnjournal.model import Entry
from plnjournal.periods import MonthDay, Period, parse_bound, period_of
from plnjournal.values import any_in_common, tags
from plnjournal.where import Condition, all_hold


@frozen
class Filters:
    """Which entries a command looks at: a date range and the entry filters, parsed once."""

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
    where: tuple[Condition, ...] = ()  # --where KEY=VALUE...: all of them
    field_types: Mapping[str, str] = field(default_factory=dict)  # pln.yaml `fields:`


@frozen
class FilterOptions:
    """The entry filters as typed on the command line, not yet read (see `read_filters`): the
    fields of `Filters` as strings, kept a type of their own so that a `Filters` never holds
    words nobody has read yet ('last month', a name instead of an id)."""

    start: str | None = None
    end: str | None = None
    space: str | None = None
    people: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    growth: tuple[str, ...] = ()
    engagement: tuple[str, ...] = ()
    goal: str | None = None
    where: tuple[str, ...] = ()  # --where, as typed


def read_filters(
    options: FilterOptions,
    index: Index,
    *,
    settings: Settings | None = None,
    include_private: bool = True,
    default_range: Period | None = None,
) -> Filters:
    """The Filters `options` ask for: vocabularies checked, references resolved by id or name, the
    range read by `parse_range` (from the journal's `school_year_start`), `--where` conditions
    parsed (typed by pln.yaml's `fields`); a UsageError or PlnError naming a bad value."""
    from plnjournal.journal.vocabulary import check_vocabulary
    from plnjournal.where import parse_conditions

    settings = settings or Settings()
    school_year_start = settings.school_year_start

    check_vocabulary("entry", "growth", options.growth)
    check_vocabulary("entry", "engagement", options.engagement)
    start, end = parse_range(options.start, options.end, school_year_start, default=default_range)
    return Filters(
        start=start,
        end=end,
        space=index.require("space", options.space) if options.space else None,
        people=tuple(index.require("person", ref) for ref in options.people),
        tools=tuple(index.require("tool", ref) for ref in options.tools),
        tags=options.tags,
        growth=options.growth,
        engagement=options.engagement,
        goal=index.require("goal", options.goal) if options.goal else None,
        include_private=include_private,
        where=parse_conditions(options.where or ()),
        field_types=settings.fields,
    )


def parse_range(
    start: str | None,
    end: str | None,
    school_year_start: MonthDay = (7, 1),
    *,
    default: Period | None = None,
) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to as dates, the same in every command: an ISO date, words naming a period
    ('last month', 'this school year': --from its first day, --to its last) or other words
    ('3 weeks ago'). A bound not given is `default`'s (when there is one), else open; with a
    `default` (a school year), a lone --from or --to means the school year it falls in (the
    portfolio's `--to 2025-06-30` is 2024-07-01 to 2025-06-30). An end before the start: exit 2."""
    from plnjournal.errors import UsageError

    first = (
        parse_bound(start, option="--from", last=False, school_year_start=school_year_start)
        if start
        else None
    )
    last = parse_bound(end, option="--to", last=True, school_year_start=school_year_start) if end else None
    if first and last and first > last:
        raise UsageError(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    if default is not None and (first is None) != (last is None):
        # `default` is a school year (the portfolio's): a lone bound means the one it falls in
        default = period_of(first or last, "school-year", school_year_start)  # type: ignore[arg-type]
    if default is not None:
        return first or default.start, last or default.end
    return first, last


def describe_range(filters: Filters) -> str:
    """'from 2026-01-01 to 2026-03-31' (or 'in this journal'), and 'matching the filters'."""
    bounds = [
        f"{word} {day.isoformat()}" for word, day in (("from", filters.start), ("to", filters.end)) if day
    ]
    where = " ".join(bounds) or "in this journal"
    return where + (" matching the filters" if _narrowed(filters) else "")


# The entry filters other than the range, privacy and --where, each named as the entry field it
# tests (`matches`): in Filters and in FilterOptions alike.
FILTERED_FIELDS = ("space", "people", "tools", "tags", "growth", "engagement", "goal")
ALWAYS_READ = ("id", "path", "lines", "date", "time", "private")  # what choosing and ordering read


def _narrowed(filters: Filters) -> bool:
    """Whether a filter other than the range and privacy is given."""
    return bool(filters.where) or any(getattr(filters, name) for name in FILTERED_FIELDS)


def fields_read(options: FilterOptions) -> tuple[str, ...]:
    """The entry fields that choosing entries by these filters reads (besides `--where`, which
    may name any key): the range, privacy, order and the filters given."""
    return (*ALWAYS_READ, *(name for name in FILTERED_FIELDS if getattr(options, name)))


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
    if filters.engagement and entry.engagement not in filters.engagement:
        return False
    return not filters.where or all_hold(entry, filters.where, filters.field_types)


def select_entries(entries: Iterable[Entry], filters: Filters, index: Index) -> list[Entry]:
    """Entries passing the filters, oldest first (by date, time, then id). With no filter but a
    range, no entry is tested (at 50k entries, testing each costs a tenth of a second): the range
    is cut from the sorted entries by bisection."""
    if not filters.include_private or _narrowed(filters):
        return in_entry_order([entry for entry in entries if matches(entry, filters, index)])
    ordered = in_entry_order(list(entries))
    first = 0 if filters.start is None else bisect_left(ordered, filters.start, key=_DATE)
    last = len(ordered) if filters.end is None else bisect_right(ordered, filters.end, key=_DATE)
    return ordered[first:last]


def entry_order(entry: Entry) -> tuple[dt.date, str, str]:
    return (entry.date, entry.time or "", entry.id)


_DATE = attrgetter("date")
_DATE_TIME_ID = attrgetter("date", "time", "id")


def in_entry_order(entries: list[Entry]) -> list[Entry]:
    """`entries` sorted by `entry_order`, by the C attribute getter where it gives the same order:
    it fails (TypeError) only on a day with both timed and untimed entries, which `entry_order`
    then sorts (its "" and the getter's None both come first and tie alike)."""
    try:
        return sorted(entries, key=_DATE_TIME_ID)
    except TypeError:
        return sorted(entries, key=entry_order)


def private_left_out(entries: Iterable[Entry], filters: Filters, index: Index) -> int:
    """How many private entries the filters kept out that would otherwise pass (0 when they let
    private entries in): the count an output made to be shared tells the teacher."""
    if filters.include_private:
        return 0
    everything = dataclasses.replace(filters, include_private=True)
    return sum(1 for entry in entries if entry.private and matches(entry, everything, index))
