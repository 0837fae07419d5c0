"""Reports: pure functions from records to plain data (dicts of lists, numbers and strings).

Each report is a module here with `build(scope: Scope) -> dict`; its presentation (table, csv,
markdown, html) lives in `render/views/<name>.py`, and JSON is the dict itself. The registry that
pairs them for `pln report --NAME` is `render/registry.py` (it names views, so it cannot live in
this package). `read_scope` turns the filters a user typed into the Scope a report covers.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from operator import attrgetter

from plnjournal.frozen import frozen
from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Settings
from plnjournal.model import Entry
from plnjournal.periods import Period
from plnjournal.query import FilterOptions, Filters, private_left_out, read_filters, select_entries


@frozen(slots=False)
class Scope:
    """What a report covers: the journal's records, the entries chosen, and the parameters."""

    loaded: Loaded
    index: Index
    entries: tuple[Entry, ...]
    start: dt.date | None
    end: dt.date | None
    by: str
    settings: Settings
    today: dt.date
    filters: Filters = field(default_factory=Filters)
    added: Mapping[str, dt.date] = field(default_factory=dict)  # person id -> the day they were added
    private_left_out: int = 0  # private entries the filters kept out, for the command to say
    future: tuple[Entry, ...] = ()  # entries after today, left out of a range with no --to


def make_scope(
    loaded: Loaded,
    filters: Filters,
    *,
    by: str,
    settings: Settings,
    today: dt.date,
    added: Mapping[str, dt.date] | None = None,
    index: Index | None = None,
) -> Scope:
    """`added` (git/history.py) tells the network report who joined too recently to be dormant.

    A range with no end stops at today: an entry dated later (most often a typo, 2062 for 2026)
    is left out and kept in `future`, for the command to name, rather than stretching every time
    series to it (433 empty months). `--to` a later day counts it."""
    index = index or Index(loaded.records)
    chosen = tuple(select_entries(loaded.entries, filters, index))
    # oldest first, so the entries after today are the last ones
    entries = chosen if filters.end else chosen[: bisect_right(chosen, today, key=_date)]
    future = chosen[len(entries) :] if filters.end is None else ()
    left_out = private_left_out(loaded.entries, filters, index)
    return Scope(
        loaded,
        index,
        entries,
        filters.start,
        filters.end,
        by,
        settings,
        today,
        filters,
        added or {},
        left_out,
        future,
    )


_date = attrgetter("date")


def future_warnings(scope: Scope) -> list[str]:
    """One line for each entry dated after today that a range with no end left out."""
    return [
        f"left out {entry.path}:{entry.lines.get('date', 1)}: dated {entry.date.isoformat()}, after today "
        f"(give --to {entry.date.isoformat()} to count it; see 'pln check')"
        for entry in scope.future
    ]


def read_scope(
    loaded: Loaded,
    options: FilterOptions,
    *,
    settings: Settings,
    today: dt.date,
    by: str = "month",
    include_private: bool = True,
    default_range: Period | None = None,
    added: Callable[[dt.date], Mapping[str, dt.date]] | None = None,
) -> Scope:
    """The Scope that filters typed on the command line choose (see `query.read_filters`);
    `added(last day)`, when given, says when each person was added (see `make_scope`)."""
    index = Index(loaded.records)
    filters = read_filters(
        options, index, settings=settings, include_private=include_private, default_range=default_range
    )
    when = added(filters.end or today) if added else None
    return make_scope(loaded, filters, by=by, settings=settings, today=today, added=when, index=index)


def unknown_value_warnings(
    entries: Iterable[Entry], key: str, values_of: Callable[[Entry], Iterable[str]], choices: tuple[str, ...]
) -> list[str]:
    """'path:line: key: 'x' is not one of ...' for each value outside a vocabulary, which the
    report leaves out (warnings for the command to print; a report's data never carries them)."""
    from plnjournal.journal.vocabulary import bad_choice_message

    return [
        f"{entry.path}:{entry.lines.get(key, 1)}: "
        + bad_choice_message(key, value, choices)
        + " (left out of this report)"
        for entry in entries
        for value in values_of(entry)
        if value not in choices
    ]
