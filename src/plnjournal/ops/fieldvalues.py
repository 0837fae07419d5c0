"""Typed text -> a record's field values, for `pln set`: one changer per field shape.

A changer gets the request (the record, the key, `+=`/`-=`/`=`/unset and the text) and the current
value, and returns the new value, or raises a UsageError (a bad value) or PlnError (an unknown
reference) that names the assignment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from plnjournal.errors import FormatError, PlnError, UsageError
from plnjournal.frozen import frozen
from plnjournal.journal.refs import REFERRING_KEYS
from plnjournal.journal.schema import BadValue, to_flag, to_minutes, to_time
from plnjournal.journal.vocabulary import bad_choice_message
from plnjournal.model import DIMENSIONS, VOCABULARIES

if TYPE_CHECKING:
    from plnjournal.journal.refs import Index
    from plnjournal.model import Record

Op = Literal["=", "+=", "-=", "unset"]


@frozen
class Assignment:
    """One change asked for: `key` (maybe `growth.cognitive`), how, and the value as typed."""

    key: str
    op: Op
    value: str = ""

    def __str__(self) -> str:
        return f"--unset {self.key}" if self.op == "unset" else f"{self.key}{self.op}{self.value}"


@frozen
class Request:
    """One assignment against one record, with what resolving its references needs."""

    record: Record
    key: str
    part: str  # after the dot: `growth.cognitive` -> 'cognitive'
    assignment: Assignment
    index: Index

    @property
    def op(self) -> Op:
        return self.assignment.op

    @property
    def value(self) -> str:
        return self.assignment.value

    def refuse(self, why: str) -> UsageError:
        return UsageError(f"{self.assignment}: {why}")


Changer = Callable[[Request, Any], Any]


def split(text: str) -> list[str]:
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def _item(request: Request, text: str) -> str:
    """One typed item: a reference resolved to its id, a vocabulary value checked."""
    kind = REFERRING_KEYS.get(type(request.record), {}).get(request.key)
    if kind is not None:
        return request.index.require(kind, text)
    choices = VOCABULARIES.get((request.record.kind, request.key))
    if choices is not None and text not in choices:
        raise UsageError(bad_choice_message(request.key, text, choices))
    return text


def _scalar_only(request: Request) -> None:
    if request.op in ("+=", "-="):
        raise request.refuse(f"{request.key} holds one value; use {request.key}=VALUE")
    if request.part:
        raise request.refuse(f"{request.key} has no parts")


def text(request: Request, current: str | None) -> str | None:
    _scalar_only(request)
    if request.op == "unset" or not request.value:
        return None
    if request.key == "time":
        return _read(request, to_time)
    return _item(request, request.value)


def required_text(request: Request, current: str) -> str:
    _scalar_only(request)
    if request.op == "unset" or not request.value:
        raise request.refuse(f"every {request.record.kind} has a {request.key}; it cannot be removed")
    return request.value


def date(request: Request, current: Any) -> Any:
    from plnjournal.dates import parse_date

    _scalar_only(request)
    if request.op == "unset" or not request.value:
        if request.key == "date":
            raise request.refuse(f"every {request.record.kind} has a date; it cannot be removed")
        return None
    return parse_date(request.value, option=request.key)


def minutes(request: Request, current: int | None) -> int | None:
    _scalar_only(request)
    if request.op == "unset" or not request.value:
        return None
    return _read(request, to_minutes)


def hours(request: Request, current: int | None) -> int | None:
    """`hours=1.5` (or `1h30`, `90 min`): written as minutes."""
    from plnjournal.durations import DurationError, parse_duration

    _scalar_only(request)
    if request.op == "unset" or not request.value:
        return None
    try:
        return parse_duration(request.value, "hours")
    except DurationError as bad:
        raise UsageError(f"hours: {bad}") from None


def flag(request: Request, current: bool) -> bool:
    _scalar_only(request)
    return False if request.op == "unset" else _read(request, to_flag)


def _read(request: Request, convert: Callable[[Any], Any]) -> Any:
    try:
        return convert(request.value)
    except BadValue as bad:
        raise UsageError(f"{request.key}: {bad}") from None


def texts(request: Request, current: tuple[str, ...]) -> tuple[str, ...]:
    """A list: `=` replaces it, `+=` adds (once), `-=` takes away what is there (else an error)."""
    if request.part:
        raise request.refuse(f"{request.key} has no parts")
    if request.op == "unset":
        return ()
    if request.op == "-=":
        return _without(request, current, split(request.value))
    items = [_item(request, part) for part in split(request.value)]
    kept = list(current) if request.op == "+=" else []
    return tuple(dict.fromkeys([*kept, *items]))


def _without(request: Request, current: tuple[str, ...], parts: list[str]) -> tuple[str, ...]:
    """The list without `parts` (compared by id for references, else in any case)."""
    kind = REFERRING_KEYS.get(type(request.record), {}).get(request.key)

    def written(item: str) -> str:
        return request.index.canonical(kind, item) if kind else item.casefold()

    def typed(part: str) -> str:
        if kind is None:
            return part.casefold()
        try:
            return request.index.require(kind, part)
        except PlnError:
            return part  # a reference that names nothing, as a file may hold it

    have = {written(item) for item in current}
    gone = [typed(part) for part in parts]
    missing = [part for part, key in zip(parts, gone, strict=True) if key not in have]
    if missing:
        raise PlnError(f"{request.assignment}: {missing[0]!r} is not in {request.key}")
    return tuple(item for item in current if written(item) not in gone)


def growth(request: Request, current: dict[str, str | None]) -> dict[str, str | None]:
    """`growth=cognitive,social`, `growth+=social`, `growth-=social`, `growth.social=NOTE`."""
    if request.part:
        dim = _dimension(request.part)
        result = dict(current)
        if request.op == "unset":
            result.pop(dim, None)
        elif request.op == "=":
            result[dim] = request.value or None
        else:
            raise request.refuse(f"a growth note is one text; use growth.{dim}=NOTE")
        return result
    if request.op == "unset":
        return {}
    dims = [_dimension(part) for part in split(request.value)]
    if request.op == "-=":
        missing = [dim for dim in dims if dim not in current]
        if missing:
            raise PlnError(f"{request.assignment}: {missing[0]!r} is not in growth")
        return {dim: note for dim, note in current.items() if dim not in dims}
    result = dict(current) if request.op == "+=" else {}
    for dim in dims:
        result.setdefault(dim, current.get(dim))
    return result


def _dimension(text: str) -> str:
    dim = text.strip().lower()
    if dim not in DIMENSIONS:
        raise UsageError(bad_choice_message("growth", dim, DIMENSIONS))
    return dim


def mapping(request: Request, current: dict[str, str]) -> dict[str, str]:
    """`handles.bluesky=@jdoe`, `--unset handles.bluesky`, `handles+=bluesky=@jdoe`, `handles-=bluesky`."""
    result = dict(current)
    if request.part:
        if request.op == "unset" or (request.op == "=" and not request.value):
            result.pop(request.part, None)
        elif request.op == "=":
            result[request.part] = request.value
        else:
            raise request.refuse(f"use {request.key}.{request.part}=VALUE")
        return result
    if request.op == "unset":
        return {}
    if request.op == "-=":
        for name in split(request.value):
            if name not in result:
                raise PlnError(f"{request.assignment}: {name!r} is not in {request.key}")
            del result[name]
        return result
    if request.op == "=":
        result = {}
    for pair in split(request.value):
        name, sep, value = pair.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise request.refuse(f"{pair!r} is not NAME=VALUE (e.g. bluesky=@jdoe.bsky.social)")
        result[name.strip()] = value.strip()
    return result


def checked(request: Request, current: dict[str, Any]) -> dict[str, Any]:
    """A mapping the file format checks itself (`credit`, `approved`): `credit=workshop` and
    `credit.units=2` alike, then read as the file would read it."""
    from plnjournal.journal.schema import SPECIAL_CONVERTERS

    whole = request.op == "=" and not request.part and "=" not in request.value
    value: Any = (request.value or None) if whole else mapping(request, current)
    try:
        return SPECIAL_CONVERTERS[request.key](value or None)
    except BadValue as bad:
        raise UsageError(f"{request.assignment}: {bad}") from None


SHAPED_BY_TYPE = ("time", "tags", "vetted")  # special readers of plain values: changed by their shape


def changer_for(request: Request, shape: str) -> Changer:
    """The changer for a field: its key's own (`time`, `credit`...), else its shape's, else text read
    by the file format's converter."""
    from plnjournal.journal.schema import CONVERTERS, SPECIAL_CONVERTERS

    if request.key in SPECIAL_CONVERTERS and request.key not in SHAPED_BY_TYPE:
        return checked
    if shape in CHANGERS:
        return CHANGERS[shape]
    convert = CONVERTERS.get(shape, lambda value: value)

    def read(request: Request, current: Any) -> Any:
        _scalar_only(request)
        return None if request.op == "unset" or not request.value else _read(request, convert)

    return read


def extra_value(text: str) -> Any:
    """A value for a key pln does not know, read as a file would read it: true/false, whole
    numbers, else the text."""
    from plnjournal.journal.fileformat import parse_front_matter

    try:
        data, _ = parse_front_matter(f"value: {text}", 1)
    except FormatError:  # what YAML will not read as one value stays text
        return text
    value = data.get("value")
    return value if isinstance(value, (bool, int, str)) else text


CHANGERS: dict[str, Changer] = {
    "str": required_text,
    "str | None": text,
    "tuple[str, ...]": texts,
    "dt.date": date,
    "dt.date | None": date,
    "int | None": minutes,
    "hours": hours,
    "bool": flag,
    "dict[str, str]": mapping,
    "dict[str, str | None]": growth,
}
