"""The engagement report: how the educator takes part, from taking in to giving back, and the
boundary signals of the research (late nights, weekends, weeks far above the time goal).

JSON (issue 4): report, from, to, by, entries, minutes, levels (all seven, each {entries,
minutes}), taking_in, giving_back, minutes_per_week, goal_minutes_per_week, late_entries and
weekend_entries (counts), then late_entry_ids, weekend_entry_ids and heavy_weeks, and periods.

- `minutes_per_week` = minutes / (days in the range, both ends counted, / 7), one decimal.
- late: `time` after 21:00, or before 05:00 (still the same night).
- heavy week: an ISO week with more than twice `daily_minutes_goal` * 7 minutes.
- `spaces` (each space's trajectory, from taking in to giving back): per space with entries in
  range, its `first` and `latest` engagement level (of its first and latest entry with one), and per
  period the highest level reached (levels in the order read < asked < ... < led).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from plnjournal.model import ENGAGEMENT_LEVELS, GIVING_BACK, TAKING_IN, Entry
from plnjournal.periods import Period, period_of
from plnjournal.reports import Scope, unknown_value_warnings
from plnjournal.reports.timeline import covered_range, iso, period_rows, total_minutes

LATE_AFTER = dt.time(21, 0)
EARLY_BEFORE = dt.time(5, 0)
HEAVY_FACTOR = 2


def build(scope: Scope) -> dict[str, Any]:
    start, end = covered_range(scope)
    entries = scope.entries
    goal = scope.settings.daily_minutes_goal * 7
    late = [entry.id for entry in entries if is_late(entry)]
    weekend = [entry.id for entry in entries if entry.date.weekday() >= 5]
    return {
        "report": "engagement",
        "from": iso(start),
        "to": iso(end),
        "by": scope.by,
        "entries": len(entries),
        "minutes": total_minutes(entries),
        "levels": {level: usage(e for e in entries if e.engagement == level) for level in ENGAGEMENT_LEVELS},
        "taking_in": usage(e for e in entries if e.engagement in TAKING_IN),
        "giving_back": usage(e for e in entries if e.engagement in GIVING_BACK),
        "minutes_per_week": minutes_per_week(total_minutes(entries), start, end),
        "goal_minutes_per_week": goal,
        "late_entries": len(late),
        "weekend_entries": len(weekend),
        "late_entry_ids": late,
        "weekend_entry_ids": weekend,
        "heavy_weeks": heavy_weeks(entries, HEAVY_FACTOR * goal),
        "periods": period_rows(scope, _level_counts),
        "spaces": trajectories(scope),
    }


def unusable_values(scope: Scope) -> list[str]:
    return unknown_value_warnings(
        scope.entries,
        "engagement",
        lambda entry: [entry.engagement] if entry.engagement else [],
        ENGAGEMENT_LEVELS,
    )


def usage(entries: Iterable[Entry]) -> dict[str, int]:
    chosen = list(entries)
    return {"entries": len(chosen), "minutes": total_minutes(chosen)}


def minutes_per_week(minutes: int, start: dt.date | None, end: dt.date | None) -> float:
    if start is None or end is None:
        return 0.0
    weeks = ((end - start).days + 1) / 7
    return round(minutes / weeks, 1)


def is_late(entry: Entry) -> bool:
    if not entry.time:
        return False
    hours, minutes = entry.time.split(":")
    at = dt.time(int(hours), int(minutes))
    return at > LATE_AFTER or at < EARLY_BEFORE


def heavy_weeks(entries: Sequence[Entry], limit: int) -> list[dict[str, Any]]:
    """ISO weeks with more than `limit` minutes, oldest first (none when there is no goal)."""
    if limit <= 0:
        return []
    weeks: dict[Period, int] = defaultdict(int)
    for entry in entries:
        weeks[period_of(entry.date, "week")] += entry.minutes or 0
    return [
        {"week": week.name, "from": week.start.isoformat(), "to": week.end.isoformat(), "minutes": minutes}
        for week, minutes in sorted(weeks.items(), key=lambda item: item[0].start)
        if minutes > limit
    ]


def trajectories(scope: Scope) -> list[dict[str, Any]]:
    """Each space's way from taking in to giving back, most entries first."""
    by_space: dict[str, list[Entry]] = defaultdict(list)
    for entry in scope.entries:
        if entry.space and entry.engagement in ENGAGEMENT_LEVELS:
            by_space[scope.index.canonical("space", entry.space)].append(entry)
    rows = []
    for space_id, entries in by_space.items():
        ordered = sorted(entries, key=lambda e: (e.date, e.time or "", e.id))
        highest: dict[str, str] = {}
        for entry in ordered:
            name = period_of(entry.date, scope.by, scope.settings.school_year_start).name
            if ENGAGEMENT_LEVELS.index(entry.engagement) >= ENGAGEMENT_LEVELS.index(
                highest.get(name, "read")
            ):  # type: ignore[arg-type]
                highest[name] = entry.engagement  # type: ignore[assignment]
        space = scope.index.by_id["space"].get(space_id)
        rows.append(
            {
                "id": space_id,
                "name": space.name if space else space_id,  # type: ignore[attr-defined]
                "entries": len(ordered),
                "first": ordered[0].engagement,
                "latest": ordered[-1].engagement,
                "periods": [{"period": name, "highest": level} for name, level in highest.items()],
            }
        )
    return sorted(rows, key=lambda row: (-row["entries"], row["name"].casefold()))


def _level_counts(entries: Sequence[Entry]) -> dict[str, int]:
    counts = {level: sum(1 for e in entries if e.engagement == level) for level in ENGAGEMENT_LEVELS}
    counts["taking_in"] = sum(1 for e in entries if e.engagement in TAKING_IN)
    counts["giving_back"] = sum(1 for e in entries if e.engagement in GIVING_BACK)
    return counts
