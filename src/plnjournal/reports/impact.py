"""The impact report, after Guskey: from learning (entries logged) to intentions (`next`), to
practice (`applied`), to students (`impact`); overall, per goal and per space, and the intentions
still open, oldest first.

JSON (issue 4): report, from, to, logged, intended, applied, student_impact, dropped, by_goal and
by_space (lists of {id, name, logged, intended, applied, student_impact, dropped}, most entries
first, then by id; entries without a goal or space last, with id and name null), open ([{entry,
date, next}]). `dropped` counts intentions let go (`pln next --drop`) and never applied, so an
intention (`next`) is either applied, dropped or still open.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from plnjournal.model import Entry, display_name
from plnjournal.reports import Scope
from plnjournal.reports.intentions import open_intentions
from plnjournal.reports.timeline import covered_range, iso


def build(scope: Scope) -> dict[str, Any]:
    start, end = covered_range(scope)
    return {
        "report": "impact",
        "from": iso(start),
        "to": iso(end),
        **stages(scope.entries),
        "by_goal": _by(scope, "goal"),
        "by_space": _by(scope, "space"),
        "open": [
            {"entry": entry.id, "date": entry.date.isoformat(), "next": entry.next}
            for entry in open_intentions(scope.entries)
        ],
    }


def stages(entries: Iterable[Entry]) -> dict[str, int]:
    chosen = list(entries)
    return {
        "logged": len(chosen),
        "intended": sum(1 for entry in chosen if entry.next),
        "applied": sum(1 for entry in chosen if entry.applied),
        "student_impact": sum(1 for entry in chosen if entry.impact),
        "dropped": sum(1 for entry in chosen if entry.dropped and not entry.applied),
    }


def _by(scope: Scope, key: str) -> list[dict[str, Any]]:
    """One row per goal (or space) the entries name, then one for the entries naming none."""
    groups: dict[str | None, list[Entry]] = defaultdict(list)
    for entry in scope.entries:
        ref = getattr(entry, key)
        groups[scope.index.canonical(key, ref) if ref else None].append(entry)
    named = sorted((ref for ref in groups if ref is not None), key=lambda ref: (-len(groups[ref]), ref))
    rows = [_row(scope, key, ref, groups[ref]) for ref in named]
    if None in groups:
        rows.append(_row(scope, key, None, groups[None]))
    return rows


def _row(scope: Scope, kind: str, ref: str | None, entries: Sequence[Entry]) -> dict[str, Any]:
    record = scope.index.get(kind, ref) if ref else None
    name = display_name(record) if record else ref
    return {"id": ref, "name": name, **stages(entries)}
