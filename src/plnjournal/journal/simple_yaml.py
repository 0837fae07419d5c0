"""Front-matter of the common simple shape, read without YAML: a shortcut with the very same results.

Most front-matter, and all that pln writes for an entry, is one `key: value` a line: plain or
simply quoted scalars, flow lists of them (`tags: [a, b]`) and one level of mapping (`growth:`
with `  social: a note`). Read here it costs a small fraction of PyYAML's construction (even on
libyaml), which is most of a cold load of a big journal. `read` gives exactly what
`fileformat.parse_front_matter` gives, or None the moment a line is anything else (a comment, a
tab, a block scalar, an anchor, an escape, a duplicate key, a value that would need care): the
full YAML reader then takes the file, with its errors and their lines. Scalars resolve as there:
YAML 1.2 core booleans, decimal integers and nulls; all else is text.
"""

from __future__ import annotations

import re
from typing import Any

_KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
# `key:` then one space and the value (or nothing), trailing spaces dropped: group 1 the indent
_LINE = re.compile(rf"( *)({_KEY}):(?: +(.*?))? *")
# A plain scalar in block context: it starts with no indicator, and holds no ': ' or ' #' and
# does not end with ':' (each a mapping or a comment to YAML).
_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@` ](?:(?!: | #).)*(?<!:)")
# In a flow list the item may hold no ':', '#' or flow indicator at all.
_FLOW_PLAIN = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@` ][^:,\[\]{}#]*")
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"[^\"\\]*\"")
# What libyaml reads as printable, less the line breaks it adds (U+0085, U+2028, U+2029), the
# BOM and tabs (each the full reader's business): any other character means no shortcut.
_UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
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
    if _UNUSUAL.search(front):
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


def _value(text: str | None) -> Any:
    """One value: a scalar, a flow list of scalars, or None for nothing; else _NOT_SIMPLE."""
    if not text:
        return None
    if text[0] == "[" and text[-1] == "]":
        inner = text[1:-1]
        if not inner.strip(" "):
            return []
        items = [_scalar(item.strip(" "), _FLOW_PLAIN) for item in inner.split(",")]
        return _NOT_SIMPLE if _NOT_SIMPLE in items else items
    return _scalar(text, _PLAIN)


def _scalar(text: str, plain: re.Pattern[str]) -> Any:
    if not text:
        return _NOT_SIMPLE
    if text[0] in "'\"":
        if not _QUOTED.fullmatch(text):
            return _NOT_SIMPLE
        return text[1:-1].replace("''", "'") if text[0] == "'" else text[1:-1]
    if text in _WORDS:
        return _WORDS[text]
    if _INTEGER.fullmatch(text):
        return int(text)
    if text[0] == "-" or not plain.fullmatch(text):
        return _NOT_SIMPLE
    return text
