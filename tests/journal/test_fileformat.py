"""The file format: YAML without 1.1 surprises, bodies byte for byte, stable writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from plnjournal.errors import FormatError
from plnjournal.journal.fileformat import parse_front_matter, split
from plnjournal.journal.load import load
from plnjournal.journal.parse import read_record
from plnjournal.journal.writer import record_text
from tests.helpers import EXAMPLES


def front(text: str) -> dict:
    return parse_front_matter(text, 2)[0]


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("time: 10:00", {"time": "10:00"}),
        ("answer: no", {"answer": "no"}),
        ("switch: on", {"switch": "on"}),
        ("flag: yes", {"flag": "yes"}),
        ("zip: 012345", {"zip": "012345"}),
        ("name: 2024", {"name": 2024}),
        ("date: 2026-11-22", {"date": "2026-11-22"}),
        ("ratio: 1e3", {"ratio": "1e3"}),
        ("minutes: 45", {"minutes": 45}),
        ("private: true", {"private": True}),
        ("empty:", {"empty": None}),
    ],
)
def test_scalars_follow_yaml_1_2_core_not_1_1(yaml_text: str, expected: dict) -> None:
    assert front(yaml_text) == expected


def test_duplicate_keys_are_an_error_with_the_line() -> None:
    with pytest.raises(FormatError) as problem:
        parse_front_matter("name: A\ntags: []\nname: B\n", 2)
    assert (problem.value.code, problem.value.line) == ("duplicate-key", 4)


def test_key_lines_are_one_based_file_lines() -> None:
    _, lines = parse_front_matter("name: A\n\nroles: [x]\n", 2)
    assert lines == {"name": 2, "roles": 4}


def test_body_with_dashes_and_crlf_is_kept_exactly() -> None:
    text = "---\r\nname: A\r\n---\r\nline one\r\n---\r\nafter a rule\r\n"
    parts = split(text)
    assert parts.body == "line one\r\n---\r\nafter a rule\r\n"
    assert parts.newline == "\r\n"


def test_bom_is_noted_and_skipped() -> None:
    parts = split("\ufeff---\nname: A\n---\nbody\n")
    assert parts.bom and front(parts.front_matter or "") == {"name": "A"}


def test_name_written_as_number_reads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "people" / "p.md"
    path.parent.mkdir()
    path.write_text("---\nname: 2024\n---\n", encoding="utf-8")
    record, problems = read_record(tmp_path, path)
    assert problems == [] and record is not None and record.name == "2024"


def test_every_example_file_rewrites_to_the_same_bytes() -> None:
    loaded = load(EXAMPLES)
    assert loaded.problems == ()
    records = [record for records in loaded.records.values() for record in records]
    assert len(records) > 130
    for record in records:
        assert record_text(record) == (EXAMPLES / record.path).read_text(encoding="utf-8"), record.path
