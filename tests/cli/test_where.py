"""`--where KEY=VALUE` on any front-matter key, for list entries, export, report and search; and
your own keys typed in pln.yaml (`fields:`), checked by `pln check`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from plnjournal.errors import UsageError
from plnjournal.model import Entry
from plnjournal.where import holds, parse_condition
from tests.helpers import invoke, write

COURSE_ENTRY = """---
date: 2026-03-{day:02d}
title: {title}
engagement: read
minutes: 30
course: {course}
credits: {credits}
observed_on: 2026-02-{day:02d}
---
Notes.
"""


@pytest.fixture
def district(example_journal: Path) -> Path:
    """The example journal, three entries with a district's own keys, and those keys typed."""
    folder = example_journal / "entries" / "2026"
    write(
        folder / "2026-03-10-ell-module-one.md",
        COURSE_ENTRY.format(day=10, title="ELL one", course="ELL 101", credits=1),
    )
    write(
        folder / "2026-03-11-ell-module-two.md",
        COURSE_ENTRY.format(day=11, title="ELL two", course="ELL 101", credits=2.5),
    )
    write(
        folder / "2026-03-12-reading-course.md",
        COURSE_ENTRY.format(day=12, title="Reading", course="READ 200", credits=3),
    )
    config = example_journal / "pln.yaml"
    config.write_text(config.read_text() + "fields: {course: text, credits: number, observed_on: date}\n")
    return example_journal


def ids(root: Path, *args: str) -> list[str]:
    result = invoke("--journal", str(root), *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_where_works_on_a_key_pln_does_not_know(district: Path) -> None:
    assert ids(district, "list", "entries", "--where", "course=ell 101") == [
        "2026-03-10-ell-module-one",
        "2026-03-11-ell-module-two",
    ]
    assert ids(district, "list", "entries", "--where", "course~read") == ["2026-03-12-reading-course"]
    assert ids(district, "list", "entries", "--where", "credits>1", "--where", "credits<3") == [
        "2026-03-11-ell-module-two"
    ]
    assert ids(district, "list", "entries", "--where", "observed_on>2026-02-10") == [
        "2026-03-11-ell-module-two",
        "2026-03-12-reading-course",
    ]
    assert len(ids(district, "list", "entries", "--where", "course!=ELL 101")) == 97


def test_where_works_on_pln_s_own_keys_too(district: Path) -> None:
    asked = ids(district, "list", "entries", "--where", "engagement=asked")
    assert asked == ids(district, "list", "entries", "--engagement", "asked") and len(asked) == 6
    long_ones = ids(district, "list", "entries", "--where", "minutes>90")
    assert long_ones and all(
        row["minutes"] > 90
        for row in json.loads(
            invoke(
                "--journal", str(district), "list", "entries", "--where", "minutes>90", "--format", "json"
            ).stdout
        )
    )
    assert len(ids(district, "list", "entries", "--where", "tags=GRADING")) == 16  # any tag, any case
    assert len(ids(district, "list", "entries", "--where", "growth=social")) == 27  # a dimension noted


def test_export_report_and_search_take_where_too(district: Path) -> None:
    exported = invoke("--journal", str(district), "export", "--where", "course=ELL 101")
    assert [entry["id"] for entry in json.loads(exported.stdout)["entries"]] == [
        "2026-03-10-ell-module-one",
        "2026-03-11-ell-module-two",
    ]
    report = invoke(
        "--journal", str(district), "report", "--engagement", "--where", "course~ell", "--format", "json"
    )
    assert report.exit_code == 0, report.stderr
    assert json.loads(report.stdout)["entries"] == 2 and json.loads(report.stdout)["minutes"] == 60
    assert ids(district, "search", "notes", "--where", "credits=3") == ["2026-03-12-reading-course"]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("course", "--where 'course': write KEY=VALUE, KEY!=VALUE, KEY~TEXT, KEY>N or KEY<N"),
        ("credits>many", "--where 'credits>many': > compares numbers or dates, and 'many' is neither"),
    ],
)
def test_a_bad_condition_is_one_clear_line_and_exit_2(district: Path, condition: str, message: str) -> None:
    result = invoke("--journal", str(district), "list", "entries", "--where", condition)
    assert result.exit_code == 2
    assert result.stderr == f"pln: error: {message}\n"


def test_check_checks_typed_keys_and_no_longer_calls_them_unknown(district: Path) -> None:
    before = invoke("--journal", str(district), "check")
    assert "unknown key 'course'" not in before.stdout and "credits should be" not in before.stdout
    bad = district / "entries" / "2026" / "2026-03-13-bad.md"
    write(
        bad,
        COURSE_ENTRY.format(day=13, title="Bad", course="X", credits="three").replace("2026-02-13", "soon"),
    )
    result = invoke("--journal", str(district), "check")
    assert result.exit_code == 1
    assert (
        "entries/2026/2026-03-13-bad.md:7: error: credits should be a number (pln.yaml fields), not 'three'"
        in result.stdout
    )
    assert (
        "bad.md:8: error: observed_on should be a date like 2026-03-14 (pln.yaml fields), not 'soon'"
        in result.stdout
    )


def test_a_bad_fields_setting_names_the_file(district: Path) -> None:
    config = district / "pln.yaml"
    config.write_text(config.read_text().replace("credits: number", "credits: integer"))
    result = invoke("--journal", str(district), "list", "entries")
    assert result.exit_code == 1
    assert (
        "pln.yaml: bad setting: fields: 'credits' has the type 'integer'; use one of text, number, date"
        in result.stderr
    )


def test_conditions_against_records() -> None:
    entry = Entry(id="e", date=dt.date(2026, 3, 1), minutes=60, tags=("Grading",), extra={"standard": "2a"})
    assert holds(entry, parse_condition("minutes=60.0"))
    assert holds(entry, parse_condition("date<2026-03-02")) and not holds(
        entry, parse_condition("date>2026-03-02")
    )
    assert holds(entry, parse_condition("standard=2A")) and holds(entry, parse_condition("missing!=x"))
    assert not holds(entry, parse_condition("missing=x")) and not holds(entry, parse_condition("missing~x"))
    assert holds(entry, parse_condition("tags~grad")) and not holds(entry, parse_condition("path~e"))
    with pytest.raises(UsageError):
        parse_condition("minutes>>3")
