"""The growth report: how the network made the educator grow, per dimension and per period.

JSON contract (issue 4): report, from, to, by, entries, minutes, without_growth, dimensions (all
four, each with entries, minutes, share, notes newest first, top_spaces, top_people, and
`space_kinds`, the kinds of space behind it, which the views turn into plain-language
observations), periods. Dimensions outside the vocabulary are left out; `warnings` names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import DIMENSIONS, Entry
from ..query import entry_order
from ..refs import Index
from . import Scope, unknown_value_warnings
from .timeline import covered_range, iso, period_rows, total_minutes

TOP = 5  # spaces and people listed per dimension


def build(scope: Scope) -> dict[str, Any]:
    start, end = covered_range(scope)
    entries = scope.entries
    return {
        "report": "growth",
        "from": iso(start),
        "to": iso(end),
        "by": scope.by,
        "entries": len(entries),
        "minutes": total_minutes(entries),
        "without_growth": sum(1 for entry in entries if not dimensions_of(entry)),
        "dimensions": {dimension: _dimension(scope, dimension) for dimension in DIMENSIONS},
        "periods": period_rows(scope, _dimension_counts),
    }


def unusable_values(scope: Scope) -> list[str]:
    return unknown_value_warnings(scope.entries, "growth", lambda entry: entry.growth, DIMENSIONS)


def dimensions_of(entry: Entry) -> list[str]:
    """The entry's growth dimensions that pln knows."""
    return [dimension for dimension in entry.growth if dimension in DIMENSIONS]


def _dimension(scope: Scope, dimension: str) -> dict[str, Any]:
    showing = [entry for entry in scope.entries if dimension in entry.growth]
    spaces = [scope.index.canonical("space", entry.space) for entry in showing if entry.space]
    return {
        "entries": len(showing),
        "minutes": total_minutes(showing),
        "share": round(len(showing) / len(scope.entries), 3) if scope.entries else 0.0,
        "notes": _notes(showing, dimension),
        "top_spaces": ranked(spaces)[:TOP],
        "top_people": ranked(_people(scope.index, showing))[:TOP],
        "space_kinds": ranked(_space_kinds(scope.index, showing), key="kind"),
    }


def _notes(entries: Sequence[Entry], dimension: str) -> list[dict[str, str]]:
    newest_first = sorted(entries, key=entry_order, reverse=True)
    return [
        {"entry": entry.id, "date": entry.date.isoformat(), "note": note}
        for entry in newest_first
        if (note := (entry.growth.get(dimension) or "").strip())
    ]


def _people(index: Index, entries: Iterable[Entry]) -> list[str]:
    """Each person once per entry, by id."""
    return [
        person
        for entry in entries
        for person in dict.fromkeys(index.canonical("person", ref) for ref in entry.people)
    ]


def _space_kinds(index: Index, entries: Iterable[Entry]) -> list[str]:
    spaces = (index.get("space", entry.space) for entry in entries if entry.space)
    return [space.kind_ for space in spaces if space is not None and space.kind_]  # type: ignore[attr-defined]


def ranked(names: Iterable[str], *, key: str = "id") -> list[dict[str, Any]]:
    """[{key: name, entries: n}], most entries first, then by name."""
    counts = sorted(Counter(names).items(), key=lambda item: (-item[1], item[0]))
    return [{key: name, "entries": count} for name, count in counts]


def _dimension_counts(entries: Sequence[Entry]) -> dict[str, int]:
    return {dimension: sum(1 for entry in entries if dimension in entry.growth) for dimension in DIMENSIONS}
