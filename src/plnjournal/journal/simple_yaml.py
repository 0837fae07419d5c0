"""Front-matter of the common simple shape, read and written without YAML: a shortcut with the very
same results.

Most front-matter, and all that pln writes for an entry, is one `key: value` a line: plain or
simply quoted scalars, flow lists of them (`tags: [a, b]`) and one level of mapping (`growth:`
with `  social: a note`). Read here it costs a small fraction of PyYAML's construction (even on
libyaml), which is most of a cold load of a big journal. `read` gives exactly what
`fileformat.parse_front_matter` gives, or None the moment a line is anything else (a comment, a
tab, a block scalar, an anchor, an escape, a duplicate key, a value that would need care): the
full YAML reader then takes the file, with its errors and their lines. Scalars resolve as there:
YAML 1.2 core booleans, decimal integers and nulls; all else is text.

`write` gives the text yaml_dialect's dumper gives the same shape, byte for byte, or None for
anything it is not sure of (PyYAML then writes it): a write need not import PyYAML."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# `key:` then one space and the value (or nothing), trailing spaces dropped: group 1 the indent
# (greedy, the value's last character not a space: a lazy `.*?` tries every end, 50% slower)
_LINE = re.compile(rf"( *)({_KEY}):(?: +(.*[^ ]|))? *")
# A plain scalar in block context starts with none of these (each an indicator to YAML)...
_NOT_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# In a flow list the item may hold no ':', '#' or flow indicator at all.
_FLOW_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@` ][^:,\[\]{}#]*")
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"[^\"\\]*\"")
# What libyaml reads as printable, less the line breaks it adds (U+0085, U+2028, U+2029), the
# BOM and tabs (each the full reader's business): any other character means no shortcut. Compiled
# only for front-matter beyond ASCII: the class takes milliseconds to compile, more than `pln log`
# spends reading all else.
_UNUSUAL = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_INTEGER_FIRST = frozenset("+-0123456789")
_WORDS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("~", "null", "Null", "NULL"), None),
}
_NOT_SIMPLE = object()


def read(front: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]] | None:
    """(mapping, 1-based line of each top-level key) as the YAML reader gives them, or None."""
    if "\r" in front:
        if front.count("\r") != front.count("\r\n"):
            return None
        front = front.replace("\r\n", "\n")  # one line break, as libyaml reads it
    if _unusual(front):
        return None
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    children: dict[str, Any] | None = None  # the mapping being filled under a key left empty
    parent = indent = ""
    for number, text in enumerate(front.split("\n")):
        line = _LINE.fullmatch(text)
        if line is None:
            if text.strip(" "):
                return None
            continue
        space, key, value = line.groups()
        if key in _WORDS:
            return None
        if space:
            if children is None or (indent and space != indent) or key in children:
                return None
            indent = space
            children[key] = _value(value)
            if children[key] is _NOT_SIMPLE:
                return None
            continue
        if key in data:
            return None
        if children:
            data[parent] = children
        children = {} if value is None else None
        parent, indent = key, ""
        found = _value(value)
        if found is _NOT_SIMPLE:
            return None
        data[key] = found
        lines[key] = first_line + number
    if children:
        data[parent] = children
    return (data, lines) if data else None


def _unusual(front: str) -> bool:
    """Whether `front` holds a character outside _UNUSUAL's class. ASCII's printable characters
    are exactly those str.isprintable() accepts, so most front-matter needs no pattern."""
    if front.isascii():
        return not front.replace("\n", "").isprintable()
    return _compiled(_UNUSUAL).search(front) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled the first time it is needed (the Unicode classes take milliseconds)."""
    return re.compile(pattern)


def _read_plain(text: str) -> bool:
    """...and holds no ': ' or ' #' and does not end with ':' (each a mapping or a comment)."""
    return text[0] not in _NOT_PLAIN_FIRST and ": " not in text and " #" not in text and text[-1] != ":"


def _read_flow_plain(text: str) -> bool:
    return _FLOW_PLAIN.fullmatch(text) is not None


def _value(text: str | None) -> Any:
    """One value: a scalar, a flow list of scalars, or None for nothing; else _NOT_SIMPLE."""
    if not text:
        return None
    if text[0] == "[" and text[-1] == "]":
        inner = text[1:-1]
        if not inner.strip(" "):
            return []
        items = [_scalar(item.strip(" "), _read_flow_plain) for item in inner.split(",")]
        return _NOT_SIMPLE if _NOT_SIMPLE in items else items
    return _scalar(text, _read_plain)


def _scalar(text: str, plain: Callable[[str], bool]) -> Any:
    if not text:
        return _NOT_SIMPLE
    if text[0] in "'\"":
        if not _QUOTED.fullmatch(text):
            return _NOT_SIMPLE
        return text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
    if text in _WORDS:
        return _WORDS[text]
    if text[0] in _INTEGER_FIRST and _INTEGER.fullmatch(text):
        return int(text)
    if text[0] == "-" or not plain(text):
        return _NOT_SIMPLE
    return text


# Writing: the text PyYAML's dumper (yaml_dialect.Dumper) gives the common shape, without PyYAML,
# which `pln log` and every other write would import for it (some 13 ms, an eighth of a log).


class Quoted(str):
    """A string always written in quotes (times: `'09:30'` reads the same in every YAML)."""


# What a YAML 1.1 reader resolves to something else when it stands alone (PyYAML's resolvers keyed
# by a letter: booleans and nulls); a string starting with one of _RESOLVED_FIRST is left to PyYAML.
_YAML_11_WORDS = frozenset(
    word
    for stem in ("yes", "no", "true", "false", "on", "off", "null")
    for word in (stem, stem.capitalize(), stem.upper())
)
_RESOLVED_FIRST = "-+0123456789.<=~"
# Characters PyYAML's emitter (allow_unicode) writes literally in a plain or quoted scalar, line
# breaks aside (compiled only for text beyond ASCII, as _UNUSUAL is).
_WRITTEN_AS_IS = "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe]*"
_LEADING = set("#,[]{}&*!|>'\"%@`")
_FLOW_INSIDE = set(",?[]{}")
_LONGEST_SIMPLE_KEY = 127  # a longer key PyYAML writes as a complex key (`? key`)


def write(data: dict[str, Any]) -> str | None:
    """`data` as yaml_dialect.dump_front_matter writes it, or None when its shape or a value is
    one this writer leaves to PyYAML (floats, nested mappings, block lists, several lines, a
    string starting with a digit or sign, an object named twice...)."""
    if not data or type(data) is not dict:
        return None
    lines: list[str] = []
    seen: set[int] = set()
    for key, value in data.items():
        written_key = _key(key)
        if written_key is None:
            return None
        if type(value) is dict:
            if not value or id(value) in seen:
                return None
            seen.add(id(value))
            lines.append(f"{written_key}:")
            for inner_key, inner in value.items():
                line = _pair(_key(inner_key), inner, seen)
                if line is None:
                    return None
                lines.append(f"  {line}")
            continue
        line = _pair(written_key, value, seen)
        if line is None:
            return None
        lines.append(line)
    return "\n".join(lines) + "\n"


def _key(key: Any) -> str | None:
    if type(key) is not str or len(key) > _LONGEST_SIMPLE_KEY:
        return None
    return _scalar_text(key, flow=False)


def _pair(key: str | None, value: Any, seen: set[int]) -> str | None:
    if key is None:
        return None
    if type(value) in (list, tuple):
        if id(value) in seen:
            return None
        seen.add(id(value))
        items = [_flow_item(item) for item in value]
        return None if None in items else f"{key}: [{', '.join(items)}]"  # type: ignore[arg-type]
    written = _value_text(value, flow=False)
    return None if written is None else f"{key}: {written}"


def _flow_item(item: Any) -> str | None:
    if type(item) not in (str, Quoted, int, bool) and item is not None:
        return None  # a date or a mapping makes PyYAML write the list as a block
    return _value_text(item, flow=True)


def _value_text(value: Any, *, flow: bool) -> str | None:
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return str(value)
    if kind is dt.date:
        return value.isoformat()
    if kind is Quoted:
        return _single_quoted(value)
    if kind is str:
        return _scalar_text(value, flow=flow)
    return None


def _scalar_text(text: str, *, flow: bool) -> str | None:
    """A string as PyYAML's emitter writes it: plain when a reader would take it back as this
    string, else in single quotes; None for what needs double quotes or more thought."""
    if not text or text[0] in _RESOLVED_FIRST or not _as_is(text):
        return None
    if text not in _YAML_11_WORDS and _written_plain(text, flow=flow):
        return text
    return _single_quoted(text)


def _single_quoted(text: str) -> str | None:
    if not text or not _as_is(text):
        return None
    return "'" + text.replace("'", "''") + "'"


def _as_is(text: str) -> bool:
    """Whether every character of `text` is one PyYAML writes literally (_WRITTEN_AS_IS)."""
    if text.isascii():
        return text.isprintable()
    return _compiled(_WRITTEN_AS_IS).fullmatch(text) is not None


def _written_plain(text: str, *, flow: bool) -> bool:
    """PyYAML's analysis of a one-line scalar of printable characters (Emitter.analyze_scalar):
    no space at either end, no indicator where it would start something."""
    if text[0] == " " or text[-1] == " " or text[0] in _LEADING:
        return False
    if text[0] in "?:" and (flow or len(text) == 1 or text[1] == " "):
        return False
    for index in range(1, len(text)):
        char = text[index]
        if char == ":" and (flow or index + 1 == len(text) or text[index + 1] == " "):
            return False
        if char == "#" and text[index - 1] == " ":
            return False
        if flow and char in _FLOW_INSIDE:
            return False
    return True
