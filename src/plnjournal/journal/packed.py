"""Records as plain tuples: what the cache keeps and what parallel parsers send back.

A parsed file packs to `(fields, problems)`: `fields` is the record's attribute values in
dataclass order (dates as ISO text, so `marshal` can write them) or None when the file gave no
record; `problems` is a tuple of Problem tuples. Packing is lossless: `unpack(pack(r)) == r`,
including `lines`, `newline` and `bom`, so a cached record is the very record a parse gives.
"""

from __future__ import annotations

import datetime as dt
import marshal
import sys
from collections.abc import Callable
from dataclasses import fields
from functools import cache
from typing import Any

from plnjournal.model import RECORD_TYPES, Record
from plnjournal.problems import Problem

Packed = tuple[tuple[Any, ...] | None, tuple[tuple[Any, ...], ...]]

_NAMES = {kind: tuple(f.name for f in fields(cls)) for kind, cls in RECORD_TYPES.items()}


def _typed(cls: type[Record], annotation: str) -> tuple[int, ...]:
    return tuple(index for index, f in enumerate(fields(cls)) if str(f.type) == annotation)


_DATES = {
    kind: tuple(index for index, f in enumerate(fields(cls)) if str(f.type) in ("dt.date", "dt.date | None"))
    for kind, cls in RECORD_TYPES.items()
}
# Fields holding several dates (a space's `sessions`, a reflection's `applied_on` by idea): kept as
# ISO text too, or such a file could never be kept and was parsed on every command.
_DATE_TUPLES = {kind: _typed(cls, "tuple[dt.date, ...]") for kind, cls in RECORD_TYPES.items()}
_DATE_MAPS = {kind: _typed(cls, "dict[str, dt.date]") for kind, cls in RECORD_TYPES.items()}


def _slot_setter(cls: type[Record], name: str) -> Callable[[Any, Any], None]:
    owner = next(klass for klass in cls.__mro__ if name in vars(klass))
    return vars(owner)[name].__set__


# The slots' own setters: filling a record through them skips the frozen dataclass __init__ and
# __setattr__, which makes a warm load of 50k entries several times faster (every field is set,
# so the record equals the one `__init__` would make).
_SETTERS = {
    kind: tuple(_slot_setter(cls, name) for name in _NAMES[kind]) for kind, cls in RECORD_TYPES.items()
}

# The fields of an entry that the reports (`pln report`) and `pln status` read: the index keeps
# them apart, as the entry's *head*, so those commands skip unmarshalling bodies and rare keys
# and set a third of the slots. A head entry's other slots are left unset, so code that reads one
# fails loudly (AttributeError) rather than seeing an empty value.
HEAD_FIELDS = (
    *("id", "path", "lines", "date", "time", "title", "space", "people", "tools", "growth"),
    *("engagement", "minutes", "goal", "tags", "next", "applied", "applied_on", "dropped"),
    *("impact", "private"),
)
_HEAD = tuple(_NAMES["entry"].index(name) for name in HEAD_FIELDS)


Unpack = Callable[[Packed], tuple[Record | None, list[Problem]]]


def _unpacker(kind: str, chosen: tuple[int, ...], *, ready: bool = False) -> Unpack:
    """A function that unpacks a record of `kind` from the packed values of the fields `chosen`
    (`ready`: values already as the record holds them, dates as dates, as columns.py gives them).

    It is written out field by field and compiled once (as `dataclasses` writes `__init__`): one
    slot setter called per field, dates read from ISO text, `lines` shared, with no loop, list,
    zip or further call per record, which halves the cost of a warm load's 50k entries. Values
    of the wrong number or type raise ValueError or TypeError, as a damaged row's caller expects."""
    names = [_NAMES[kind][index] for index in chosen]
    values = [f"v{place}" for place in range(len(names))]
    source = [
        "def unpack(packed):",
        "    values, problems = packed",
        "    found = [problem_of(*problem) for problem in problems] if problems else []",
        "    if values is None:",
        "        return None, found",
        f"    ({', '.join(values)},) = values",
        "    record = new(cls)",
    ]
    for place, (index, name) in enumerate(zip(chosen, names, strict=True)):
        value = values[place]
        if not ready and index in _DATES[kind]:
            value = f"None if {value} is None else from_iso({value})"
        elif not ready and index in _DATE_TUPLES[kind]:
            value = f"tuple(map(from_iso, {value}))"
        elif not ready and index in _DATE_MAPS[kind]:
            value = f"{{key: from_iso(day) for key, day in {value}.items()}}"
        elif not ready and name == "lines":  # anything but a dict is kept as it is
            value = f"shared(tuple({value}.items()), {value}) if type({value}) is dict else {value}"
        source.append(f"    set{place}(record, {value})")
    source.append("    return record, found")
    scope: dict[str, Any] = {f"set{place}": _SETTERS[kind][index] for place, index in enumerate(chosen)}
    scope |= {"new": object.__new__, "cls": RECORD_TYPES[kind], "from_iso": dt.date.fromisoformat}
    scope |= {"shared": _SHARED_LINES.setdefault, "problem_of": Problem}
    exec("\n".join(source), scope)  # our own text, made of the record's field names
    return scope["unpack"]


# Records written from one template have the same `lines` ({key: line number}): unpacked records
# share one dict per layout rather than each holding a copy (about a sixth of a warm load's
# memory at 50k entries). Nothing changes a record's `lines` once it is read.
_SHARED_LINES: dict[tuple[tuple[str, int], ...], dict[str, int]] = {}


def shared_lines(lines: dict[str, int]) -> dict[str, int]:
    """The one dict of this layout of `lines` that unpacked records share."""
    return _SHARED_LINES.setdefault(tuple(lines.items()), lines)


@cache
def _compiled_unpacker(kind: str, heads: bool) -> Unpack:
    """Compiled on first use: a command reads two or three kinds of the six, not all of them."""
    return _unpacker(kind, _HEAD if heads else tuple(range(len(_NAMES[kind]))))


# Bump whenever schema.py reads a value differently (durations, tags...): the index in .pln/ then
# re-reads every file instead of serving records parsed under the old rules.
READING_RULES = "reading-2"


def signature(kind: str) -> str:
    """What a packed record of `kind` depends on: a change to the model invalidates old packs."""
    head = f";head:{','.join(HEAD_FIELDS)};summary:{','.join(SUMMARY)}" if kind == "entry" else ""
    return f"{kind}:{','.join(_NAMES[kind])}{head}"


def problem_tuples(problems: list[Problem]) -> tuple[tuple[Any, ...], ...]:
    """Problems as the index keeps them (`Problem(*values)` makes each again)."""
    return tuple((p.path, p.line, p.level, p.code, p.message) for p in problems)


def pack(kind: str, record: Record | None, problems: list[Problem]) -> Packed | None:
    """A parsed file as plain data; None when it holds a value `marshal` cannot keep."""
    packed = pack_unchecked(kind, record, problems)
    try:
        marshal.dumps(packed)  # e.g. a `!!timestamp` in `extra`: parse that file every time
    except ValueError:
        return None
    return packed


def pack_unchecked(kind: str, record: Record | None, problems: list[Problem]) -> Packed:
    """`pack` but for the check: `marshal.dumps` of it raises ValueError where pack says None (for
    a caller that marshals it anyway, and so checks it once, not twice)."""
    values: tuple[Any, ...] | None = None
    if record is not None:
        items = [getattr(record, name) for name in _NAMES[kind]]
        for index in _DATES[kind]:
            if items[index] is not None:
                items[index] = items[index].isoformat()
        for index in _DATE_TUPLES[kind]:
            if isinstance(items[index], tuple) and all(type(day) is dt.date for day in items[index]):
                items[index] = tuple(day.isoformat() for day in items[index])
        for index in _DATE_MAPS[kind]:
            if isinstance(items[index], dict) and all(type(day) is dt.date for day in items[index].values()):
                items[index] = {key: day.isoformat() for key, day in items[index].items()}
        values = tuple(items)
    return values, problem_tuples(problems)


# The fields whose words repeat across a journal's entries (references, times, vocabularies,
# growth's dimensions): `interned` marks them, so marshal keeps them as interned strings and a load
# shares one string among the entries that name it (28 MB less at 50k entries). (`lines` is shared
# on unpacking already; rarer keys are not worth the time of a cold start.)
SHARED_WORDS = ("time", "space", "people", "tools", "growth", "engagement", "goal", "tags")


def _interner(kind: str) -> Callable[[Packed], Packed]:
    """`interned` for `kind`, written out field by field and compiled once, as `_unpacker` is: a
    cold start stores 50k entries, and a call per field would cost it a third of a second."""
    names = _NAMES[kind]
    values = [f"v{index}" for index in range(len(names))]
    source = [
        "def interned(packed):",
        "    values, problems = packed",
        "    if values is None:",
        "        return packed",
        "    try:",
        f"        ({', '.join(values)},) = values",
    ]
    for index, name in enumerate(names):
        if name in SHARED_WORDS:
            value = values[index]
            source.append(
                f"        {value} = intern({value}) if type({value}) is str"
                f" else tuple(map(intern, {value})) if type({value}) is tuple"
                f" else dict(zip(map(intern, {value}), {value}.values())) if type({value}) is dict"
                f" else {value}"
            )
    source += [
        "    except TypeError:  # an item or key that is not exactly a str: all left as it is",
        "        return packed",
        f"    return ({', '.join(values)},), problems",
    ]
    scope: dict[str, Any] = {"intern": sys.intern}
    exec("\n".join(source), scope)  # our own text, made of the record's field names
    return scope["interned"]


_compiled_interner = cache(_interner)  # compiled on first use, as the unpackers are


def interned(kind: str, packed: Packed) -> Packed:
    """`packed` with the words of SHARED_WORDS interned (equal values: it unpacks the same)."""
    return _compiled_interner(kind)(packed)


def head(packed: Packed) -> Packed:
    """A packed entry's head: the values of HEAD_FIELDS, and its problems."""
    values, problems = packed
    return (None if values is None else tuple(values[index] for index in _HEAD), problems)


_AT = {name: index for index, name in enumerate(_NAMES["entry"])}
SUMMARY = ("date", "time", "id", "title", "open", "private", "people", "space", "problems")  # see summary()


def summary(packed: Packed) -> tuple[Any, ...] | None:
    """What `pln status` and `pln next` need of an entry they do not load (journal/earlier.py):
    (date as ISO text, time, id, title, whether its `next` is open, private, people, space, whether
    the file has problems to tell); None without an entry."""
    values, problems = packed
    if values is None:
        return None
    open_intention = bool(values[_AT["next"]]) and not values[_AT["applied"]] and not values[_AT["dropped"]]
    return (
        *(values[_AT[name]] for name in ("date", "time", "id", "title")),
        open_intention,
        *(values[_AT[name]] for name in ("private", "people", "space")),
        bool(problems),
    )


def unpack(kind: str, packed: Packed) -> tuple[Record | None, list[Problem]]:
    return _compiled_unpacker(kind, False)(packed)


def unpack_head(packed: Packed) -> tuple[Record | None, list[Problem]]:
    """An entry from its head (see HEAD_FIELDS): the other fields unset."""
    return _compiled_unpacker("entry", True)(packed)


@cache
def ready_unpacker(fields: tuple[str, ...]) -> Unpack:
    """An entry from the values of `fields` (of HEAD_FIELDS) as the record holds them, its other
    fields unset (as a head's are): for the index's columns (columns.py)."""
    return _unpacker("entry", tuple(_AT[name] for name in fields), ready=True)


def date_fields(kind: str) -> tuple[str, ...]:
    """The fields of `kind` that hold a date (packed as ISO text)."""
    return tuple(_NAMES[kind][index] for index in _DATES[kind])


def unpacker(kind: str, *, heads: bool = False) -> Unpack:
    """`unpack` for `kind` (`unpack_head` with `heads`), without a call between: for a loop over rows."""
    return _compiled_unpacker(kind, heads and kind == "entry")
