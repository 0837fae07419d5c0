"""Property tests: any record survives write -> read -> write; any bytes load without raising."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plnjournal.journal.fileformat import parse_front_matter, split
from plnjournal.journal.parse import read_record
from plnjournal.journal.schema import build_record
from plnjournal.journal.writer import record_text
from plnjournal.model import DIMENSIONS, Entry, Person, Record
from plnjournal.problems import Problem
from plnjournal.values import tags
from tests.helpers import EXAMPLES

YAML_LOOKING = st.sampled_from(
    ["no", "yes", "on", "off", "~", "null", "true", "10:00", "012345", "0x1f", "1e3", ".inf", "2026-01-05",
     "- item", "key: value", "# not a comment", "'", '"', "&anchor", "*alias", "!tag", "%", "@me", "`",
     "---", "...", "<<<<<<<", " leading", "trailing ", "a\nb", "a\r\nb", "\t", "[x]", "{x: y}", "|", ">"]
)  # fmt: skip
TEXT = st.one_of(
    YAML_LOOKING,
    st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), min_size=1, max_size=30),
)
NAME = TEXT.filter(lambda text: text.strip() != "" and text not in ("~", "null"))
TEXTS = st.lists(NAME, max_size=3).map(tuple)
TAGS = TEXTS.map(tags)  # tags as pln keeps them: no '#', no commas, each once (see values.py)
BODY = st.text(st.characters(exclude_characters="\x00\r", exclude_categories=("Cs",)), max_size=80).filter(
    lambda text: "<<<<<<<" not in text
)
OPTIONAL = st.one_of(st.none(), NAME)
EXTRA = st.dictionaries(
    st.text("abcdefghijklmnopqrstuvwxyz_", min_size=3, max_size=8).map(lambda key: "x_" + key),
    st.one_of(NAME, st.integers(), st.booleans(), st.lists(NAME, max_size=2)),
    max_size=2,
)

people = st.builds(
    Person,
    id=st.just("someone"),
    path=st.just("people/someone.md"),
    name=NAME,
    roles=TEXTS,
    organization=OPTIONAL,
    handles=st.dictionaries(NAME, NAME, max_size=2),
    met=st.one_of(st.none(), st.dates()),
    tags=TAGS,
    body=BODY,
    extra=EXTRA,
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
entries = st.builds(
    Entry,
    id=st.just("2026-01-05-chat"),
    path=st.just("entries/2026/2026-01-05-chat.md"),
    date=st.dates(min_value=dt.date(1900, 1, 1)),
    time=st.one_of(st.none(), st.sampled_from(["00:00", "09:30", "23:59"])),
    title=OPTIONAL,
    space=OPTIONAL,
    people=TEXTS,
    growth=st.dictionaries(st.sampled_from(DIMENSIONS), st.one_of(st.none(), NAME), max_size=4),
    minutes=st.one_of(st.none(), st.integers(min_value=0, max_value=10**6)),
    next=OPTIONAL,
    private=st.booleans(),
    body=BODY,
    extra=EXTRA,
)


def read_text(record: Record, text: str) -> Record:
    parts = split(text)
    assert parts.front_matter is not None
    data, lines = parse_front_matter(parts.front_matter, parts.first_line)
    read, problems = build_record(
        type(record), data, record_id=record.id, path=record.path, body=parts.body, lines=lines,
        newline=parts.newline, bom=parts.bom,
    )  # fmt: skip
    assert problems == []
    assert read is not None
    empty = [key for key, value in data.items() if value in (None, "", [], {}) and key not in record.extra]
    assert empty == []  # an empty key is left out, not written as `growth: []`
    return read


@settings(max_examples=150, deadline=None)
@given(st.one_of(people, entries))
def test_write_read_write_is_the_identity(record: Record) -> None:
    text = record_text(record)
    read = read_text(record, text)
    assert read == record
    assert record_text(read) == text


MUTATIONS = st.lists(
    st.tuples(
        st.integers(min_value=0), st.sampled_from(["insert", "delete", "replace"]), st.binary(max_size=8)
    ),
    min_size=1,
    max_size=6,
)
REAL_FILES = sorted(EXAMPLES.rglob("*.md"))


def mutate(data: bytes, mutations: list[tuple[int, str, bytes]]) -> bytes:
    for position, how, chunk in mutations:
        at = position % (len(data) + 1)
        if how == "insert":
            data = data[:at] + chunk + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + len(chunk) + 1 :]
        else:
            data = data[:at] + chunk + data[at + len(chunk) :]
    return data


def assert_loads_or_reports(root: Path, data: bytes) -> None:
    path = root / "people" / "fuzzed.md"
    path.write_bytes(data)
    record, problems = read_record(root, path)
    assert record is not None or problems
    assert all(isinstance(problem, Problem) and problem.line >= 1 for problem in problems)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "people").mkdir(exist_ok=True)
    assert_loads_or_reports(tmp_path, b"---\n" + data if data[:1] == b"a" else data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(REAL_FILES), MUTATIONS)
def test_mutated_real_files_never_raise(tmp_path: Path, source: Path, mutations: list) -> None:
    (tmp_path / "people").mkdir(exist_ok=True)
    assert_loads_or_reports(tmp_path, mutate(source.read_bytes(), mutations))
