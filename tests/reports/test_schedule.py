"""Schedules and cadences in plain words, read without the CLI; expected dates worked out by hand
on a calendar (December 2026 starts on a Tuesday)."""

from __future__ import annotations

import datetime as dt

import pytest

from plnjournal.schedule import occurrences, read_cadence, read_schedule

DECEMBER = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def days_of(text: str, anchor: dt.date | None = None) -> list[int]:
    schedule, why = read_schedule(text)
    assert schedule is not None, why
    return [day.day for day in occurrences(schedule, *DECEMBER, anchor)]


def test_weekly_schedule_with_a_time_zone() -> None:
    schedule, _ = read_schedule("Mondays 7pm ET")
    assert schedule is not None
    assert (schedule.weekdays, schedule.time, schedule.zone) == ((0,), dt.time(19), "America/New_York")
    assert days_of("Mondays 7pm ET") == [7, 14, 21, 28]


def test_nth_weekday_of_the_month() -> None:
    assert days_of("first Tuesday of the month 8pm") == [1]
    assert days_of("Last Wednesday of the month, 4pm CT") == [30]
    assert days_of("First and third Tuesdays after school") == [1, 15]


def test_every_other_week_counts_from_the_anchor() -> None:
    assert days_of("every other Thursday 4pm", anchor=dt.date(2026, 11, 26)) == [10, 24]
    assert days_of("every other Thursday 4pm", anchor=dt.date(2026, 12, 3)) == [3, 17, 31]
    schedule, _ = read_schedule("every other Thursday 4pm")
    assert schedule is not None and schedule.time == dt.time(16) and schedule.interval == 2


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [("Tues 7:30pm PT", 19, 30), ("Thursdays at 19:00", 19, 0), ("Sundays noon", 12, 0), ("Fri 9 am", 9, 0)],
)
def test_times_as_teachers_write_them(text: str, hour: int, minute: int) -> None:
    schedule, why = read_schedule(text)
    assert schedule is not None, why
    assert schedule.time == dt.time(hour, minute)


def test_unreadable_schedules_say_why() -> None:
    assert read_schedule("whenever") == (
        None,
        "no day of the week in 'whenever' (write e.g. 'Mondays 7pm ET')",
    )
    schedule, why = read_schedule("Tuesdays 25pm")
    assert schedule is None and "cannot read the time" in (why or "")


def test_cadences() -> None:
    for text, after in (
        ("30d", "2026-01-31"),
        ("2w", "2026-01-15"),
        ("3m", "2026-04-01"),
        ("1y", "2027-01-01"),
    ):
        cadence, why = read_cadence(text)
        assert cadence is not None, why
        assert cadence.after(dt.date(2026, 1, 1)).isoformat() == after
    cadence, _ = read_cadence("1m")
    assert cadence is not None and cadence.after(dt.date(2026, 1, 31)) == dt.date(2026, 2, 28)
    assert read_cadence("often")[0] is None and read_cadence("0d")[0] is None
