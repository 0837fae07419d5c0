"""Durations as teachers write them (issue 15, item 4): one reader for files, --minutes, --hours and CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnjournal.durations import DurationError, parse_duration
from tests.helpers import Run, write


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        (90, 90),
        ("90 min", 90),
        ("20 mins", 20),
        ("45m", 45),
        ("1h30", 90),
        ("1h 30m", 90),
        ("1 hour 30 minutes", 90),
        ("1.5 hours", 90),
        ("1,5 h", 90),
        ("1:30", 90),
        ("0:45", 45),
        ("1 hour", 60),
        ("2 Hrs.", 120),
    ],
)
def test_the_ways_teachers_write_a_duration(text: object, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(("text", "minutes"), [("1.5", 90), (2, 120), ("1h30", 90), ("90 min", 90)])
def test_a_bare_number_of_hours_is_hours(text: object, minutes: int) -> None:
    assert parse_duration(text, "hours") == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", "'lots' is not a duration (write 90, 90 min, 1h30, 1.5 hours or 1:30)"),
        ("1.5", "'1.5' is not a whole number of minutes (for hours, write '1.5 hours')"),
        ("-5", "a duration cannot be negative ('-5')"),
        ("1:75", "'1:75' is not a duration"),
        ("90 apples", "'90 apples' is not a duration"),
        (True, "True is not a duration"),
    ],
)
def test_what_is_not_a_duration_says_what_to_write(text: object, message: str) -> None:
    with pytest.raises(DurationError) as raised:
        parse_duration(text)
    assert message in str(raised.value)


def entry(journal: Path, name: str, minutes: str) -> Path:
    return write(
        journal / "entries" / "2026" / f"2026-01-{name}.md",
        f"---\ndate: 2026-01-{name[:2]}\ntitle: Chat {name}\nminutes: {minutes}\n---\n",
    )


def test_hand_typed_durations_count_in_reports_and_the_portfolio(pln: Run, journal: Path) -> None:
    entry(journal, "05-hour", "1 hour")
    entry(journal, "06-twenty", "20 min")
    entry(journal, "07-clock", "1:30")
    entry(journal, "08-words", "1.5 hours")
    growth = pln("report", "--growth", "--format", "json")
    assert growth.exit_code == 0, growth.stderr
    assert json.loads(growth.stdout)["minutes"] == 60 + 20 + 90 + 90
    portfolio = pln("portfolio", "--from", "2026-01-01", "--to", "2026-01-31")
    assert "**Total: 4.33 clock hours**" in portfolio.stdout  # 260 minutes
    assert pln("check").exit_code == 0


COMMANDS = [
    ("report", "--growth"),
    ("report", "--engagement"),
    ("portfolio", "--from", "2026-01-01", "--to", "2026-01-31"),
    ("list", "entries"),
    ("export", "--format", "json"),
    ("status",),
    ("next",),
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_an_unreadable_duration_is_named_by_every_command_that_reads_entries(
    pln: Run, journal: Path, command: tuple[str, ...]
) -> None:
    entry(journal, "05-lots", "lots")
    entry(journal, "06-hour", "1 hour")
    result = pln(*command, env={"PLN_TODAY": "2026-01-20"})
    assert result.exit_code == 0, result.stderr
    assert (
        "ignored entries/2026/2026-01-05-lots.md:4: minutes: 'lots' is not a duration "
        "(write 90, 90 min, 1h30, 1.5 hours or 1:30) (see 'pln check')"
    ) in result.stderr


def test_the_portfolio_counts_what_it_can_read(pln: Run, journal: Path) -> None:
    entry(journal, "05-lots", "lots")
    entry(journal, "06-hour", "1 hour")
    result = pln("portfolio", "--from", "2026-01-01", "--to", "2026-01-31")
    assert "**Total: 1.00 clock hours**" in result.stdout
    check = pln("check")
    assert check.exit_code == 1
    assert "entries/2026/2026-01-05-lots.md:4: error: minutes: 'lots' is not a duration" in check.stdout


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (("--minutes", "90 min"), "minutes: 90\n"),
        (("--minutes", "1h30"), "minutes: 90\n"),
        (("--hours", "1.5"), "minutes: 90\n"),
        (("--hours", "2"), "minutes: 120\n"),
        (("--hours", "1:30"), "minutes: 90\n"),
    ],
)
def test_log_reads_minutes_and_hours(pln: Run, journal: Path, args: tuple[str, ...], written: str) -> None:
    result = pln("log", "Chat", "--date", "2026-01-05", *args, "-m", "")
    assert result.exit_code == 0, result.stderr
    assert written in (journal / result.stdout.strip()).read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--minutes", "lots"), "--minutes: 'lots' is not a duration (write 90, 90 min"),
        (("--hours", "a while"), "--hours: 'a while' is not a duration"),
        (("--minutes", "30", "--hours", "1"), "give --minutes or --hours, not both"),
    ],
)
def test_log_refuses_what_is_not_a_duration(
    pln: Run, journal: Path, args: tuple[str, ...], message: str
) -> None:
    result = pln("log", "Chat", "--date", "2026-01-05", *args, "-m", "")
    assert result.exit_code == 2
    assert message in result.stderr
    assert list((journal / "entries").rglob("*.md")) == []


def test_csv_imports_read_durations_the_same_way(pln: Run, journal: Path, tmp_path: Path) -> None:
    source = write(
        tmp_path / "log.csv",
        "Date,Title,Hours\n2026-01-05,Workshop,1h30\n2026-01-06,Webinar,45 min\n2026-01-07,Course,2\n",
    )
    result = pln("import", "--from", "csv", str(source))
    assert result.exit_code == 0, result.stderr
    listed = json.loads(pln("list", "entries", "--format", "json").stdout)
    assert sorted((e["title"], e["minutes"]) for e in listed) == [
        ("Course", 120),
        ("Webinar", 45),
        ("Workshop", 90),
    ]
