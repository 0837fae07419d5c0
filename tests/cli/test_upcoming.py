"""`pln upcoming` and `pln add session`: the next sessions, and an iCalendar file checked with an
independent parser (vobject, which expands the recurrence rules with dateutil)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import vobject

from tests.helpers import Run
from tests.helpers.gitrepo import subjects
from tests.helpers.network_journal import entry, space

TODAY = {"PLN_TODAY": "2026-12-01"}  # a Tuesday


def spaces(root: Path) -> None:
    space(root, "sschat", "#sschat", schedule='"Mondays 7pm ET"')
    space(root, "plc", "Our PLC", schedule='"First and third Tuesdays after school"')
    space(root, "webinars", "EL webinars", schedule='"every other Thursday 4pm CT"')
    entry(root, "2026-11-26", "last-webinar", space="webinars")  # the fortnight counts from here
    space(root, "ncss", "NCSS conference", sessions="[2026-12-04, 2027-03-14]")
    space(root, "odd", "Odd space", schedule='"whenever we can"')


def test_upcoming_lists_the_next_sessions(pln: Run, journal: Path) -> None:
    spaces(journal)
    result = pln("upcoming", "--days", "10", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Tue 2026-12-01  Our PLC",
        "Fri 2026-12-04  NCSS conference",
        "Mon 2026-12-07 19:00 America/New_York  #sschat",
        "Thu 2026-12-10 16:00 America/Chicago  EL webinars",
    ]
    assert "spaces/odd.md:3: schedule: no day of the week in 'whenever we can'" in result.stderr


def test_upcoming_json(pln: Run, journal: Path) -> None:
    spaces(journal)
    data = json.loads(pln("upcoming", "--days", "7", "--format", "json", env=TODAY).stdout)
    assert (data["from"], data["to"]) == ("2026-12-01", "2026-12-08")
    assert [(row["space"], row["date"], row["time"], row["source"]) for row in data["sessions"]] == [
        ("plc", "2026-12-01", None, "schedule"),
        ("ncss", "2026-12-04", None, "session"),
        ("sschat", "2026-12-07", "19:00", "schedule"),
    ]
    assert data["warnings"] == [
        "spaces/odd.md:3: schedule: no day of the week in 'whenever we can' (write e.g. 'Mondays 7pm ET');"
        " left out of the upcoming sessions"
    ]


def test_ics_reads_back_with_an_independent_parser(pln: Run, journal: Path, tmp_path: Path) -> None:
    spaces(journal)
    out = tmp_path / "pln.ics"
    result = pln("upcoming", "--format", "ics", "-o", str(out), env=TODAY)
    assert result.exit_code == 0, result.stderr
    calendar = vobject.readOne(out.read_text(encoding="utf-8"))
    events = {event.uid.value: event for event in calendar.vevent_list}
    assert set(events) == {
        "sschat-schedule@pln",
        "plc-schedule@pln",
        "webinars-schedule@pln",
        "ncss-2026-12-04@pln",
        "ncss-2027-03-14@pln",
    }
    sschat = events["sschat-schedule@pln"]
    new_york = ZoneInfo("America/New_York")
    first_three = list(sschat.getrruleset())[:3]
    assert [d.astimezone(new_york).strftime("%Y-%m-%d %H:%M") for d in first_three] == [
        "2026-12-07 19:00",
        "2026-12-14 19:00",
        "2026-12-21 19:00",
    ]
    # 7pm in New York is 00:00 UTC in winter and 23:00 UTC after the switch to daylight saving time
    assert first_three[0].astimezone(dt.UTC).strftime("%H:%M") == "00:00"
    march = next(d for d in sschat.getrruleset() if d.date() == dt.date(2027, 3, 15))
    assert march.astimezone(dt.UTC).strftime("%H:%M") == "23:00"
    assert march.astimezone(new_york).strftime("%H:%M") == "19:00"
    webinar_days = [d.date().isoformat() for d in list(events["webinars-schedule@pln"].getrruleset())[:2]]
    assert webinar_days == ["2026-12-10", "2026-12-24"]
    plc_days = [d.date().isoformat() for d in list(events["plc-schedule@pln"].getrruleset())[:3]]
    assert plc_days == ["2026-12-01", "2026-12-15", "2027-01-05"]
    assert events["ncss-2027-03-14@pln"].dtstart.value == dt.date(2027, 3, 14)
    assert {tz.tzid.value for tz in calendar.vtimezone_list} == {"America/New_York", "America/Chicago"}


def test_add_session_keeps_the_list_sorted_and_commits(pln: Run, journal: Path) -> None:
    space(journal, "edcamp", "Edcamp Tulsa", sessions="[2027-04-17]")
    result = pln("add", "session", "Edcamp Tulsa", "2027-02-06", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert "sessions:\n- 2027-02-06\n- 2027-04-17\n" in (journal / "spaces" / "edcamp.md").read_text()
    assert subjects(journal)[0] == "add session 2027-02-06 to edcamp"
    again = pln("add", "session", "edcamp", "2027-02-06", env=TODAY)
    assert again.exit_code == 1
    assert "Edcamp Tulsa already has a session on 2027-02-06" in again.stderr
    unknown = pln("add", "session", "edcmap", "2027-02-06", env=TODAY)
    assert unknown.exit_code == 1 and "edcamp" in unknown.stderr  # did you mean


def test_words_for_a_session_mean_the_next_such_day(pln: Run, journal: Path) -> None:
    space(journal, "edcamp", "Edcamp Tulsa")
    assert pln("add", "session", "edcamp", "March 14", env=TODAY).exit_code == 0
    assert "sessions:\n- 2027-03-14\n" in (journal / "spaces" / "edcamp.md").read_text()


def test_check_names_an_unreadable_schedule(pln: Run, journal: Path) -> None:
    space(journal, "odd", "Odd space", schedule='"whenever we can"')
    result = pln("check")
    assert "spaces/odd.md:3: warning: schedule: no day of the week in 'whenever we can'" in result.stdout
