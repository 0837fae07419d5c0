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
Each total is kept twice: over every entry summed up, and over those not marked private (what an
output to share, `status --format html`, counts).

Summing up 50k summaries takes half a second, so the index keeps the result (`cache.keep`) with
the paths summed up and their stat keys: while the walk finds every one of those files with the
same key, the kept totals are those files' totals, and only a check of the keys is paid. Any
change to one of them (an edit, a `git pull`, an mtime put back: the ctime moves), or another
`Needed`, sums them up again.
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
    from plnjournal.journal.walk import Walk

Newest = tuple[dt.date, str, str, str | None]  # date, time or "", id, title
SUMMARY_SIZE = len(SUMMARY)
# (date, time, id, title, open, private, people, space, has problems): packed.summary
Summary = tuple[Any, ...]
KEPT_FORMAT = 1  # bump when what `_state` writes changes
SEPARATOR = "\0"  # between the kept paths: no file name holds a NUL


@dataclass
class Earlier:
    """The totals of the entries a load left out; `shared`: the same, private entries aside."""

    dates: set[dt.date] = field(default_factory=set)
    newest: Newest | None = None
    open_intentions: int = 0
    named: dict[str, dt.date] = field(default_factory=dict)  # person as written -> newest day
    space_days: dict[tuple[str, int], dt.date] = field(default_factory=dict)  # (space, weekday) -> day
    private: int = 0  # how many of them are marked private
    shared: Earlier | None = None  # the totals of those not private (None: in `shared` itself)

    def add(self, values: Summary) -> None:
        """Count in one entry's summary (see `Summary`). Run for every entry left out, so written
        for speed: no helper calls."""
        day, time, entry_id, title, open_intention, _, people, space, _ = values
        self.dates.add(day)
        newest = self.newest
        if newest is None or (day >= newest[0] and (day, time or "", entry_id) > newest[:3]):
            self.newest = (day, time or "", entry_id, title)
        if open_intention:
            self.open_intentions += 1
        named = self.named
        for ref in people:
            if day > named.get(ref, dt.date.min):
                named[ref] = day
        if space and day > self.space_days.get(key := (space, day.weekday()), dt.date.min):
            self.space_days[key] = day

    def merged(self, other: Earlier) -> Earlier:
        """These totals and `other`'s together (neither changed; no `shared` part)."""
        both = Earlier(self.dates | other.dates, self.newest, self.open_intentions + other.open_intentions)
        if other.newest is not None and (both.newest is None or other.newest[:3] > both.newest[:3]):
            both.newest = other.newest
        for mine, theirs, into in (
            (self.named, other.named, both.named),
            (self.space_days, other.space_days, both.space_days),
        ):
            into.update(mine)
            for key, day in theirs.items():
                _keep_newest(into, key, day)
        both.private = self.private + other.private
        return both

    def without_private(self) -> Earlier:
        """The totals of the entries left out that are not private."""
        return self.shared if self.shared is not None else self

    def last_named(self, index: Index, *, include_private: bool = True) -> dict[str, dt.date]:
        """{person id: the newest day an entry left out names them}."""
        found: dict[str, dt.date] = {}
        for ref, day in (self if include_private else self.without_private()).named.items():
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


class Needed:
    """Which entries a command loads (the others are summed up), and its name: one name, one rule
    (kept totals are used only for the same name). The first word says where in the index they
    are kept, so that each command keeps one."""

    __slots__ = ("name", "test")

    def __init__(self, name: str, test: Callable[[Summary], bool]) -> None:
        self.name, self.test = name, test

    @property
    def kept_as(self) -> str:
        return f"summed up: {self.name.split()[0]}"


def dated_from(day: dt.date) -> Needed:
    """For `split`: load the entries dated `day` or later (sum up the older ones)."""
    return Needed(f"dated from {day.isoformat()}", lambda summary: summary[0] >= day)


# For `split`: load the entries whose `next` is open (sum up the others).
open_intention = Needed("open intentions", lambda summary: bool(summary[4]))


def split(root: Path, keys: dict[str, cache.Stat | None], needed: Needed) -> tuple[set[str], Earlier] | None:
    """(the entry files to load: the `needed` ones, those with problems to tell and any the index
    does not hold as they are; the totals of the others); None (load them all) without an index."""
    found = _kept(root, needed, keys)
    if found is None:
        found = _sum_up(root, keys, needed)
        if found is None:
            return None
        _keep(root, needed, keys, *found)
    summed, earlier = found
    return set(keys).difference(summed), earlier


def _sum_up(
    root: Path, keys: dict[str, cache.Stat | None], needed: Needed
) -> tuple[list[str], Earlier] | None:
    """Every summary the index holds as it is now that is not `needed`, summed up; None if none.
    The private entries are summed apart and added in at the end: each summary is counted once."""
    shared, private = Earlier(), Earlier()
    summed: list[str] = []
    test, get, check = needed.test, keys.get, cache.digest
    for path, (key, digest, blob) in cache.rows(root, "entry", part="summary"):
        if get(path, False) != key or not blob or check(blob) != digest:
            continue  # changed since, or not as stored: loaded
        values = _summary(blob)
        if values is not None and not values[-1] and not test(values):  # problems are told: loaded
            if values[5]:
                private.add(values)
                private.private += 1
            else:
                shared.add(values)
            summed.append(path)
    if not summed:
        return None
    earlier = shared.merged(private)
    earlier.shared = shared
    return summed, earlier


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


def _stat_keys(paths: Iterable[str], keys: dict[str, cache.Stat | None]) -> bytes:
    """The files' stat keys as bytes to compare (marshal version 2 writes no back-references, so
    equal keys give equal bytes)."""
    return marshal.dumps(tuple(map(keys.get, paths)), 2)


def _keep(
    root: Path, needed: Needed, keys: dict[str, cache.Stat | None], summed: list[str], earlier: Earlier
) -> None:
    state = (KEPT_FORMAT, needed.name, SEPARATOR.join(summed), _stat_keys(summed, keys), _state(earlier))
    cache.keep(root, needed.kept_as, marshal.dumps(state))


def _kept(root: Path, needed: Needed, keys: dict[str, cache.Stat | None]) -> tuple[list[str], Earlier] | None:
    """The totals the index keeps for `needed`, when every file summed up is as it was then."""
    blob = cache.kept(root, needed.kept_as)
    if blob is None:
        return None
    try:
        version, name, joined, stat_keys, state = marshal.loads(blob)
        if version != KEPT_FORMAT or name != needed.name:
            return None
        summed = joined.split(SEPARATOR)
        if _stat_keys(summed, keys) != stat_keys:
            return None
        return summed, _from_state(state)
    except (EOFError, ValueError, TypeError, IndexError, KeyError):
        return None


def _state(earlier: Earlier) -> tuple[Any, ...]:
    """Earlier as plain values marshal can write (days as ordinals)."""
    newest = earlier.newest
    return (
        tuple(day.toordinal() for day in earlier.dates),
        None if newest is None else (newest[0].toordinal(), *newest[1:]),
        earlier.open_intentions,
        {ref: day.toordinal() for ref, day in earlier.named.items()},
        {key: day.toordinal() for key, day in earlier.space_days.items()},
        earlier.private,
        None if earlier.shared is None else _state(earlier.shared),
    )


def _from_state(state: tuple[Any, ...]) -> Earlier:
    dates, newest, open_intentions, named, space_days, private, shared = state
    day = dt.date.fromordinal
    return Earlier(
        set(map(day, dates)),
        None if newest is None else (day(newest[0]), *newest[1:]),
        open_intentions,
        {ref: day(ordinal) for ref, ordinal in named.items()},
        {key: day(ordinal) for key, ordinal in space_days.items()},
        private,
        None if shared is None else _from_state(shared),
    )


def load_summing_up(
    journal: Journal, needed: Needed, kinds: Iterable[str] = tuple(FOLDERS), walked: Walk | None = None
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

    loaded = load(journal, kinds, entry_heads=True, narrow_entries=narrow, walked=walked)
    return dataclasses.replace(loaded, earlier=found[0]) if found else loaded
