"""The redactor alone (plnjournal/redact.py), from literal records: what each kind of text becomes."""

from __future__ import annotations

import datetime as dt

from plnjournal.model import Entry, Person
from plnjournal.redact import build

JANE = Person(id="jane-doe", name="Jane Doe", met=dt.date(2025, 3, 14))
JANE_ROE = Person(id="jane-roe", name="Jane Roe", handles={"bluesky": "@roe.bsky.social"})
JOSE = Person(id="jose-martinez", name="José Martínez")


def test_people_are_numbered_by_when_you_met_them_then_by_their_first_entry() -> None:
    entries = [Entry(id="e", date=dt.date(2024, 1, 1), people=("José Martínez",))]
    redactor = build([JANE, JANE_ROE, JOSE], entries)
    assert redactor.text("José Martínez, Jane Doe and Jane Roe") == "Person 1, Person 2 and Person 3"


def test_a_first_name_two_people_share_becomes_name_and_ids_inside_paths_are_numbered() -> None:
    redactor = build([JANE, JANE_ROE, JOSE])
    assert redactor.text("Jane and Doe and Martínez said") == "[name] and Person 1 and Person 3 said"
    assert redactor.text("entries/2026/2026-01-12-coffee-with-jose.md") == (
        "entries/2026/2026-01-12-coffee-with-person-3.md"
    )
    assert redactor.text("people/jane-roe.md, [[jane-doe]]") == "people/person-2.md, [[person-1]]"
    assert redactor.text("ping @roe.bsky.social") == "ping [handle]"


def test_words_are_whole_words_in_any_case_and_pln_s_own_words_are_left_alone() -> None:
    redactor = build([], words=["Read", "Sam"], student_ids=[r"S\d{7}"])
    assert (
        redactor.text("Sam, SAM and sam; sample, Samantha")
        == "[redacted], [redacted] and [redacted]; sample, Samantha"
    )
    assert redactor.text("read") == "read"  # an engagement level keeps the data's shape
    assert redactor.text("I read it") == "I [redacted] it"
    assert redactor.text("S1234567 and S123") == "[student id] and S123"
    assert redactor.text("mail ana.ruiz@school.example.org") == "mail [email]"


def test_data_is_redacted_keys_and_values_dataclasses_too() -> None:
    redactor = build([JANE])
    data = {"Jane Doe": ["jane-doe", ("Doe", 3)], "people": [JANE]}
    redacted = redactor.data(data)
    assert list(redacted) == ["Person 1", "people"]
    assert redacted["Person 1"] == ["person-1", ("Person 1", 3)]
    assert redacted["people"][0].name == "Person 1" and redacted["people"][0].id == "person-1"
    assert redacted["people"][0].met == dt.date(2025, 3, 14)
