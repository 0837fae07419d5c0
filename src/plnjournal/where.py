"""`--where KEY=VALUE`: conditions on any front-matter key, known to pln or not (a district's
`course:` or `standard:`). Pure: a condition parsed from its text, then held against records.

`KEY=VALUE` and `KEY!=VALUE` compare whole values (any item of a list; a growth dimension's name;
text without regard to case); `KEY~TEXT` finds TEXT inside the value; `KEY>N` and `KEY<N` compare
numbers, or dates when N is a date (`observed_on>2026-01-01`). A record without the key fails
every condition but `!=`. Keys typed in pln.yaml (`fields: {credits: number}`) compare as typed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from plnjournal.errors import UsageError
from plnjournal.frozen import frozen
from plnjournal.model import BASE_ATTRIBUTES, Record

OPERATORS = ("!=", "=", "~", ">", "<")
FIELD_TYPES = ("text", "number", "date")
_CONDITION = re.compile(r"\s*([A-Za-z_][\w-]*)\s*(!=|=|~|>|<)(.*)", re.S)
HELP = "KEY=VALUE, KEY!=VALUE, KEY~TEXT, KEY>N or KEY<N"


@frozen
class Condition:
    """One --where test: KEY, an operator, a value."""

    key: str
    operator: str
    value: str

    def __str__(self) -> str:
        return f"{self.key}{self.operator}{self.value}"


def parse_conditions(texts: Iterable[str]) -> tuple[Condition, ...]:
    return tuple(parse_condition(text) for text in texts)


def parse_condition(text: str) -> Condition:
    """One `--where` condition; a UsageError naming it when it is not one."""
    match = _CONDITION.fullmatch(text)
    if not match:
        raise UsageError(f"--where {text!r}: write {HELP}")
    key, operator, value = match[1], match[2], match[3].strip()
    if operator in "<>" and _number(value) is None and _date(value) is None:
        raise UsageError(f"--where {text!r}: {operator} compares numbers or dates, and {value!r} is neither")
    return Condition(key, operator, value)


def value_of(record: Record, key: str) -> Any:
    """The value of front-matter `key` in a record (None when it has none)."""
    if key in record.extra:
        return record.extra[key]
    attribute = "kind_" if key == "kind" else key.replace("-", "_")
    if attribute in BASE_ATTRIBUTES and key != "id":
        return None  # path, body, lines...: not front matter
    return getattr(record, attribute, None)


def holds(record: Record, condition: Condition, types: Mapping[str, str] | None = None) -> bool:
    value = value_of(record, condition.key)
    kind = (types or {}).get(condition.key)
    if condition.operator == "!=":
        return not _equals(value, condition.value, kind)
    if value is None or value == () or value == {}:
        return False
    if condition.operator == "=":
        return _equals(value, condition.value, kind)
    if condition.operator == "~":
        needle = condition.value.casefold()
        return any(needle in _text(item).casefold() for item in _items(value))
    return any(_compares(item, condition.operator, condition.value) for item in _items(value))


def all_hold(record: Record, conditions: Iterable[Condition], types: Mapping[str, str] | None = None) -> bool:
    return all(holds(record, condition, types) for condition in conditions)


def _items(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return list(value)  # growth: its dimensions; handles: the services
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def _equals(value: Any, wanted: str, kind: str | None) -> bool:
    if value is None:
        return wanted == ""
    for item in _items(value):
        if kind == "number" or (
            kind is None and isinstance(item, (int, float)) and not isinstance(item, bool)
        ):
            if _number(_text(item)) is not None and _number(_text(item)) == _number(wanted):
                return True
        elif kind == "date" or isinstance(item, dt.date):
            if _date(_text(item)) is not None and _date(_text(item)) == _date(wanted):
                return True
        elif _text(item).casefold() == wanted.casefold():
            return True
    return False


def _compares(item: Any, operator: str, wanted: str) -> bool:
    left, right = _number(_text(item)), _number(wanted)
    if left is None or right is None:
        left, right = _date(_text(item)), _date(wanted)
    if left is None or right is None:
        return False
    return left > right if operator == ">" else left < right


def _text(item: Any) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, dt.date):
        return item.isoformat()
    return "" if item is None else str(item)


def _number(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10]) if len(text.strip()) == 10 else None
    except ValueError:
        return None
