"""`pln show` of a person, space, tool or goal: its entries newest first, first and last seen, the
count and minutes; in a table and in JSON; entries naming it by id or by name alike."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run
from tests.helpers.reports import entry


def history_journal(pln: Run, journal: Path) -> None:
    for args in (
        ("person", "Jane Doe"),
        ("space", "#sschat"),
        ("tool", "Wakelet"),
        ("goal", "Inquiry grading"),
    ):
        assert pln("add", *args, "--no-commit").exit_code == 0
    entry(
        journal,
        "2025-09-01-first",
        "date: 2025-09-01\ntitle: First chat\npeople: [jane-doe]\nspace: sschat\nminutes: 60\n",
    )
    entry(
        journal,
        "2025-10-02-second",
        "date: 2025-10-02\ntitle: Second\npeople: [Jane Doe]\ntools: [wakelet]\nengagement: shared\n",
    )
    entry(
        journal,
        "2025-11-03-third",
        "date: 2025-11-03\ntitle: Third\npeople: [JANE DOE]\ngoal: inquiry-grading\nminutes: 30\n",
    )
    entry(journal, "2025-12-04-alone", "date: 2025-12-04\ntitle: Without Jane\n")


def test_a_person_with_their_entries_newest_first(pln: Run, journal: Path) -> None:
    history_journal(pln, journal)
    data = json.loads(pln("show", "jane-doe", "-f", "json").stdout)
    assert data["name"] == "Jane Doe"
    assert data["history"] == {
        "count": 3,
        "minutes": 90,
        "first_seen": "2025-09-01",
        "last_seen": "2025-11-03",
        "entries": [
            {
                "id": "2025-11-03-third",
                "date": "2025-11-03",
                "title": "Third",
                "engagement": None,
                "minutes": 30,
            },
            {
                "id": "2025-10-02-second",
                "date": "2025-10-02",
                "title": "Second",
                "engagement": "shared",
                "minutes": None,
            },
            {
                "id": "2025-09-01-first",
                "date": "2025-09-01",
                "title": "First chat",
                "engagement": None,
                "minutes": 60,
            },
        ],
    }
    shown = pln("show", "jane-doe").stdout.splitlines()
    at = shown.index("3 entries, 90 minutes, first seen 2025-09-01, last seen 2025-11-03")
    assert shown[at + 1].split() == ["date", "title", "engagement", "minutes", "id"]
    assert [line.split()[0] for line in shown[at + 2 :]] == ["2025-11-03", "2025-10-02", "2025-09-01"]


def test_a_space_a_tool_and_a_goal(pln: Run, journal: Path) -> None:
    history_journal(pln, journal)
    for ref, ids in (
        ("sschat", ["2025-09-01-first"]),
        ("wakelet", ["2025-10-02-second"]),
        ("inquiry-grading", ["2025-11-03-third"]),
    ):
        seen = json.loads(pln("show", ref, "-f", "json").stdout)["history"]
        assert [e["id"] for e in seen["entries"]] == ids
        assert seen["count"] == 1 and seen["first_seen"] == seen["last_seen"] == ids[0][:10]
    assert "1 entry, 0 minutes, first seen 2025-10-02, last seen 2025-10-02" in pln("show", "wakelet").stdout


def test_nobody_seen_yet_and_entries_have_no_history(pln: Run, journal: Path) -> None:
    history_journal(pln, journal)
    assert pln("add", "person", "Tom Lee", "--no-commit").exit_code == 0
    data = json.loads(pln("show", "tom-lee", "-f", "json").stdout)
    assert data["history"] == {"count": 0, "minutes": 0, "first_seen": None, "last_seen": None, "entries": []}
    assert pln("show", "tom-lee").stdout.rstrip().endswith("No entries name it yet.")
    assert "history" not in json.loads(pln("show", "2025-09-01-first", "-f", "json").stdout)
