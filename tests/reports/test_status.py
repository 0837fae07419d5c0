"""`pln status`: the home screen, worked out by hand on small journals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.helpers import Run, invoke, write
from tests.helpers.network_journal import entry, person


def status(pln: Run, today: str) -> dict:
    result = pln("status", "--format", "json", env={"PLN_TODAY": today})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def week_journal(root: Path) -> None:
    """Today is Tuesday 2026-06-30; its ISO week starts Monday 2026-06-29."""
    person(root, "ana", "Ana")
    entry(root, "2026-06-29", "monday", minutes=30, next='"Try exit tickets"')
    entry(root, "2026-06-30", "today", minutes=20)
    entry(root, "2026-07-01", "tomorrow", minutes=99)  # after today: not counted
    entry(root, "2026-06-24", "last-week", people=["ana"], next="x", applied="done")
    entry(root, "2026-06-15", "two-weeks-ago")
    entry(root, "2026-06-01", "after-a-gap")
    write(root / "reflections" / "2026-01-01-enrichment.md", "---\ndate: 2026-01-01\nnext: [a, b, c]\n---\n")
    write(root / "reflections" / "2026-06-01-enrichment.md", "---\ndate: 2026-06-01\nnext: [d, e]\n---\n")


def test_status_of_this_week(pln: Run, journal: Path) -> None:
    week_journal(journal)
    data = status(pln, "2026-06-30")
    assert data["last_entry"] == {"id": "2026-06-30-today", "date": "2026-06-30", "title": "today"}
    assert data["days_since"] == 0
    assert data["week"] == {"start": "2026-06-29", "entries": 2, "minutes": 50, "goal_minutes": 140}
    assert data["streak_weeks"] == 3  # weeks of 06-29, 06-22, 06-15; none in the week of 06-08
    assert data["open_intentions"] == 3  # one entry + the newest reflection's two
    assert data["dormant"] == []  # Ana was seen 6 days ago


def test_status_text(pln: Run, journal: Path) -> None:
    week_journal(journal)
    result = pln("status", env={"PLN_TODAY": "2026-07-06"})
    assert result.stdout.splitlines() == [
        "Last entry: 2026-07-01 (5 days ago), tomorrow",
        "This week: 0 entries, 0 of 140 minutes",
        "Streak: 3 weeks with an entry",  # this week has none yet: counted from last week
        "Open intentions: 3 (pln next)",
        "Watch: Nobody in your network provides feedback, advice, ideas, emotional support or mentoring"
        " (pln report --network)",
    ]


def test_status_of_an_empty_journal(pln: Run) -> None:
    result = pln("status", env={"PLN_TODAY": "2026-06-30"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "Last entry: none yet\nThis week: 0 entries, 0 of 140 minutes\nStreak: 0 weeks"
    )


def test_streak_reaches_into_an_older_year_folder(pln: Run, journal: Path) -> None:
    """Every Monday from 2025-12-01 to 2027-01-11: 406 days apart, so 58 + 1 = 59 weeks."""
    monday = dt.date(2025, 12, 1)
    while monday <= dt.date(2027, 1, 11):
        entry(journal, monday.isoformat(), "weekly")
        monday += dt.timedelta(weeks=1)
    assert status(pln, "2027-01-13")["streak_weeks"] == 59


def test_dormant_people_and_intentions_from_old_folders(pln: Run, journal: Path) -> None:
    person(journal, "old", "Old Friend")
    person(journal, "older", "Older Friend")
    person(journal, "recent", "Recent Friend")
    entry(journal, "2019-05-06", "a", people=["old", "older"], next="An old promise")
    entry(journal, "2020-03-02", "b", people=["Old Friend"])  # by name
    entry(journal, "2018-01-01", "c", people=["older"], next="kept", applied="yes")
    entry(journal, "2026-06-01", "d", people=["recent"])
    data = status(pln, "2026-06-30")
    # 2020-03-02 -> 2026-03-02: 6 x 365 + 1 (2024-02-29) = 2191 days, then 29+30+31+30 = 120 more;
    # 2019-05-06 -> 2026-05-06: 7 x 365 + 2 = 2557, then 25 + 30 = 55 more
    assert data["dormant"] == [
        {"id": "older", "name": "Older Friend", "last_seen": "2019-05-06", "days": 2612, "added": None},
        {"id": "old", "name": "Old Friend", "last_seen": "2020-03-02", "days": 2311, "added": None},
    ]
    assert data["open_intentions"] == 1


def test_status_agrees_with_the_network_report_of_the_past_year(example_journal: Path) -> None:
    today = {"PLN_TODAY": "2026-06-30"}
    shown = json.loads(invoke("--journal", str(example_journal), "status", "-f", "json", env=today).stdout)
    report = json.loads(
        invoke(
            "--journal",
            str(example_journal),
            "report",
            "--network",
            "--from",
            "2025-06-30",
            "-f",
            "json",
            env=today,
        ).stdout
    )
    assert shown["dormant"] == report["dormant"][:3]
    assert shown["warning"] == report["warnings"][0] == "11 of 17 people teach social studies"
    assert [row["name"] for row in shown["dormant"]] == ["Ruth Abernathy", "Monica Reyes", "Greg Tanner"]
