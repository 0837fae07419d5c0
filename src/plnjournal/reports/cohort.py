"""The cohort view: what a teacher shares with a course or a district (`pln export --for-cohort`),
and what many such shares add up to (`pln cohort`). Format: docs/cohort.md.

A *share* holds counts only — entries per month, per growth dimension, engagement level, impact
step, space kind and platform, and hours — under a random `teacher` id: no names, no titles, no
notes, no bodies, no dates finer than a month.

The *cohort* counts each teacher once (their newest share, by `made`), and for every figure reports
the total, how many teachers it rests on, and the median per teacher among them. A cell resting on
fewer than `min_teachers` teachers (default 5) is suppressed: its figures are null and `suppressed`
is true, so no small group's numbers can be traced back to a few teachers.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS, Entry
from plnjournal.periods import period_of

FORMAT = "pln-cohort-share"
VERSION = 1
MIN_TEACHERS = 5
IMPACT_STEPS = ("logged", "intended", "applied", "student_impact")
SECTIONS = ("growth", "engagement", "impact", "space_kinds", "platforms")


def share(entries: Sequence[Entry], spaces: dict[str, Any], teacher: str, made: dt.date) -> dict[str, Any]:
    """One teacher's share: counts of `entries` (already filtered: private ones left out)."""
    months: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.date):
        months.setdefault(period_of(entry.date, "month").name, []).append(entry)
    return {
        "format": FORMAT,
        "version": VERSION,
        "teacher": teacher,
        "made": made.isoformat(),
        "periods": [{"period": name, **counts(chosen, spaces)} for name, chosen in months.items()],
        "total": counts(entries, spaces),
    }


def counts(entries: Sequence[Entry], spaces: dict[str, Any]) -> dict[str, Any]:
    kinds: Counter[str] = Counter()
    platforms: Counter[str] = Counter()
    for entry in entries:
        space = spaces.get(entry.space) if entry.space else None
        if space is not None:
            kinds[space.kind_ or "unspecified"] += 1
            if space.platform:
                platforms[space.platform.strip()] += 1
    return {
        "entries": len(entries),
        "hours": round(sum(entry.minutes or 0 for entry in entries) / 60, 2),
        "growth": {d: sum(1 for e in entries if d in e.growth) for d in DIMENSIONS},
        "engagement": {
            level: sum(1 for e in entries if e.engagement == level) for level in ENGAGEMENT_LEVELS
        },
        "impact": {
            "logged": len(entries),
            "intended": sum(1 for e in entries if e.next),
            "applied": sum(1 for e in entries if e.applied),
            "student_impact": sum(1 for e in entries if e.impact),
        },
        "space_kinds": dict(sorted(kinds.items())),
        "platforms": dict(sorted(platforms.items())),
    }


def check_share(data: Any) -> str | None:
    """Why `data` is not a share pln can read, or None."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return "not a cohort share (made by pln export --for-cohort)"
    if data.get("version") != VERSION:
        return f"a cohort share of version {data.get('version')!r}; this pln reads version {VERSION}"
    if not isinstance(data.get("teacher"), str) or not isinstance(data.get("total"), dict):
        return "a cohort share without its teacher id or totals"
    return None


def newest_per_teacher(shares: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    newest: dict[str, dict[str, Any]] = {}
    for data in shares:
        kept = newest.get(data["teacher"])
        if kept is None or str(data.get("made", "")) > str(kept.get("made", "")):
            newest[data["teacher"]] = data
    return [newest[teacher] for teacher in sorted(newest)]


def cell(values: list[float], min_teachers: int) -> dict[str, Any]:
    """A figure over the teachers who have it (value > 0): total, teachers, median; or suppressed."""
    present = [value for value in values if value]
    if len(present) < min_teachers:
        return {"total": None, "teachers": None, "median": None, "suppressed": True}
    total = round(sum(present), 2)
    return {
        "total": total,
        "teachers": len(present),
        "median": round(statistics.median(present), 2),
        "suppressed": False,
    }


def aggregate(
    shares: Sequence[dict[str, Any]], min_teachers: int = MIN_TEACHERS, goal_hours: float | None = None
) -> dict[str, Any]:
    teachers = newest_per_teacher(shares)
    totals = [data["total"] for data in teachers]
    result: dict[str, Any] = {
        "report": "cohort",
        "teachers": len(teachers),
        "min_teachers": min_teachers,
        "entries": cell([t.get("entries", 0) for t in totals], min_teachers),
        "hours": cell([t.get("hours", 0) for t in totals], min_teachers),
    }
    for section in SECTIONS:
        keys = sorted({key for t in totals for key in t.get(section, {})}, key=_order(section))
        result[section] = {
            key: cell([t.get(section, {}).get(key, 0) for t in totals], min_teachers) for key in keys
        }
    result["goal"] = goal(totals, goal_hours, min_teachers)
    result["periods"] = periods(teachers, min_teachers)
    return result


def _order(section: str) -> Any:
    fixed = {"growth": DIMENSIONS, "engagement": ENGAGEMENT_LEVELS, "impact": IMPACT_STEPS}.get(section)
    if fixed is None:
        return lambda key: key.casefold()
    return lambda key: (fixed.index(key) if key in fixed else len(fixed), key)


def goal(totals: list[dict[str, Any]], goal_hours: float | None, min_teachers: int) -> dict[str, Any] | None:
    """How many teachers reached `goal_hours`, suppressed when fewer than min_teachers did or did not."""
    if goal_hours is None:
        return None
    reached = sum(1 for t in totals if t.get("hours", 0) >= goal_hours)
    group_too_small = 0 < min(reached, len(totals) - reached) < min_teachers
    small = len(totals) < min_teachers or group_too_small
    return {"hours": goal_hours, "reached": None if small else reached, "suppressed": small}


def periods(teachers: list[dict[str, Any]], min_teachers: int) -> list[dict[str, Any]]:
    by_period: dict[str, list[dict[str, Any]]] = {}
    for data in teachers:
        for row in data.get("periods", []):
            by_period.setdefault(row["period"], []).append(row)
    return [
        {
            "period": name,
            "entries": cell([row.get("entries", 0) for row in rows], min_teachers),
            "hours": cell([row.get("hours", 0) for row in rows], min_teachers),
        }
        for name, rows in sorted(by_period.items())
    ]
