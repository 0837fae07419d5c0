"""Entries a load leaves out, summed up: how `pln status` reads a journal of decades quickly.

Status looks at the last year or so entry by entry, but at every entry only for a few totals: the
weeks with an entry (the streak), the newest entry, the open intentions, when each person was last
named (dormant ties, keep in touch) and the newest day in each space on each weekday (the anchor of
a fortnightly schedule). `split` reads those from the index's per-entry summaries
(`packed.summary`, each checked by its CRC) for the entries older than a cutoff that the index holds
as they are now; every other file (newer, changed, not indexed, giving no record) is loaded as
usual. The two parts never overlap, so the totals add up to those of the whole journal, and the
functions that use them (`reports/status.py`, `network.dormant`, `keep_in_touch`, `upcoming`)
give what a whole load gives.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.journal import cache

if TYPE_CHECKING:
    from plnjournal.journal.refs import Index

Newest = tuple[dt.date, str, str, str | None]  # date, time or "", id, title
SUMMARY_SIZE = 8  # see packed.summary


@dataclass
class Earlier:
    """The totals of the entries a load left out (all of them dated before `before`)."""

    before: dt.date
    dates: set[dt.date] = field(default_factory=set)
    newest: Newest | None = None
    open_intentions: int = 0
    named: dict[str, dt.date] = field(default_factory=dict)  # person as written -> newest day
    named_openly: dict[str, dt.date] = field(default_factory=dict)  # the same, private entries aside
    space_days: dict[tuple[str, int], dt.date] = field(default_factory=dict)  # (space, weekday) -> day

    def add(self, values: tuple[Any, ...]) -> None:
        """Count in one entry's summary: (date, time, id, title, open, private, people, space).
        (Run for every entry left out, so written for speed: no helper calls.)"""
        day, time, entry_id, title, open_intention, private, people, space = values
        self.dates.add(day)
        newest = self.newest
        if newest is None or (day, time or "", entry_id) > newest[:3]:
            self.newest = (day, time or "", entry_id, title)
        if open_intention:
            self.open_intentions += 1
        named, openly = self.named, self.named_openly
        for ref in people:
            if day > named.get(ref, dt.date.min):
                named[ref] = day
            if not private and day > openly.get(ref, dt.date.min):
                openly[ref] = day
        if space and day > self.space_days.get(key := (space, day.weekday()), dt.date.min):
            self.space_days[key] = day

    def last_named(self, index: Index, *, include_private: bool = True) -> dict[str, dt.date]:
        """{person id: the newest day an entry left out names them}."""
        found: dict[str, dt.date] = {}
        for ref, day in (self.named if include_private else self.named_openly).items():
            _keep_newest(found, index.canonical("person", ref), day)
        return found


def _keep_newest(days: dict[Any, dt.date], key: Any, day: dt.date) -> None:
    if day > days.get(key, dt.date.min):
        days[key] = day


def merge_newest(days: dict[str, dt.date], more: Mapping[str, dt.date], up_to: dt.date) -> None:
    """Add `more`'s days (those up to `up_to`) to `days`, keeping the newest of each."""
    for key, day in more.items():
        if day <= up_to:
            _keep_newest(days, key, day)


def split(root: Path, keys: dict[str, cache.Stat | None], before: dt.date) -> tuple[set[str], Earlier] | None:
    """(the entry files to load, the totals of the others); None (load them all) without an index."""
    earlier = Earlier(before)
    summed: set[str] = set()
    for path, (key, digest, blob) in cache.rows(root, "entry", part="summary"):
        if keys.get(path, False) != key or not blob or cache.digest(blob) != digest:
            continue  # changed since, or not as stored: loaded
        values = _summary(blob)
        if values is not None and values[0] < before:
            earlier.add(values)
            summed.add(path)
    if not summed:
        return None
    return set(keys) - summed, earlier


def _summary(blob: bytes) -> tuple[Any, ...] | None:
    """A stored summary with its date as a date; None for a file that gives no entry, or bytes
    that do not read as one."""
    try:
        values = marshal.loads(blob)
        if values is None or len(values) != SUMMARY_SIZE:
            return None
        return (dt.date.fromisoformat(values[0]), *values[1:])
    except (EOFError, ValueError, TypeError):
        return None
