"""The engagement report: how the educator takes part, from taking in to giving back, and the
boundary signals of the research (late nights, weekends, weeks far above the time goal).

JSON (issue 4): report, from, to, by, entries, minutes, levels (all seven, each {entries,
minutes}), taking_in, giving_back, minutes_per_week, goal_minutes_per_week, late_entries and
weekend_entries (counts), then late_entry_ids, weekend_entry_ids and heavy_weeks, and periods.

- `minutes_per_week` = minutes / (days in the range, both ends counted, / 7), one decimal.
- late: `time` after 21:00, or before 05:00 (still the same night).
- heavy week: an ISO week with more than twice `daily_minutes_goal` * 7 minutes.
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


def _level_counts(entries: Sequence[Entry]) -> dict[str, int]:
    counts = {level: sum(1 for e in entries if e.engagement == level) for level in ENGAGEMENT_LEVELS}
    counts["taking_in"] = sum(1 for e in entries if e.engagement in TAKING_IN)
    counts["giving_back"] = sum(1 for e in entries if e.engagement in GIVING_BACK)
    return counts
