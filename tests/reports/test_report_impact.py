"""`pln report --impact` on a hand-built journal; expected figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Run, write
from tests.helpers.reports import entry, report_json


@pytest.fixture
def practice(journal: Path) -> Path:
    """Six entries: three intentions (one applied, with an effect on students), one applied
    without an intention; goal and space named by id or by name, or not at all."""
    write(journal / "goals" / "inquiry-grading.md", "---\nname: Inquiry grading\n---\n")
    write(journal / "spaces" / "sschat.md", "---\nname: '#sschat'\nkind: chat\n---\n")
    write(journal / "spaces" / "edcamp-tulsa.md", "---\nname: Edcamp Tulsa\nkind: unconference\n---\n")
    rubric = "date: 2025-09-01\nspace: sschat\ngoal: inquiry-grading\nnext: Try rubric\n"
    entry(journal, "2025-09-01-rubric", rubric, "Body line.\n")
    entry(journal, "2025-09-05-exit-tickets", "date: 2025-09-05\nspace: '#sschat'\ngoal: Inquiry grading\n"
          "next: Try exit tickets\napplied: Used them\nimpact: Students asked more\n")  # fmt: skip
    entry(
        journal, "2025-10-01-seating", "date: 2025-10-01\ngoal: inquiry-grading\napplied: Changed seating\n"
    )
    entry(journal, "2025-10-02-call-jane", "date: 2025-10-02\nspace: sschat\nnext: Call Jane\n")
    entry(journal, "2025-10-03-reading", "date: 2025-10-03\n")
    entry(journal, "2025-10-04-edcamp", "date: 2025-10-04\nspace: edcamp-tulsa\n")
    return journal


def test_the_json_contract(pln: Run, practice: Path) -> None:
    data = report_json(pln, "impact")
    assert list(data) == [
        "report", "from", "to", "logged", "intended", "applied", "student_impact", "dropped",
        "by_goal", "by_space", "open",
    ]  # fmt: skip
    assert [data[k] for k in list(data)[:7]] == ["impact", "2025-09-01", "2025-10-04", 6, 3, 2, 1]
    assert data["by_goal"] == [
        {"id": "inquiry-grading", "name": "Inquiry grading", "logged": 3, "intended": 2, "applied": 2,
         "student_impact": 1, "dropped": 0},
        {"id": None, "name": None, "logged": 3, "intended": 1, "applied": 0, "student_impact": 0,
         "dropped": 0},
    ]  # fmt: skip
    assert data["by_space"] == [
        {"id": "sschat", "name": "#sschat", "logged": 3, "intended": 3, "applied": 1, "student_impact": 1,
         "dropped": 0},
        {"id": "edcamp-tulsa", "name": "Edcamp Tulsa", "logged": 1, "intended": 0, "applied": 0,
         "student_impact": 0, "dropped": 0},
        {"id": None, "name": None, "logged": 2, "intended": 0, "applied": 1, "student_impact": 0,
         "dropped": 0},
    ]  # fmt: skip
    assert data["open"] == [
        {"entry": "2025-09-01-rubric", "date": "2025-09-01", "next": "Try rubric"},
        {"entry": "2025-10-02-call-jane", "date": "2025-10-02", "next": "Call Jane"},
    ]


def test_a_range_and_a_filter(pln: Run, practice: Path) -> None:
    october = report_json(pln, "impact", "--from", "2025-10-01")
    assert [october[k] for k in ("from", "to", "logged", "intended", "applied")] == [
        "2025-10-01", "2025-10-04", 4, 1, 1
    ]  # fmt: skip
    goal = report_json(pln, "impact", "--goal", "Inquiry grading")
    assert (goal["logged"], goal["student_impact"], [g["id"] for g in goal["by_goal"]]) == (
        3,
        1,
        ["inquiry-grading"],
    )


def test_table_csv_and_markdown(pln: Run, practice: Path) -> None:
    table = pln("report", "--impact").stdout
    assert table.startswith("Impact, 2025-09-01 to 2025-10-04: 6 entries\n")
    assert "set an intention     3        50%" in table  # 3 of 6
    assert "seen in students     1        17%" in table  # 1 of 6
    assert "(no goal)        3       1         0        0" in table
    assert "2025-09-01  Try rubric  (2025-09-01-rubric)" in table
    csv = pln("report", "--impact", "-f", "csv").stdout
    assert csv.splitlines() == [
        "by,id,name,logged,intended,applied,student_impact",
        "goal,inquiry-grading,Inquiry grading,3,2,2,1",
        "goal,,,3,1,0,0",
        "space,sschat,#sschat,3,3,1,1",
        "space,edcamp-tulsa,Edcamp Tulsa,1,0,0,0",
        "space,,,2,0,1,0",
    ]
    markdown = pln("report", "--impact", "-f", "markdown").stdout
    assert markdown.startswith("# From learning to practice to students, 2025-09-01 to 2025-10-04\n")
    assert "| Applied in practice | 2 | 33% |" in markdown.replace(
        "applied in practice", "Applied in practice"
    )
    assert "| (no space) | 2 | 0 | 1 | 0 |" in markdown
    assert "## Still to try (2)\n\n- 2025-09-01: Try rubric\n- 2025-10-02: Call Jane\n" in markdown


def test_a_range_without_entries(pln: Run, practice: Path) -> None:
    result = pln("report", "--impact", "-f", "json", "--to", "2025-08-31")
    assert result.exit_code == 0
    assert "no entries to 2025-08-31; the impact report is empty" in result.stderr
    data = report_json(pln, "impact", "--to", "2025-08-31")
    assert [data[k] for k in ("from", "to", "logged", "by_goal", "open")] == [None, "2025-08-31", 0, [], []]
    for fmt in ("table", "csv", "markdown"):
        assert pln("report", "--impact", "-f", fmt, "--to", "2025-08-31").exit_code == 0
