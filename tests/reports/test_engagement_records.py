"""The engagement report as a pure function: literal records in, plain data out (no files, no CLI)."""

from __future__ import annotations

import datetime as dt

from plnjournal.journal.settings import Settings
from plnjournal.model import ENGAGEMENT_LEVELS, Space
from plnjournal.reports import engagement
from tests.helpers.reports import dated, scope_of

TODAY = dt.date(2025, 10, 1)
START, END = dt.date(2025, 9, 1), dt.date(2025, 9, 14)  # two whole weeks, Monday to Sunday
CHAT = Space(id="sschat", name="#sschat")
ENTRIES = (
    dated("2025-09-01", "read", engagement="read", minutes=30, time="21:00", space="sschat"),
    dated("2025-09-02", "late", engagement="asked", minutes=20, time="21:01", space="sschat"),
    dated("2025-09-03", "early", engagement="shared", minutes=40, time="04:59", space="sschat"),
    dated("2025-09-04", "dawn", engagement="led", minutes=10, time="05:00"),
    dated("2025-09-06", "saturday", engagement="connected", minutes=25, space="#sschat"),
    dated("2025-09-08", "no-level", minutes=15),
    dated("2025-09-09", "odd-level", engagement="lurked", minutes=5),
)


def report(*records: object, **choices: object) -> dict:
    return engagement.build(scope_of(CHAT, *records, today=TODAY, start=START, end=END, **choices))  # type: ignore[arg-type]


def test_the_levels_add_up_to_the_entries_that_have_one() -> None:
    data = report(*ENTRIES)
    assert (data["entries"], data["minutes"]) == (7, 145)
    assert list(data["levels"]) == list(ENGAGEMENT_LEVELS)
    with_a_level = sum(level["entries"] for level in data["levels"].values())
    assert with_a_level == 5  # no-level and the unknown 'lurked' count in no level
    assert sum(level["minutes"] for level in data["levels"].values()) == 145 - 15 - 5
    middle = data["levels"]["asked"]["entries"] + data["levels"]["connected"]["entries"]
    assert data["taking_in"]["entries"] + middle + data["giving_back"]["entries"] == with_a_level
    assert data["giving_back"] == {"entries": 2, "minutes": 50}
    assert sum(p["entries"] for p in data["periods"]) == data["entries"]
    assert sum(p["minutes"] for p in data["periods"]) == data["minutes"]


def test_late_means_after_nine_at_night_or_before_five_in_the_morning() -> None:
    data = report(*ENTRIES)
    assert data["late_entry_ids"] == ["2025-09-02-late", "2025-09-03-early"]  # 21:00 and 05:00 are not
    assert data["late_entries"] == 2
    assert data["weekend_entry_ids"] == ["2025-09-06-saturday"]


def test_minutes_per_week_counts_both_ends_of_the_range() -> None:
    assert report(*ENTRIES)["minutes_per_week"] == round(145 / 2, 1)  # 14 days: two weeks


def test_a_heavy_week_is_more_than_twice_the_weekly_goal() -> None:
    settings = Settings(daily_minutes_goal=10)  # 70 a week: heavy above 140
    at_limit = report(dated("2025-09-01", "a", minutes=140), settings=settings)
    assert at_limit["goal_minutes_per_week"] == 70 and at_limit["heavy_weeks"] == []
    over = report(
        dated("2025-09-01", "a", minutes=100), dated("2025-09-07", "b", minutes=41), settings=settings
    )
    assert over["heavy_weeks"] == [
        {"week": "2025-W36", "from": "2025-09-01", "to": "2025-09-07", "minutes": 141}
    ]
    assert (
        report(dated("2025-09-01", "a", minutes=999), settings=Settings(daily_minutes_goal=0))["heavy_weeks"]
        == []
    )


def test_a_space_trajectory_runs_from_its_first_level_to_its_latest() -> None:
    [chat] = report(*ENTRIES)["spaces"]
    assert (chat["id"], chat["entries"], chat["first"], chat["latest"]) == ("sschat", 4, "read", "connected")
    assert chat["periods"] == [{"period": "2025-09", "highest": "shared"}]


def test_no_entries_make_an_empty_report() -> None:
    data = engagement.build(scope_of(CHAT, today=TODAY))
    assert (data["entries"], data["minutes"], data["minutes_per_week"]) == (0, 0, 0.0)
    assert data["periods"] == [] and data["spaces"] == [] and data["heavy_weeks"] == []
    assert all(level == {"entries": 0, "minutes": 0} for level in data["levels"].values())


def test_the_range_keeps_its_first_and_last_day() -> None:
    edges = (dated("2025-08-31", "before"), dated("2025-09-01", "first"), dated("2025-09-14", "last"))
    data = report(*edges, dated("2025-09-15", "after"))
    assert data["entries"] == 2 and (data["from"], data["to"]) == ("2025-09-01", "2025-09-14")
