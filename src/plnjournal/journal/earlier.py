"""Entries a load leaves out, summed up: how `pln status` and `pln next` read a journal of
decades quickly.

Status looks at the last year or so entry by entry, `pln next` at the open intentions, but both at
every entry for a few totals: the weeks with an entry (the streak), the newest entry, the open
intentions, when each person was last named (dormant ties, keep in touch) and the newest day in
each space on each weekday (the anchor of a fortnightly schedule). `split` reads those from the
index's per-entry summaries (`packed.summary`, each checked by its CRC) for the entries the
command does not need whole, among those the index holds as they are now; every other file
(needed, changed, not indexed, giving no record) is loaded as usual. The two parts never overlap,
so the totals add up to those of the whole journal, and the functions that use them
(`reports/status.py`, `network.dormant`, `keep_in_touch`, `upcoming`) give what a whole load gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.journal import cache
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.packed import SUMMARY
from plnjournal.model import FOLDERS

if TYPE_CHECKING:
    from plnjournal.journal.refs import Index
    from plnjournal.journal.settings import Journal

Newest = tuple[dt.date, str, str, str | None]  # date, time or "", id, title
SUMMARY_SIZE = len(SUMMARY)
# (date, time, id, title, open, private, people, space, has problems): packed.summary
Summary = tuple[Any, ...]


@dataclass
class Earlier:
    """The totals of the entries a load left out."""

    dates: set[dt.date] = field(default_factory=set)
    newest: Newest | None = None
    open_intentions: int = 0
    named: dict[str, dt.date] = field(default_factory=dict)  # person as written -> newest day
    named_openly: dict[str, dt.date] = field(default_factory=dict)  # the same, private entries aside
    space_days: dict[tuple[str, int], dt.date] = field(default_factory=dict)  # (space, weekday) -> day

    def add(self, values: Summary) -> None:
        """Count in one entry's summary (see `Summary`). Run for every entry left out, so
        written for speed: no helper calls."""
        day, time, entry_id, title, open_intention, private, people, space, _ = values
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


def dated_from(day: dt.date) -> Callable[[Summary], bool]:
    """For `split`: load the entries dated `day` or later (sum up the older ones)."""
    return lambda summary: summary[0] >= day


def open_intention(summary: Summary) -> bool:
    """For `split`: load the entries whose `next` is open (sum up the others)."""
    return bool(summary[4])


def split(
    root: Path, keys: dict[str, cache.Stat | None], needed: Callable[[Summary], bool]
) -> tuple[set[str], Earlier] | None:
    """(the entry files to load: the `needed` ones, those with problems to tell and any the index
    does not hold as they are; the totals of the others); None (load them all) without an index."""
    earlier = Earlier()
    summed: set[str] = set()
    for path, (key, digest, blob) in cache.rows(root, "entry", part="summary"):
        if keys.get(path, False) != key or not blob or cache.digest(blob) != digest:
            continue  # changed since, or not as stored: loaded
        values = _summary(blob)
        if values is not None and not values[-1] and not needed(values):  # problems are told: loaded
            earlier.add(values)
            summed.add(path)
    if not summed:
        return None
    return set(keys) - summed, earlier


def _summary(blob: bytes) -> Summary | None:
    """A stored summary with its date as a date; None for a file that gives no entry, or bytes
    that do not read as one."""
    try:
        values = marshal.loads(blob)
        if values is None or len(values) != SUMMARY_SIZE:
            return None
        return (dt.date.fromisoformat(values[0]), *values[1:])
    except (EOFError, ValueError, TypeError):
        return None


def load_summing_up(
    journal: Journal, needed: Callable[[Summary], bool], kinds: Iterable[str] = tuple(FOLDERS)
) -> Loaded:
    """The journal with only the `needed` entries loaded (as heads, `packed.HEAD_FIELDS`) and
    the others summed up in `Loaded.earlier`; everything loaded when there is no index to use."""
    found: list[Earlier] = []

    def narrow(keys: dict[str, cache.Stat | None]) -> set[str] | None:
        parts = split(journal.root, keys, needed)
        if parts is None:
            return None
        found.append(parts[1])
        return parts[0]

    loaded = load(journal, kinds, entry_heads=True, narrow_entries=narrow)
    return dataclasses.replace(loaded, earlier=found[0]) if found else loaded
