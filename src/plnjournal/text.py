"""Text from files made safe for a terminal: control characters and bidirectional overrides are
shown as visible escapes, so no file can move the cursor, recolour or reorder the screen."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\t")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text safe to print, keeping its line breaks and tabs."""
    return _UNSAFE.sub(_visible, text)


def clean_cell(value: object) -> str:
    """A table cell: safe, on one line; lists joined with commas, None empty."""
    if type(value) is str and value.isprintable():  # no control, format or line-break character
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(clean_cell(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(k if v is None else f"{k}: {v}" for k, v in map(_pair, value.items()))
    return _LINE_BREAKS.sub(" ", clean(str(value)))


def _pair(item: tuple[object, object]) -> tuple[str, str | None]:
    key, value = item
    return clean_cell(key), None if value is None else clean_cell(value)


def one_line(text: str) -> str:
    """Text for one line of a file (a graph label, a list item): control and format characters
    become spaces, and every run of spaces one space."""
    visible = "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text)
    return " ".join(visible.split())


def count(number: int, word: str, plural: str | None = None) -> str:
    """'1 entry', '3 entries', '1 week', '2 weeks' (the one plural rule of pln's messages)."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def days_ago(number: int) -> str:
    """0 -> 'today', 1 -> 'yesterday', else 'N days ago'."""
    return {0: "today", 1: "yesterday"}.get(number, f"{number} days ago")


def percent(fraction: float) -> str:
    """0.281 -> '28%'."""
    return f"{round(fraction * 100)}%"
