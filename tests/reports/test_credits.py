# ruff: noqa: E501 - the entries are YAML rows, one a line, to be read like a log
"""`pln credits` figures, worked out by hand from literal records (no CLI, no disk).

Each test lists the entries, then the arithmetic a teacher would do with the state's rules, and
asserts the report's figures against it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from plnjournal.journal.pack_file import read, shipped
from plnjournal.journal.refs import Index
from plnjournal.journal.schema import build_record
from plnjournal.journal.yaml_dialect import Loader
from plnjournal.model import Entry, Record, Space
from plnjournal.reports.credits import build

SPACES = """
- {id: edcamp, name: Edcamp Tulsa, kind: unconference, mode: physical}
- {id: ocss, name: OCSS State Conference, kind: conference, mode: physical}
- {id: institute, name: District summer institute, kind: workshop, mode: physical}
- {id: podcast, name: The Inquiry Classroom, kind: podcast, mode: digital, url: "https://example.org/pod"}
- {id: sschat, name: "#sschat", kind: chat, mode: digital}
"""


def scope(entries_yaml: str) -> tuple[list[Entry], Index]:
    """Entries (and the spaces above) from YAML lists, as files would give them."""
    spaces = [_record(Space, item) for item in yaml.load(SPACES, Loader=Loader)]
    entries = [_record(Entry, item) for item in yaml.load(entries_yaml, Loader=Loader)]
    return entries, Index({"space": spaces})  # type: ignore[dict-item]


def _record(cls: type[Record], item: dict[str, Any]) -> Any:
    record_id = str(item.pop("id"))
    body = item.pop("body", "")
    record, problems = build_record(
        cls, item, record_id=record_id, path=f"{record_id}.md", body=body, lines={}
    )
    assert record is not None and not problems, problems
    return record


def report(pack: str, entries_yaml: str, start: str, end: str, today: str) -> dict[str, Any]:
    entries, index = scope(entries_yaml)
    rules = read(pack, f"built-in pack {pack}", shipped()[pack])
    day = dt.date.fromisoformat
    return build(rules, entries, index, start=day(start), end=day(end), today=day(today))


def category(data: dict[str, Any], category_id: str) -> dict[str, Any]:
    return next(total for total in data["categories"] if total["category"] == category_id)


def claim(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    return next(row for row in data["entries"] if row["entry"] == entry_id)


VIRGINIA = """
- {id: e01, date: 2025-10-18, title: Edcamp fall, space: edcamp, engagement: connected, minutes: 330}
- {id: e02, date: 2025-11-14, title: OCSS day one, space: ocss, engagement: read, minutes: 420}
- {id: e03, date: 2025-11-15, title: OCSS day two, space: ocss, engagement: read, minutes: 400}
- {id: e04, date: 2025-11-15, title: OCSS afternoon, space: ocss, engagement: read, minutes: 240}
- {id: e05, date: 2026-04-25, title: "Edcamp spring, I led a session", topic: Question Formulation Technique,
   space: edcamp, engagement: led, minutes: 360}
- {id: e06, date: 2026-06-10, title: Summer institute session, topic: question formulation technique,
   space: institute, engagement: led, minutes: 300}
- {id: e07, date: 2026-06-12, title: Single-point rubrics, space: ocss, engagement: created, minutes: 60}
- {id: e08, date: 2026-06-13, title: Inquiry circles, space: ocss, engagement: created, minutes: 90}
- {id: e09, date: 2025-09-08, title: "#sschat on sources", space: sschat, engagement: contributed, minutes: 60}
- {id: e10, date: 2025-12-01, title: One conference session, space: ocss, engagement: read, minutes: 120}
- {id: e11, date: 2026-02-01, title: Article in Social Education, credit: article}
- {id: e12, date: 2024-05-01, title: Before the cycle, space: ocss, engagement: led, minutes: 300}
"""


def test_virginia_conference_cap_spills_over_and_a_topic_counts_once() -> None:
    data = report("va", VIRGINIA, "2025-07-01", "2035-06-30", "2026-06-30")
    conference = category(data, "conference")
    # days attended (events of 4 h or more, 5 points a day): e01, e02, e03 = 15; e04 is the same day as e03
    assert claim(data, "e04")["units"] == 0 and "already counted" in claim(data, "e04")["why"]
    # topics presented, 15 each, once per topic: e05, e07, e08 = 45; e06 presents e05's topic again
    assert claim(data, "e06")["units"] == 0 and "topic already counted" in claim(data, "e06")["why"]
    # earned 15 + 45 = 60; the option's cap is 45, so 15 spill over
    assert (conference["entries"], conference["earned"], conference["counted"], conference["spilled"]) == (
        8,
        60,
        45,
        15,
    )
    # a two-hour visit is too short for the conference option: it counts as PD, 1 point a clock hour
    assert claim(data, "e10")["category"] == "pd"
    assert category(data, "pd")["counted"] == 3  # e09 1 h + e10 2 h
    assert category(data, "article")["counted"] == 45  # e11 claims it: 45 points an article
    assert "e12" not in {row["entry"] for row in data["entries"]}  # before the cycle
    # 45 + 3 + 45 = 93 of 270; 177 to go
    assert (data["counted"], data["remaining"], data["met"]) == (93, 177, False)
    # 93 points in the 365 days from 2025-07-01 to 2026-06-30: 93.06 a year;
    # 177 more at 93/365 a day takes ceil(177 × 365 / 93) = ceil(694.68) = 695 days from 2026-06-30
    assert data["pace"]["per_year"] == 93.06
    assert (
        data["pace"]["projected"]
        == (dt.date(2026, 6, 30) + dt.timedelta(days=695)).isoformat()
        == "2028-05-25"
    )
    assert data["pace"]["in_cycle"] is True


TEXAS = """
- {id: t01, date: 2025-09-10, time: "20:00", title: Podcast one, space: podcast, minutes: 480, body: "Learned a."}
- {id: t02, date: 2025-09-11, time: "20:00", title: Podcast two, space: podcast, minutes: 480, body: "Learned b."}
- {id: t03, date: 2025-09-12, time: "20:00", title: Podcast three, space: podcast, minutes: 480, body: "c."}
- {id: t04, date: 2025-09-13, time: "20:00", title: Podcast four, space: podcast, minutes: 480, body: "d."}
- {id: t05, date: 2025-09-14, time: "20:00", title: Podcast five, space: podcast, minutes: 480, body: "e."}
- {id: t06, date: 2025-09-15, title: A book chapter, minutes: 120, body: "Read it."}
- {id: t07, date: 2025-10-01, title: Led the data workshop, space: institute, engagement: led, minutes: 600}
- {id: t08, date: 2025-10-02, title: Led the data workshop again, space: institute, engagement: led, minutes: 600}
- {id: t09, date: 2025-11-01, title: Mentoring a new teacher, tags: [mentoring], minutes: 1000}
- {id: t10, date: 2025-12-01, title: Mentoring, term two, tags: [mentoring], minutes: 1000}
- {id: t11, date: 2026-01-01, title: Mentoring, term three, tags: [mentoring], minutes: 1000}
- {id: t12, date: 2026-02-01, title: ESC workshop, space: institute, engagement: read, minutes: 360, sponsor: Region 10 ESC}
- {id: t13, date: 2026-02-02, title: ESC workshop 2, space: institute, engagement: read, minutes: 360, sponsor: Region 10 ESC}
- {id: t14, date: 2026-02-03, title: A workshop, space: institute, engagement: read, minutes: 180}
"""


def test_texas_percentage_caps() -> None:
    data = report("tx-cpe", TEXAS, "2025-09-01", "2030-08-31", "2026-08-31")
    # caps are shares of the 150 hours required: independent study 20% = 30, presenting 10% = 15,
    # mentoring 30% = 45
    independent, presenting, mentoring = (
        category(data, c) for c in ("independent", "presenting", "mentoring")
    )
    assert (independent["cap"], presenting["cap"], mentoring["cap"]) == (30, 15, 45)
    # independent study: five 8-hour podcasts with date, time, URL and summary = 40 h, over the cap by 10;
    # the book chapter (2 h, no time, no URL) is held until its log has them
    assert claim(data, "t06")["held"] == "missing time, url"
    assert (independent["earned"], independent["held"], independent["counted"], independent["spilled"]) == (
        42,
        2,
        30,
        10,
    )
    # presenting: 10 h + 10 h = 20, 5 over the 15 allowed
    assert (presenting["earned"], presenting["counted"], presenting["spilled"]) == (20, 15, 5)
    # mentoring: 3 × 1000 min = 50 h, 5 over the 45 allowed
    assert (mentoring["earned"], mentoring["counted"], mentoring["spilled"]) == (50, 45, 5)
    # approved-provider workshops: 6 h + 6 h count; the 3 h one names no sponsor, so it is held
    sponsored = category(data, "sponsored")
    assert (sponsored["earned"], sponsored["held"], sponsored["counted"]) == (15, 3, 12)
    # 30 + 15 + 45 + 12 = 102 of 150
    assert (data["counted"], data["remaining"]) == (102, 48)


NEW_YORK = """
- {id: n01, date: 2025-08-01, title: Summer institute, space: institute, minutes: 1800, sponsor: BOCES,
   sponsor_id: "S-100", verified_by: sign-in sheet}
- {id: n02, date: 2025-08-02, title: Summer institute 2, space: institute, minutes: 1800, sponsor: BOCES,
   sponsor_id: "S-100", verified_by: sign-in sheet}
- {id: n03, date: 2025-08-03, title: Summer institute 3, space: institute, minutes: 1800, sponsor: BOCES,
   sponsor_id: "S-100", verified_by: sign-in sheet}
- {id: n04, date: 2025-10-01, title: ENL co-teaching, space: institute, minutes: 600, tags: [ell], sponsor: RBERN,
   sponsor_id: "S-200", verified_by: certificate}
- {id: n05, date: 2025-10-02, title: ENL without a number, space: institute, minutes: 300, tags: [ell], sponsor: RBERN,
   verified_by: certificate}
"""
MORE_ELL = """
- {id: n06, date: 2026-01-10, title: Integrating language and content, space: institute, minutes: 300,
   credit: ell, sponsor: RBERN, sponsor_id: "S-200", verified_by: certificate}
"""


def test_new_york_english_learner_minimum_missing_then_met() -> None:
    data = report("ny-ctle", NEW_YORK, "2025-07-01", "2030-06-30", "2026-06-30")
    ell = category(data, "ell")
    # 3 × 30 h of other CTLE = 90; 10 h of language acquisition count; n05 has no sponsor number,
    # and only approved sponsors count, so its 5 h are held
    assert claim(data, "n05")["held"] == "missing sponsor_id"
    assert (category(data, "general")["counted"], ell["counted"], ell["held"]) == (90, 10, 5)
    # 15% of 100 hours = 15 h of language acquisition: 5 missing, though the total is met
    assert ell["minimum"] == 15 and ell["missing"] == 5
    assert data["counted"] == 100 and data["remaining"] == 0
    assert data["met"] is False
    assert data["minimums_missing"] == [
        {"category": "ell", "name": ell["name"], "minimum": 15, "counted": 10, "missing": 5}
    ]
    data = report("ny-ctle", NEW_YORK + MORE_ELL, "2025-07-01", "2030-06-30", "2026-06-30")
    # n06 claims the category with `credit: ell`: 10 + 5 = 15 h, the minimum; 105 of 100 in all
    assert category(data, "ell")["counted"] == 15 and category(data, "ell")["missing"] == 0
    assert (data["counted"], data["minimums_missing"], data["met"]) == (105, [], True)
    assert data["pace"]["projected"] is None


def test_massachusetts_a_topic_under_ten_pdps_counts_nothing() -> None:
    entries = """
- {id: m01, date: 2025-09-01, title: Content seminar, credit: content, minutes: 480}
- {id: m02, date: 2025-09-02, title: Pedagogy course, credit: pedagogy, minutes: 900}
"""
    data = report("ma", entries, "2025-07-01", "2030-06-30", "2026-06-30")
    # "a minimum of 10 PDPs must be earned in a topic to count": 8 PDPs of content count for nothing
    content, pedagogy = category(data, "content"), category(data, "pedagogy")
    assert (content["earned"], content["below_floor"], content["counted"], content["missing"]) == (
        8,
        8,
        0,
        15,
    )
    assert (pedagogy["counted"], pedagogy["missing"]) == (15, 0)


def test_ohio_credit_needs_approval_first() -> None:
    entries = """
- {id: o01, date: 2025-09-01, title: Workshop before the plan, space: institute, minutes: 360}
- {id: o02, date: 2025-09-10, title: Workshop, space: institute, minutes: 360, approved: {by: LPDC, on: 2025-09-05}}
- {id: o03, date: 2025-09-02, title: Approved late, space: institute, minutes: 120, approved: {by: LPDC, on: 2025-09-05}}
"""
    data = report("oh", entries, "2025-07-01", "2030-06-30", "2026-06-30")
    assert claim(data, "o01")["held"] == "needs approval first (approved: {by, on})"
    assert claim(data, "o03")["held"] == "approved on 2025-09-05, after the activity"
    assert category(data, "workshops")["counted"] == 6


def test_an_unknown_credit_category_claims_nothing_and_says_so() -> None:
    data = report(
        "va",
        "- {id: x1, date: 2025-09-01, title: Oops, credit: conferense, minutes: 60}\n",
        "2025-07-01",
        "2035-06-30",
        "2026-06-30",
    )
    assert claim(data, "x1")["category"] is None
    assert claim(data, "x1")["why"].startswith("credit: 'conferense' is not a category of va")
    assert data["unclaimed"] == 1 and data["counted"] == 0
