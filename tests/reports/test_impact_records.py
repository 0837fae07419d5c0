"""The impact report as a pure function: literal records in, plain data out (no files, no CLI)."""

from __future__ import annotations

import datetime as dt

from plnjournal.model import Goal, Space
from plnjournal.reports import impact
from tests.helpers.reports import dated, scope_of

TODAY = dt.date(2025, 12, 1)
RECORDS = (
    Goal(id="qft", name="Question formulation"),
    Space(id="sschat", name="#sschat"),
    dated(
        "2025-09-01",
        "a",
        goal="qft",
        space="sschat",
        next="try QFT",
        applied="did it",
        impact="more questions",
    ),
    dated("2025-09-02", "b", goal="Question formulation", next="try exit tickets", applied="did it"),
    dated("2025-09-03", "c", goal="qft", space="#sschat", next="try a padlet", dropped="no time"),
    dated("2025-09-04", "d", space="sschat", next="try a gallery walk"),
    dated("2025-09-05", "e", next="read the book", dropped="lost interest", applied="read a chapter"),
    dated("2025-09-06", "f"),
)
STAGES = ("logged", "intended", "applied", "student_impact", "dropped")


def test_the_stages_per_goal_and_per_space_add_up_to_the_totals() -> None:
    data = impact.build(scope_of(*RECORDS, today=TODAY))
    assert {stage: data[stage] for stage in STAGES} == {
        "logged": 6,
        "intended": 5,
        "applied": 3,
        "student_impact": 1,
        "dropped": 1,  # e was dropped but then applied: it counts as applied
    }
    for key in ("by_goal", "by_space"):
        for stage in STAGES:
            assert sum(row[stage] for row in data[key]) == data[stage], (key, stage)


def test_an_intention_is_applied_dropped_or_open() -> None:
    data = impact.build(scope_of(*RECORDS, today=TODAY))
    assert [row["entry"] for row in data["open"]] == ["2025-09-04-d"]
    assert data["intended"] == data["applied"] + data["dropped"] + len(data["open"])


def test_groups_go_by_id_however_the_entry_names_them_and_the_unnamed_come_last() -> None:
    data = impact.build(scope_of(*RECORDS, today=TODAY))
    assert [(row["id"], row["name"], row["logged"]) for row in data["by_goal"]] == [
        ("qft", "Question formulation", 3),
        (None, None, 3),
    ]
    assert [(row["id"], row["logged"]) for row in data["by_space"]] == [("sschat", 3), (None, 3)]


def test_no_entries_make_an_empty_report() -> None:
    data = impact.build(scope_of(*RECORDS[:2], today=TODAY))
    assert {stage: data[stage] for stage in STAGES} == dict.fromkeys(STAGES, 0)
    assert (data["from"], data["to"], data["by_goal"], data["by_space"], data["open"]) == (
        None,
        None,
        [],
        [],
        [],
    )


def test_the_last_day_of_the_range_counts_and_the_next_does_not() -> None:
    data = impact.build(scope_of(*RECORDS, today=TODAY, end=dt.date(2025, 9, 4)))
    assert data["logged"] == 4 and data["to"] == "2025-09-04"
    assert [row["entry"] for row in data["open"]] == ["2025-09-04-d"]
