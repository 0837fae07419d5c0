"""The shortcut past YAML for simple front-matter: whatever it takes, it reads exactly as the YAML
reader does (values, their types, key lines); whatever it cannot be sure of, it leaves to YAML."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnjournal.errors import FormatError
from plnjournal.journal import simple_yaml
from plnjournal.journal.fileformat import parse_front_matter, read_yaml
from plnjournal.journal.simple_yaml import Quoted


def typed(value: Any) -> Any:
    """A value with the type of every part spelled out (so `1` and `True` and `"1"` differ)."""
    if isinstance(value, tuple):
        return tuple(typed(item) for item in value)
    if isinstance(value, list):
        return ["list", *map(typed, value)]
    if isinstance(value, dict):
        return ["map", *((typed(key), typed(item)) for key, item in value.items())]
    return (type(value).__name__, value)


def same_as_yaml(front: str) -> None:
    """The shortcut's reading, when it gives one, is the YAML reader's."""
    taken = simple_yaml.read(front, 2)
    if taken is None:
        return
    try:
        expected = read_yaml(front, 2)
    except FormatError as error:
        raise AssertionError(f"YAML refuses {front!r} ({error.message}); the shortcut read {taken}") from None
    assert typed(taken) == typed(expected)


TAKEN = [
    "date: 2026-03-04\ntime: '18:00'\ntitle: Led a session on discussion\n",
    "minutes: 30\nprivate: true\nnext:\ncount: -3\nzip: 012345\nratio: 1.5\nnothing: ~\n",
    "people: [ana-boateng-451, 'Bo Li']\ntags: []\ntools: [ ]\nflags: [true, 1, null, x y]\n",
    "growth:\n  affective: A note on debate\n  social:\n\ntitle: it's C# day, a:b [ish]\n",
    "title: '#sschat on Women''s History Month'\nspace: \"quoted, plainly\"\n",
    "name: Ana\r\nroles: [teacher]\r\n",
    "title: Café — 😀 emoji\nurl: http://example.org/a?b=c\n",
]
REFUSED = [
    "tags: #edchat\n",  # a comment: YAML leaves the value empty, and pln says so
    "# a comment\nname: A\n",
    "name: A\nname: B\n",  # duplicate: YAML's error, with its line
    "sessions:\n- 2026-10-17\n",  # a block list
    "note: |\n  two\n  lines\n",
    "title: a\n  continued\n",  # a plain scalar over two lines
    "link: &a x\nother: *a\n",
    "name:\tA\n",
    "title: 'it''s' trailing\n",
    'title: "esc\\n"\n',
    "title: x: y\n",
    "title: ends with:\n",
    "true: x\n",
    "growth:\n  social: a\n    deeper: b\n",
    "title: bad\u2028break\n",
    "list: [a, [b]]\n",
    "",
]


@pytest.mark.parametrize("front", TAKEN)
def test_common_front_matter_takes_the_shortcut_and_reads_as_yaml(front: str) -> None:
    assert simple_yaml.read(front, 2) is not None
    same_as_yaml(front)
    assert parse_front_matter(front, 2) == read_yaml(front, 2)


@pytest.mark.parametrize("front", REFUSED)
def test_anything_else_is_left_to_yaml(front: str) -> None:
    assert simple_yaml.read(front, 2) is None


def test_errors_and_their_lines_come_from_yaml() -> None:
    with pytest.raises(FormatError) as problem:
        parse_front_matter("name: A\ntags: []\nname: B\n", 2)
    assert (problem.value.code, problem.value.line) == ("duplicate-key", 4)


PIECES = [
    "a", "b c", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", ",", "[", "]", "{", "}", "'", "''", '"',
    "\\", "&", "*", "!", "|", ">", "%", "@", "`", "~", "null", "NULL", "true", "False", "yes", "on", "0",
    "007", "12", "-3", "+4", "1.5", "0x1f", "1_000", "é", "😀", "\u2028", "\x85", "\ufeff", "\t", "\x7f",
    "\xa0", "...", "---", "10:00", "http://x", "C#", "\r", "\r\n",
]  # fmt: skip
KEYS = ["a", "b", "title", "growth", "x-y", "_k", "true", "null", "1", "a b", "~", "k:"]
KEYS += ["c", "d", "e", "f", "g", "h"]
SAFE = ["a", "b c", "x-y", "it's", "0", "12", "é", "😀", "C#", "a:b", "(x)", ".", "/"]  # so most are taken
piece = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SAFE)), max_size=4).map("".join)
scalar = st.one_of(
    piece,
    st.sampled_from(SAFE),
    piece.map(lambda text: f"'{text}'"),
    piece.map(lambda text: f'"{text}"'),
    st.lists(st.tuples(st.sampled_from(["", " "]), piece), max_size=3).map(
        lambda items: "[" + ",".join(space + text for space, text in items) + "]"
    ),
)
INDENTS = st.sampled_from(["", "", "", "", " ", "  "])
key_line = st.tuples(INDENTS, st.sampled_from(KEYS), st.sampled_from([":", ": ", ": ", ":  "]), scalar)
line = st.one_of(key_line.map("".join), key_line.map("".join), key_line.map("".join), piece)


@settings(max_examples=400, deadline=None)
@given(st.lists(line, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", ""]))
def test_any_front_matter_reads_as_yaml_or_is_left_to_it(lines: list[str], end: str) -> None:
    same_as_yaml("\n".join(lines) + end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["date", "title", "tags", "growth", "minutes", "x_y", "a-b"]), unique=True, min_size=1
    ),
    st.lists(scalar, min_size=7, max_size=7),
    st.sampled_from([" ", "  ", "    "]),
)
def test_mappings_of_simple_values_read_as_yaml(keys: list[str], values: list[str], indent: str) -> None:
    lines = []
    for key, value in zip(keys, values, strict=False):
        if key == "growth":
            lines += [
                "growth:",
                f"{indent}social: {value}",
                f"{indent}cognitive:",
                f"{indent}identity: {values[-1]}",
            ]
        else:
            lines.append(f"{key}: {value}")
    same_as_yaml("\n".join(lines) + "\n")


# Writing: the shortcut's text, whenever it gives one, is PyYAML's (yaml_dialect's dumper) to the byte.

_TRICKY = " :#,[]{}?-'\"&*!|>%@`.~<=+\t\n\x85\xa0\u2028\ufeffé😀"
_texts = (
    st.text(alphabet=st.sampled_from("aZ0 " + _TRICKY), max_size=8)
    | st.text(
        alphabet=st.sampled_from("aZ :#,[]?'-é"),
        max_size=8,  # mostly what the shortcut writes
    )
    | st.sampled_from(
        [
            "yes",
            "No",
            "ON",
            "null",
            "NULL",
            "~",
            "true",
            "Nice",
            "on it",
            "3rd period",
            "a: b",
            "a:b",
            "C# day",
        ]
    )
)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.dates()
    | st.floats(allow_nan=False)
    | _texts
    | _texts.map(Quoted)
)
_flat = _scalars | st.lists(_scalars, max_size=3) | st.tuples(_scalars, _scalars)
_values = _flat | st.dictionaries(_texts, _flat, max_size=3)


def pyyaml_writes(data: dict[str, Any]) -> str:
    from plnjournal.journal.yaml_dialect import dump_front_matter

    return dump_front_matter(data)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_texts, _values, min_size=1, max_size=5))
def test_what_the_shortcut_writes_is_what_pyyaml_writes(data: dict[str, Any]) -> None:
    written = simple_yaml.write(data)
    if written is not None:
        assert written == pyyaml_writes(data)


@settings(max_examples=1500, deadline=None)
@given(_texts)
def test_a_string_is_written_as_pyyaml_writes_it_as_a_key_a_value_and_a_list_item(text: str) -> None:
    for data in ({"key": text}, {text: "value"}, {"key": [text, "b"]}, {"key": {text: text}}):
        written = simple_yaml.write(data)
        if written is not None:
            assert written == pyyaml_writes(data)


WRITTEN = [
    {
        "date": dt.date(2026, 3, 4),
        "time": Quoted("18:00"),
        "title": "Café — chat on Women's History Month 😀",
        "space": "bluesky-edchat",
        "people": ["ana-boateng", "bo-li"],
        "tools": [],
        "growth": {"social": "Felt less alone", "cognitive": None},
        "minutes": 30,
        "private": True,
        "tags": ["back-to-school", Quoted("09:30")],
        "next": "Try it: exit tickets, 3rd period",
    },
    {"title": "a:b c#d [ish], {x}?", "note": " leading space", "other": "yes", "flow": ["a b", "it's"]},
    {"owner": "Ana Ruiz", "daily_minutes_goal": 20, "git": {"autocommit": False}},
    {"on": "a YAML 1.1 word as a key", "Null": ["No", "y", "n"]},
]
LEFT_TO_PYYAML = [
    {"title": "3rd period"},  # a digit first: YAML 1.1's resolvers decide
    {"title": "two\nlines"},
    {"ratio": 1.5},
    {"sessions": [dt.date(2026, 1, 2)]},  # a list of dates is a block list
    {"credit": {"hours": {"deep": 1}}},
    {"tab": "a\tb"},
    {},
]


@pytest.mark.parametrize("data", WRITTEN)
def test_the_common_shape_is_written_without_pyyaml_and_as_pyyaml_writes_it(data: dict[str, Any]) -> None:
    written = simple_yaml.write(data)
    assert written is not None
    assert written == pyyaml_writes(data)


@pytest.mark.parametrize("data", LEFT_TO_PYYAML)
def test_other_shapes_are_left_to_pyyaml(data: dict[str, Any]) -> None:
    assert simple_yaml.write(data) is None


def test_a_list_named_twice_is_left_to_pyyaml_which_writes_an_alias() -> None:
    shared = ["a", "b"]
    assert simple_yaml.write({"people": shared, "tools": shared}) is None
    assert "&id001" in pyyaml_writes({"people": shared, "tools": shared})
