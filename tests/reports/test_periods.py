"""Period bucketing and range bounds, with the expected periods written out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from plnjournal.errors import UsageError
from plnjournal.periods import named_period, parse_bound, period_of, periods_between

D = dt.date


@pytest.mark.parametrize(
    ("day", "by", "name", "first", "last"),
    [
        (D(2025, 9, 10), "week", "2025-W37", D(2025, 9, 8), D(2025, 9, 14)),
        (D(2027, 1, 1), "week", "2026-W53", D(2026, 12, 28), D(2027, 1, 3)),  # ISO year != calendar year
        (D(2028, 2, 29), "week", "2028-W09", D(2028, 2, 28), D(2028, 3, 5)),
        (D(2028, 2, 29), "month", "2028-02", D(2028, 2, 1), D(2028, 2, 29)),
        (D(2027, 2, 10), "month", "2027-02", D(2027, 2, 1), D(2027, 2, 28)),
        (D(2025, 8, 31), "quarter", "2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
        (D(2025, 12, 31), "quarter", "2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
        (D(2026, 3, 1), "year", "2026", D(2026, 1, 1), D(2026, 12, 31)),
        (D(2025, 7, 1), "school-year", "2025-26", D(2025, 7, 1), D(2026, 6, 30)),
        (D(2025, 6, 30), "school-year", "2024-25", D(2024, 7, 1), D(2025, 6, 30)),
        (D(1999, 12, 31), "school-year", "1999-00", D(1999, 7, 1), D(2000, 6, 30)),
    ],
)
def test_period_of(day: dt.date, by: str, name: str, first: dt.date, last: dt.date) -> None:
    period = period_of(day, by)
    assert (period.name, period.start, period.end) == (name, first, last)


def test_school_year_from_the_setting() -> None:
    august = period_of(D(2026, 8, 14), "school-year", (8, 15))
    assert (august.name, august.start, august.end) == ("2025-26", D(2025, 8, 15), D(2026, 8, 14))
    calendar_year = period_of(D(2026, 5, 1), "school-year", (1, 1))
    assert (calendar_year.name, calendar_year.start, calendar_year.end) == (
        "2026",
        D(2026, 1, 1),
        D(2026, 12, 31),
    )


def test_a_leap_day_start_falls_on_the_28th_in_other_years() -> None:
    period = period_of(D(2027, 3, 1), "school-year", (2, 29))
    assert (period.name, period.start, period.end) == ("2027-28", D(2027, 2, 28), D(2028, 2, 28))


def test_every_period_between_is_present() -> None:
    months = periods_between(D(2025, 11, 20), D(2026, 2, 3), "month")
    assert [p.name for p in months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    years = periods_between(D(2025, 6, 30), D(2025, 7, 1), "school-year")
    assert [p.name for p in years] == ["2024-25", "2025-26"]
    weeks = periods_between(D(2028, 2, 26), D(2028, 3, 6), "week")
    assert [p.name for p in weeks] == ["2028-W08", "2028-W09", "2028-W10"]
    assert periods_between(D(2026, 1, 2), D(2026, 1, 1), "month") == []


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("last month", D(2026, 5, 1), D(2026, 5, 31)),
        ("this month", D(2026, 6, 1), D(2026, 6, 30)),
        ("Last  Year", D(2025, 1, 1), D(2025, 12, 31)),
        ("this school year", D(2025, 7, 1), D(2026, 6, 30)),
        ("last school-year", D(2024, 7, 1), D(2025, 6, 30)),
        ("last quarter", D(2026, 1, 1), D(2026, 3, 31)),
        ("this week", D(2026, 6, 8), D(2026, 6, 14)),
    ],
)
def test_named_periods(monkeypatch: pytest.MonkeyPatch, words: str, first: dt.date, last: dt.date) -> None:
    monkeypatch.setenv("PLN_TODAY", "2026-06-10")
    assert parse_bound(words, option="--from", last=False) == first
    assert parse_bound(words, option="--to", last=True) == last


def test_other_bounds_are_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLN_TODAY", "2026-06-10")
    assert named_period("yesterday") is None
    assert parse_bound("2028-02-29", option="--from", last=False) == D(2028, 2, 29)
    assert parse_bound("3 days ago", option="--to", last=True) == D(2026, 6, 7)
    with pytest.raises(UsageError, match="--to"):
        parse_bound("not a date at all", option="--to", last=True)
