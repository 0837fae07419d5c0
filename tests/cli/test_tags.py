"""`pln list tags`: counts over every record, case and spelling variants side by side."""

from __future__ import annotations

import json
from pathlib import Path

from plnjournal.model import Entry, Person
from plnjournal.reports.tags import build
from tests.helpers import Run


def test_variants_are_grouped_and_counted() -> None:
    import datetime as dt

    day = dt.date(2026, 1, 5)
    records = [
        Entry(id="a", date=day, tags=("Grading", "assessment")),
        Entry(id="b", date=day, tags=("grading", "assesment")),
        Entry(id="c", date=day, tags=("grading", "grade-9")),
        Person(id="p", name="P", tags=("grade-8",)),
    ]
    grading = [{"tag": "grading", "count": 2}, {"tag": "Grading", "count": 1}]
    assessment = [{"tag": "assesment", "count": 1}, {"tag": "assessment", "count": 1}]
    assert build(records) == [
        {"tag": "grading", "count": 3, "variants": grading},
        {"tag": "assesment", "count": 2, "variants": assessment},
        {"tag": "grade-8", "count": 1, "variants": []},
        {"tag": "grade-9", "count": 1, "variants": []},
    ]


def test_list_tags_table_and_json(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Jane Doe", "--tag", "Inquiry").exit_code == 0
    for title, tags in (("One", "inquiry,grading"), ("Two", "grading"), ("Three", "Grading")):
        assert pln("log", title, "--date", "2026-01-05", "--tag", tags).exit_code == 0
    table = pln("list", "tags")
    assert table.exit_code == 0, table.stderr
    assert table.stdout.splitlines() == [
        "tag      count  variants",
        "grading  3      grading (2), Grading (1)",
        "inquiry  2      inquiry (1), Inquiry (1)",
    ]
    rows = json.loads(pln("list", "tags", "--format", "json").stdout)
    assert [(row["tag"], row["count"]) for row in rows] == [("grading", 3), ("inquiry", 2)]
