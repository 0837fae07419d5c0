"""The growth report: how the network made the educator grow, per dimension and per period.

JSON contract (issue 4): report, from, to, by, entries, minutes, without_growth, dimensions (all
four, each with entries, minutes, share, notes newest first, top_spaces, top_people, and
`space_kinds`, the kinds of space behind it, which the views turn into plain-language
observations), periods. Dimensions outside the vocabulary are left out; `warnings` names them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from plnjournal.model import DIMENSIONS, Entry
from plnjournal.reports import Scope, unknown_value_warnings
from plnjournal.reports.timeline import covered_range, iso, period_rows, total_minutes

TOP = 5  # spaces and people listed per dimension
# the entry fields the report reads (besides those choosing entries read), all the index's
# columns need serve (journal/columns.py); --redact reads people and dates too
FIELDS = ("id", "path", "lines", "date", "space", "people", "growth", "minutes")


def build(scope: Scope) -> dict[str, Any]:
    start, end = covered_range(scope)
    entries = scope.entries
    tallies, without_growth = _tally(scope)
    return {
        "report": "growth",
        "from": iso(start),
        "to": iso(end),
        "by": scope.by,
        "entries": len(entries),
        "minutes": total_minutes(entries),
        "without_growth": without_growth,
        "dimensions": {dimension: tally.as_dict(len(entries)) for dimension, tally in tallies.items()},
        "periods": period_rows(scope, _dimension_counts),
    }


def unusable_values(scope: Scope) -> list[str]:
    return unknown_value_warnings(scope.entries, "growth", attrgetter("growth"), DIMENSIONS)


_KNOWN = frozenset(DIMENSIONS)


def dimensions_of(entry: Entry) -> list[str]:
    """The entry's growth dimensions that pln knows."""
    return [dimension for dimension in entry.growth if dimension in _KNOWN]


@dataclass
class _Tally:
    """What one dimension gathers, newest entry first: each entry's minutes, the notes, and who
    and where each came from (as lists: counted once, at the end, by Counter's C loop)."""

    minutes: list[int] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    spaces: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    space_kinds: list[str] = field(default_factory=list)

    def as_dict(self, total: int) -> dict[str, Any]:
        entries = len(self.minutes)
        return {
            "entries": entries,
            "minutes": sum(self.minutes),
            "share": round(entries / total, 3) if total else 0.0,
            "notes": self.notes,
            "top_spaces": ranked(Counter(self.spaces))[:TOP],
            "top_people": ranked(Counter(self.people))[:TOP],
            "space_kinds": ranked(Counter(self.space_kinds), key="kind"),
        }


def _tally(scope: Scope) -> tuple[dict[str, _Tally], int]:
    """One pass over the entries, newest first (scope.entries is oldest first); also how many
    entries name no dimension pln knows. Run for 50k entries: what repeats is worked out once
    (a space, a set of people, a day's ISO text) and an entry naming only known dimensions
    (nearly all) is not copied."""
    tallies = {dimension: _Tally() for dimension in DIMENSIONS}
    spaces: dict[str, tuple[str, str | None]] = {}  # a space as written -> (its id, its kind)
    people_ids: dict[str, str] = {}  # a person as written -> their id: 50k entries name few
    people_of: dict[tuple[str, ...], tuple[str, ...]] = {}  # people as written -> their ids, once each
    days: dict[dt.date, str] = {}  # a date -> its ISO text, made once a day (50k entries, 15k days)
    without_growth = 0
    for entry in reversed(scope.entries):
        growth = entry.growth
        if not growth.keys() <= _KNOWN:
            growth = {dimension: growth[dimension] for dimension in dimensions_of(entry)}
        if not growth:
            without_growth += 1
            continue
        space_id, space_kind = _space(scope, entry.space, spaces) if entry.space else (None, None)
        if (people := people_of.get(entry.people)) is None:
            people = people_of[entry.people] = _people(scope, entry.people, people_ids)
        if (day := days.get(entry.date)) is None:
            day = days[entry.date] = entry.date.isoformat()
        minutes = entry.minutes or 0
        for dimension, note in growth.items():
            tally = tallies[dimension]
            tally.minutes.append(minutes)
            if note and (note := note.strip()):
                tally.notes.append({"entry": entry.id, "date": day, "note": note})
            if space_id:
                tally.spaces.append(space_id)
            if space_kind:
                tally.space_kinds.append(space_kind)
            if people:
                tally.people.extend(people)
    return tallies, without_growth


def _space(scope: Scope, ref: str, known: dict[str, tuple[str, str | None]]) -> tuple[str, str | None]:
    if ref not in known:
        space = scope.index.get("space", ref)
        known[ref] = (space.id, getattr(space, "kind_", None)) if space else (ref, None)
    return known[ref]


def _people(scope: Scope, refs: tuple[str, ...], known: dict[str, str]) -> tuple[str, ...]:
    """The ids of the people named, each once, in the order first named."""
    ids = tuple(_person(scope, ref, known) for ref in refs)
    return ids if len(ids) < 2 else tuple(dict.fromkeys(ids))


def _person(scope: Scope, ref: str, known: dict[str, str]) -> str:
    if ref not in known:
        known[ref] = scope.index.canonical("person", ref)
    return known[ref]


def ranked(counts: Counter[str], *, key: str = "id") -> list[dict[str, Any]]:
    """[{key: name, entries: n}], most entries first, then by name."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{key: name, "entries": count} for name, count in ordered]


def _dimension_counts(entries: Sequence[Entry]) -> dict[str, int]:
    """How many of the entries name each dimension, in one pass (an entry names each key once)."""
    counts = dict.fromkeys(DIMENSIONS, 0)
    for entry in entries:
        for dimension in entry.growth:
            if dimension in counts:
                counts[dimension] += 1
    return counts
