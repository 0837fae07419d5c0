"""`pln report --engagement` on a hand-built journal; expected figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.helpers.reports import entry, report_json

LEVELS = ["read", "asked", "connected", "shared", "contributed", "created", "led"]


@pytest.fixture
def spring(journal: Path) -> Path:
    """Seven entries, 2 March (a Monday) to 12 April 2026 (a Sunday): 42 days, 6 weeks."""
    entry(journal, "2026-03-02-read", "date: 2026-03-02\ntime: '18:00'\nengagement: read\nminutes: 30\n")
    entry(journal, "2026-03-04-asked", "date: 2026-03-04\ntime: '21:30'\nengagement: asked\nminutes: 20\n")
    entry(journal, "2026-03-07-shared", "date: 2026-03-07\ntime: '10:00'\nengagement: shared\nminutes: 250\n")
    entry(journal, "2026-03-20-led", "date: 2026-03-20\ntime: '21:00'\nengagement: led\nminutes: 60\n")
    entry(
        journal,
        "2026-04-05-contributed",
        "date: 2026-04-05\ntime: '00:30'\nengagement: contributed\nminutes: 40\n",
    )
    entry(journal, "2026-04-10-no-level", "date: 2026-04-10\nminutes: 10\n")
    entry(journal, "2026-04-12-lurked", "date: 2026-04-12\nengagement: lurked\nminutes: 5\n")
    return journal


def test_the_json_contract(pln: Run, spring: Path) -> None:
    data = report_json(pln, "engagement")
    assert list(data)[:15] == [
        "report", "from", "to", "by", "entries", "minutes", "levels", "taking_in", "giving_back",
        "minutes_per_week", "goal_minutes_per_week", "late_entries", "weekend_entries",
        "late_entry_ids", "weekend_entry_ids",
    ]  # fmt: skip
    assert (data["from"], data["to"], data["entries"], data["minutes"]) == (
        "2026-03-02",
        "2026-04-12",
        7,
        415,
    )
    assert data["levels"] == {
        "read": {"entries": 1, "minutes": 30}, "asked": {"entries": 1, "minutes": 20},
        "connected": {"entries": 0, "minutes": 0}, "shared": {"entries": 1, "minutes": 250},
        "contributed": {"entries": 1, "minutes": 40}, "created": {"entries": 0, "minutes": 0},
        "led": {"entries": 1, "minutes": 60},
    }  # fmt: skip
    assert data["taking_in"] == {"entries": 1, "minutes": 30}
    assert data["giving_back"] == {"entries": 3, "minutes": 350}  # shared, contributed, led
    assert data["minutes_per_week"] == 69.2  # 415 minutes / 6 weeks
    assert data["goal_minutes_per_week"] == 140  # 20 a day


def test_boundary_signals(pln: Run, spring: Path) -> None:
    data = report_json(pln, "engagement")
    # 21:30 and 00:30 are late; 21:00 itself is not
    assert (data["late_entries"], data["late_entry_ids"]) == (
        2,
        ["2026-03-04-asked", "2026-04-05-contributed"],
    )
    assert data["weekend_entries"] == 3
    assert data["weekend_entry_ids"] == ["2026-03-07-shared", "2026-04-05-contributed", "2026-04-12-lurked"]
    # ISO week 10 holds 30 + 20 + 250 = 300 minutes, above 2 x 140
    assert data["heavy_weeks"] == [
        {"week": "2026-W10", "from": "2026-03-02", "to": "2026-03-08", "minutes": 300}
    ]


def test_the_goal_comes_from_pln_yaml(pln: Run, spring: Path) -> None:
    config = spring / "pln.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("daily_minutes_goal: 20", "daily_minutes_goal: 30"), encoding="utf-8")
    data = report_json(pln, "engagement")
    assert (data["goal_minutes_per_week"], data["heavy_weeks"]) == (210, [])  # 300 is not above 420


def test_periods_and_an_unknown_level(pln: Run, spring: Path) -> None:
    result = pln("report", "--engagement", "-f", "json")
    assert "2026-04-12-lurked.md:3: engagement: 'lurked' is not one of read, asked" in result.stderr
    periods = json.loads(result.stdout)["periods"]
    assert [
        {k: p[k] for k in ("period", "entries", "minutes", "taking_in", "giving_back")} for p in periods
    ] == [
        {"period": "2026-03", "entries": 4, "minutes": 360, "taking_in": 1, "giving_back": 2},
        {"period": "2026-04", "entries": 3, "minutes": 55, "taking_in": 0, "giving_back": 1},
    ]
    assert [periods[0][level] for level in LEVELS] == [1, 1, 0, 1, 0, 0, 1]


def test_table_csv_and_markdown(pln: Run, spring: Path) -> None:
    table = pln("report", "--engagement").stdout
    assert table.startswith("Engagement, 2026-03-02 to 2026-04-12: 7 entries, 415 minutes\n")
    assert "- 69.2 minutes a week on average; your goal is 140." in table
    assert "- Taking in: 1 entry; giving back: 3 entries." in table
    assert "- 3 entries on weekends: 2026-03-07-shared, 2026-04-05-contributed, 2026-04-12-lurked." in table
    assert "- 1 week above twice your goal (280 minutes): 2026-W10 (300 min)." in table
    assert next(line for line in table.splitlines() if line.startswith("giving back")).split()[2:4] == [
        "3",
        "350",
    ]
    csv = pln("report", "--engagement", "-f", "csv", "--by", "quarter").stdout
    assert csv.splitlines() == [
        "period,from,to,entries,minutes,read,asked,connected,shared,contributed,created,led,taking_in,giving_back",
        "2026-Q1,2026-01-01,2026-03-31,4,360,1,1,0,1,0,0,1,1,2",
        "2026-Q2,2026-04-01,2026-06-30,3,55,0,0,0,0,1,0,0,0,1",
    ]
    markdown = pln("report", "--engagement", "-f", "markdown").stdout
    assert markdown.startswith("# How I take part in my learning network, 2026-03-02 to 2026-04-12\n")
    assert "| Giving back | 3 | 350 |" in markdown
    assert "| 2026-04 | 3 | 55 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |" in markdown


def test_a_range_without_entries(pln: Run, spring: Path) -> None:
    result = pln("report", "--engagement", "-f", "json", "--from", "2026-05-01", "--to", "2026-05-31")
    assert result.exit_code == 0
    assert "no entries from 2026-05-01 to 2026-05-31" in result.stderr
    data = json.loads(result.stdout)
    assert (data["entries"], data["minutes_per_week"], data["heavy_weeks"]) == (0, 0.0, [])
    assert data["levels"]["read"] == {"entries": 0, "minutes": 0}
    assert [p["period"] for p in data["periods"]] == ["2026-05"]
    for fmt in ("table", "csv", "markdown"):
        assert pln("report", "--engagement", "-f", fmt, "--from", "2026-05-01").exit_code == 0
