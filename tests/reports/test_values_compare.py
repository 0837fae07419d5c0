"""Values compare one way everywhere (issue 15, item 12): case-insensitively, spacing collapsed,
shown as first spelt, for platforms, roles, subjects, levels, tags and the filters."""

from __future__ import annotations

import json
from pathlib import Path

from plnjournal.values import distinct, fold, tally
from tests.helpers import Run, write


def test_the_rule() -> None:
    assert fold(" Social  Studies ") == fold("social studies")
    assert fold("STRASSE") == fold("straße")
    assert distinct(["Bluesky", "bluesky", " BLUESKY", "X", ""]) == ("Bluesky", "X")
    assert tally(["Bluesky", "bluesky", "X"]) == {"Bluesky": 2, "X": 1}


def network_journal(journal: Path, pln: Run) -> None:
    pln("add", "space", "#sschat", "--kind", "chat", "--platform", "bluesky")
    pln("add", "space", "#edchat", "--kind", "chat", "--platform", "Bluesky")
    pln("add", "space", "PLC", "--kind", "plc")
    for name, role, subject in [
        ("Ana", "Teacher", "Social Studies"),
        ("Ben", "teacher", "social studies"),
        ("Cy", "TEACHER", "social  studies"),
        ("Di", "coach", "Math"),
    ]:
        pln("add", "person", name, "--role", role, "--subject", subject, "--level", "9-12")
    for day, space in enumerate(["sschat", "sschat", "edchat", "edchat", "plc"], 1):
        pln("log", f"Chat {day}", "--date", f"2026-01-0{day}", "--space", space, "-m", "")


def test_bluesky_and_bluesky_are_one_platform(pln: Run, journal: Path) -> None:
    network_journal(journal, pln)
    data = json.loads(pln("report", "--network", "--format", "json").stdout)
    assert data["platform_dependence"] == {"platform": "Bluesky", "share": 0.8}
    assert data["people"]["by_role"] == {"Teacher": 3, "coach": 1}
    assert data["people"]["by_subject"] == {"Social Studies": 3, "Math": 1}
    assert "80% of your entries depend on Bluesky" in data["warnings"]


def test_a_person_with_one_value_spelt_twice_counts_once(pln: Run, journal: Path) -> None:
    write(journal / "people" / "ana.md", "---\nname: Ana\nroles: [Teacher, teacher, coach]\n---\n")
    data = json.loads(pln("report", "--network", "--format", "json").stdout)
    assert data["people"]["by_role"] == {"Teacher": 1, "coach": 1}


def test_tag_filters_ignore_case_and_spacing(pln: Run) -> None:
    pln("log", "Chat", "--date", "2026-01-05", "--tag", "EdChat", "-m", "")
    listed = json.loads(pln("list", "entries", "--tag", "edchat", "--format", "json").stdout)
    assert [entry["title"] for entry in listed] == ["Chat"]
