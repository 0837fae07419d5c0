"""The shortcut past YAML for simple front-matter: whatever it takes, it reads exactly as the YAML
reader does (values, their types, key lines); whatever it cannot be sure of, it leaves to YAML."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plnjournal.errors import FormatError
from plnjournal.journal import simple_yaml
from plnjournal.journal.fileformat import parse_front_matter, read_yaml


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
