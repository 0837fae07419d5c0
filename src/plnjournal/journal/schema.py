"""Front-matter <-> records: each key's type, read leniently and written strictly, in DESIGN order.

Reading accepts a single value where a list is expected and text where a number was written; a
value that cannot be used is reported as a Problem and kept in `extra`, so rewriting the file never
drops it. Writing omits empty keys and puts unknown keys after the known ones, in their own order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

from plnjournal.durations import DurationError, parse_duration
from plnjournal.model import BASE_ATTRIBUTES, Entry, Record, field_key
from plnjournal.problems import Problem, error
from plnjournal.values import tags

TIME_PATTERN = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")
_TRUE = {"true", "yes", "y", "on"}
_FALSE = {"false", "no", "n", "off", ""}


class BadValue(ValueError):
    """A value of the wrong shape; `code` names the kind of problem for `pln check`."""

    def __init__(self, message: str, code: str = "bad-value") -> None:
        super().__init__(message)
        self.code = code


def to_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise BadValue(f"expected text, found a {_shape(value)}")


def to_texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(text for text in map(to_text, items) if text is not None and text != "")


def to_tags(value: Any) -> tuple[str, ...]:
    """Tags as `--tag` reads them: `tags: edchat, grading` is two tags, `["#edchat"]` is `edchat`."""
    return tags(to_texts(value))


def to_date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = to_text(value) or ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise BadValue(f"{text!r} is not a date (YYYY-MM-DD)", "bad-date")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadValue(f"{text!r} is not a real date", "bad-date") from None


def to_dates(value: Any) -> tuple[dt.date, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(date for date in map(to_date, items) if date is not None)


def to_time(value: Any) -> str | None:
    text = to_text(value)
    if text is None:
        return None
    if not TIME_PATTERN.match(text):
        raise BadValue(f"{text!r} is not a time (HH:MM, 24-hour)", "bad-time")
    return text


def to_minutes(value: Any) -> int | None:
    """Minutes as teachers write them (`90`, `1h30`, `1.5 hours`, `1:30`): see `plnjournal.durations`."""
    if value is None:
        return None
    try:
        return parse_duration(value, "minutes")
    except DurationError as bad:
        raise BadValue(str(bad), "bad-duration") from None


def to_vetted(value: Any) -> str | None:
    """`vetted: yes|no|mixed`; true and false read as yes and no (YAML 1.1 habits)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = to_text(value)
    return (
        None
        if text is None
        else {"true": "yes", "false": "no"}.get(text.strip().lower(), text.strip().lower())
    )


def to_flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = (to_text(value) or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise BadValue(f"expected true or false, found {value!r}")


def to_mapping(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadValue(f"expected a mapping (key: value), found a {_shape(value)}")
    return {str(key): to_text(item) or "" for key, item in value.items()}


def to_date_mapping(value: Any) -> dict[str, dt.date]:
    """A map of text to dates (a reflection's `applied_on`: intention -> the day it was done)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadValue(f"expected a mapping (key: date), found a {_shape(value)}")
    return {str(key): day for key, item in value.items() if (day := to_date(item)) is not None}


def to_growth(value: Any) -> dict[str, str | None]:
    """Growth as a list of dimensions, one dimension, or a map of dimension to note."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return {str(key).strip().lower(): to_text(note) for key, note in value.items()}
    return {dim.strip().lower(): None for dim in to_texts(value)}


def to_units(value: Any) -> int | float | None:
    """A number of credit units (`45`, `1.5`): YAML here reads `1.5` as text, so text is parsed."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise BadValue(f"expected a number of units, found {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise BadValue(f"expected a number of units, found {value!r}") from None
    if not number >= 0 or number == float("inf"):
        raise BadValue(f"units must be a number 0 or more, found {value!r}")
    return int(number) if number.is_integer() else number


def to_credit(value: Any) -> dict[str, Any]:
    """`credit: CATEGORY`, or `credit: {category: CATEGORY, units: N}` to set the units by hand."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        category = to_text(value)
        return {"category": category.strip().lower()} if category and category.strip() else {}
    unknown = sorted(str(key) for key in value if key not in ("category", "units"))
    if unknown:
        raise BadValue(f"a credit has a category and units, not {', '.join(unknown)}")
    category = (to_text(value.get("category")) or "").strip().lower()
    if not category:
        raise BadValue("a credit needs a category (the pack's category id)")
    units = to_units(value.get("units"))
    return {"category": category} if units is None else {"category": category, "units": units}


def to_approval(value: Any) -> dict[str, str]:
    """`approved: {by: WHO, on: DATE}` (or a date alone): who approved the credit, and when."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        return {"on": _iso(to_date(value))}
    unknown = sorted(str(key) for key in value if key not in ("by", "on"))
    if unknown:
        raise BadValue(f"an approval has 'by' and 'on', not {', '.join(unknown)}")
    approval = {"by": to_text(value.get("by")), "on": _iso(to_date(value.get("on")))}
    return {key: item for key, item in approval.items() if item}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def credit_for_writing(credit: dict[str, Any]) -> str | dict[str, Any]:
    """A lone category as plain text; with units, the mapping."""
    return credit["category"] if set(credit) == {"category"} else dict(credit)


def _shape(value: Any) -> str:
    return {list: "list", dict: "mapping"}.get(type(value), type(value).__name__)


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "str": to_text,
    "str | None": to_text,
    "tuple[str, ...]": to_texts,
    "dt.date": to_date,
    "dt.date | None": to_date,
    "tuple[dt.date, ...]": to_dates,
    "int | None": to_minutes,
    "bool": to_flag,
    "dict[str, str]": to_mapping,
    "dict[str, dt.date]": to_date_mapping,
    "dict[str, str | None]": to_growth,
}
SPECIAL_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "time": to_time,
    "credit": to_credit,
    "approved": to_approval,
    "vetted": to_vetted,
    "tags": to_tags,
}
REQUIRED: dict[str, str] = {
    "person": "name",
    "space": "name",
    "tool": "name",
    "goal": "name",
    "entry": "date",
    "reflection": "date",
}


def _record_fields(cls: type[Record]) -> list[tuple[str, str, Callable[[Any], Any]]]:
    """(attribute, key, converter) for each front-matter field of a record type."""
    return [
        (f.name, field_key(f.name), SPECIAL_CONVERTERS.get(f.name) or CONVERTERS[str(f.type)])
        for f in fields(cls)
        if f.name not in BASE_ATTRIBUTES
    ]


_FIELDS = {cls: _record_fields(cls) for cls in Record.__subclasses__()}
_KEYS = {cls: frozenset(key for _, key, _ in found) for cls, found in _FIELDS.items()}


def build_record(
    cls: type[Record],
    data: dict[str, Any],
    *,
    record_id: str,
    path: str,
    body: str,
    lines: dict[str, int],
    newline: str = "\n",
    bom: bool = False,
) -> tuple[Record | None, list[Problem]]:
    """A record from a front-matter mapping; None when a required key is missing or unusable."""
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    failed: set[str] = set()
    for attribute, key, convert in _FIELDS[cls]:
        if key not in data:
            continue
        try:
            values[attribute] = convert(data[key])
        except BadValue as bad:
            failed.add(key)
            problems.append(error(path, lines.get(key), bad.code, f"{key}: {bad}"))
    known = _KEYS[cls]
    extra = {key: value for key, value in data.items() if key not in known or key in failed}
    required = REQUIRED[cls.kind]
    if values.get(required) in (None, ""):
        if required not in failed:
            article = "an" if cls.kind[0] in "aeiou" else "a"
            problems.append(error(path, 1, "missing-key", f"{article} {cls.kind} needs a '{required}'"))
        return None, problems
    record = cls(
        id=record_id,
        path=path,
        body=body,
        extra=extra,
        lines=lines,
        newline=newline,
        bom=bom,
        **values,
    )
    return record, problems


def front_matter(record: Record) -> dict[str, Any]:
    """The front-matter of a record, in DESIGN's key order, without empty keys."""
    from plnjournal.journal.simple_yaml import Quoted

    data: dict[str, Any] = {}
    for attribute, key, _ in _FIELDS[type(record)]:
        if key in record.extra:
            continue  # an unusable value kept as the user wrote it
        value = getattr(record, attribute)
        if key == "growth":
            value = growth_for_writing(value)
        elif key == "time" and value:
            value = Quoted(value)
        elif key == "credit" and value:
            value = credit_for_writing(value)
        elif key == "approved" and value:
            value = {k: dt.date.fromisoformat(v) if k == "on" else v for k, v in value.items()}
        if _is_empty(value) or (key == "private" and value is False):
            continue
        data[key] = list(value) if isinstance(value, tuple) else value
    for key, value in record.extra.items():
        data[key] = value
    return data


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple, dict)) and not value)


def growth_for_writing(growth: dict[str, str | None]) -> list[str] | dict[str, str | None]:
    """A list when no dimension has a note, else a map, in the order the user gave them."""
    if all(note is None for note in growth.values()):
        return list(growth)
    return dict(growth)


def as_json(record: Record) -> dict[str, Any]:
    """A record as JSON-ready data: id, path, every front-matter key (ISO dates), growth as a map.

    (Plain values are kept without a call per value: `pln list entries --format json` at 50k
    entries makes 1.3M of them.)"""
    keys, values_of = _JSON_FIELDS[type(record)]
    entry = isinstance(record, Entry)
    data: dict[str, Any] = {"id": record.id, "path": record.path}
    for key, value in zip(keys, values_of(record), strict=True):
        if type(value) in _AS_IS:
            data[key] = value
        else:  # an entry's maps are set below (here only their place among the keys)
            data[key] = None if entry and key in _ENTRY_MAPS else _jsonable(value)
    for key, value in record.extra.items():
        data.setdefault(key, _jsonable(value))
    if entry:
        data["growth"] = dict(record.growth)
        data["credit"] = dict(record.credit) or None
        data["approved"] = dict(record.approved) or None
    return data


_AS_IS = frozenset({str, int, float, bool, type(None)})  # exactly these types: JSON as they are
_ENTRY_MAPS = frozenset({"growth", "credit", "approved"})


def _values_getter(attributes: list[str]) -> Callable[[Record], tuple[Any, ...]]:
    """The attributes' values as one tuple, read in C (attrgetter gives a bare value for one)."""
    get = attrgetter(*attributes)
    return get if len(attributes) > 1 else lambda record: (get(record),)


# each record type's front-matter keys, and a getter of its attributes' values, in that order
_JSON_FIELDS = {
    cls: (tuple(key for _, key, _ in known), _values_getter([attribute for attribute, _, _ in known]))
    for cls, known in _FIELDS.items()
}


def _jsonable(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [item if type(item) in _AS_IS else _jsonable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    return value
