"""The growth report as a pure function: literal records in, plain data out (no files, no CLI)."""

from __future__ import annotations

import datetime as dt

from plnjournal.model import DIMENSIONS, Person, Space
from plnjournal.reports import growth
from tests.helpers.reports import dated, scope_of

TODAY = dt.date(2025, 12, 1)
SPACES = (
    Space(id="sschat", name="#sschat", kind_="chat"),
    Space(id="edcamp", name="Edcamp", kind_="unconference"),
)
PEOPLE = (Person(id="jane", name="Jane Doe"), Person(id="sam", name="Sam Lee"))
ENTRIES = (
    dated(
        "2025-06-30", "june-chat", space="sschat", people=("jane",), growth={"cognitive": None}, minutes=30
    ),
    dated(
        "2025-07-01",
        "edcamp",
        space="edcamp",
        people=("jane", "Sam Lee"),
        growth={"identity": "I led a session", "social": "Met Sam"},
        minutes=60,
    ),
    dated("2025-07-15", "qft", space="#sschat", growth={"cognitive": "QFT steps"}, minutes=20),
    dated("2025-09-02", "no-growth", minutes=15),
    dated("2025-09-03", "unknown", growth={"spiritual": "not a dimension"}, minutes=5),
)


def test_the_figures_add_up() -> None:
    data = growth.build(scope_of(*SPACES, *PEOPLE, *ENTRIES, today=TODAY))
    assert (data["entries"], data["minutes"], data["without_growth"]) == (5, 130, 2)
    with_growth = sum(1 for entry in ENTRIES if growth.dimensions_of(entry))
    assert with_growth + data["without_growth"] == data["entries"]
    assert sum(period["entries"] for period in data["periods"]) == data["entries"]
    assert sum(period["minutes"] for period in data["periods"]) == data["minutes"]
    for name, dimension in data["dimensions"].items():
        assert sum(period[name] for period in data["periods"]) == dimension["entries"], name
        assert dimension["share"] == round(dimension["entries"] / data["entries"], 3)
        assert sum(space["entries"] for space in dimension["top_spaces"]) <= dimension["entries"]


def test_each_dimension_counts_its_entries_minutes_and_sources() -> None:
    dimensions = growth.build(scope_of(*SPACES, *PEOPLE, *ENTRIES, today=TODAY))["dimensions"]
    assert list(dimensions) == list(DIMENSIONS)  # all four, in order, even when empty
    cognitive = dimensions["cognitive"]
    assert (cognitive["entries"], cognitive["minutes"]) == (2, 50)
    assert cognitive["top_spaces"] == [{"id": "sschat", "entries": 2}]  # '#sschat' is sschat, by name
    assert cognitive["notes"] == [{"entry": "2025-07-15-qft", "date": "2025-07-15", "note": "QFT steps"}]
    assert dimensions["social"]["top_people"] == [{"id": "jane", "entries": 1}, {"id": "sam", "entries": 1}]
    assert dimensions["affective"] == {
        "entries": 0,
        "minutes": 0,
        "share": 0.0,
        "notes": [],
        "top_spaces": [],
        "top_people": [],
        "space_kinds": [],
    }


def test_a_dimension_outside_the_vocabulary_is_left_out_and_named() -> None:
    scope = scope_of(*ENTRIES, today=TODAY)
    assert "spiritual" not in growth.build(scope)["dimensions"]
    [warning] = growth.unusable_values(scope)
    assert warning.startswith("entries/2025/2025-09-03-unknown.md:1: growth: 'spiritual'")


def test_no_entries_make_an_empty_report_not_an_error() -> None:
    data = growth.build(scope_of(*SPACES, *PEOPLE, today=TODAY))
    assert (data["from"], data["to"], data["entries"], data["minutes"]) == (None, None, 0, 0)
    assert data["periods"] == []
    assert all(d["entries"] == 0 and d["share"] == 0.0 for d in data["dimensions"].values())


def test_the_school_year_boundary_falls_between_june_30_and_july_1() -> None:
    data = growth.build(scope_of(*ENTRIES, today=TODAY, by="school-year"))
    assert [(p["period"], p["entries"]) for p in data["periods"]] == [("2024-25", 1), ("2025-26", 4)]
    from_july = growth.build(scope_of(*ENTRIES, today=TODAY, start=dt.date(2025, 7, 1)))
    assert from_july["from"] == "2025-07-01" and from_july["entries"] == 4


def test_an_entry_after_today_is_left_out_of_a_range_without_an_end() -> None:
    later = dated("2026-03-01", "typo", growth={"social": None}, minutes=1000)
    scope = scope_of(*ENTRIES, later, today=TODAY)
    assert scope.future == (later,)
    assert growth.build(scope)["minutes"] == 130
    counted = growth.build(scope_of(*ENTRIES, later, today=TODAY, end=dt.date(2026, 3, 1)))
    assert counted["minutes"] == 1130
