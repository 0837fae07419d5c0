"""`pln status`'s figures from literal records (no files read, no CLI): the week, the streak, the
open intentions, the last entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plnjournal.journal.settings import Journal, Settings
from plnjournal.model import Entry, Reflection
from plnjournal.reports.status import status
from tests.helpers.reports import dated, loaded_of

TODAY = dt.date(2025, 11, 12)  # a Wednesday; its week runs from Monday 2025-11-10


def status_of(*records: Entry | Reflection, tmp_path: Path, today: dt.date = TODAY) -> dict:
    journal = Journal(tmp_path, Settings(daily_minutes_goal=15))
    return status(journal, today, added={}, loaded=loaded_of(*records))


def test_this_week_runs_from_monday_to_today(tmp_path: Path) -> None:
    records = (
        dated("2025-11-09", "sunday", minutes=50),  # last week
        dated("2025-11-10", "monday", minutes=20),
        dated("2025-11-12", "today", minutes=25),
        dated("2025-11-13", "tomorrow", minutes=99),  # after today: not counted
    )
    data = status_of(*records, tmp_path=tmp_path)
    assert data["week"] == {"start": "2025-11-10", "entries": 2, "minutes": 45, "goal_minutes": 105}
    assert data["last_entry"] == {"id": "2025-11-12-today", "date": "2025-11-12", "title": "today"}
    assert data["days_since"] == 0


def test_a_streak_counts_back_whole_weeks_and_waits_for_this_one(tmp_path: Path) -> None:
    weeks = (
        dated("2025-10-20", "a"),
        dated("2025-10-29", "b"),
        dated("2025-11-02", "c"),
        dated("2025-11-05", "d"),
    )
    assert status_of(*weeks, tmp_path=tmp_path)["streak_weeks"] == 3  # none yet this week: from last week
    gap = (dated("2025-10-13", "a"), dated("2025-11-03", "b"), dated("2025-11-11", "c"))
    assert status_of(*gap, tmp_path=tmp_path)["streak_weeks"] == 2


def test_open_intentions_are_open_entries_and_the_newest_reflections_list(tmp_path: Path) -> None:
    records = (
        dated("2025-10-01", "open", next="try QFT"),
        dated("2025-10-02", "applied", next="try exit tickets", applied="did it"),
        dated("2025-10-03", "dropped", next="try a padlet", dropped="no time"),
        Reflection(id="2025-09-30-old", date=dt.date(2025, 9, 30), next=("superseded",)),
        Reflection(
            id="2025-10-31-new", date=dt.date(2025, 10, 31), next=("a", "b", "c"), applied={"b": "done"}
        ),
    )
    assert status_of(*records, tmp_path=tmp_path)["open_intentions"] == 1 + 2


def test_an_empty_journal_has_no_last_entry_and_no_streak(tmp_path: Path) -> None:
    data = status_of(tmp_path=tmp_path)
    assert (data["last_entry"], data["days_since"], data["streak_weeks"], data["open_intentions"]) == (
        None,
        None,
        0,
        0,
    )
    assert data["week"]["entries"] == 0 and data["dormant"] == [] and data["next_session"] is None
