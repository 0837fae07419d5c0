"""`@frozen`: what `@dataclass(frozen=True, slots=True)` makes, for half its start-up cost.

dataclasses writes each method of a class as text and compiles it when the class is defined, about
50 µs a method on this machine. pln defines some thirty frozen classes before a command runs, six
methods each (ten with `order=True`): a fifth of `pln status`'s time. `frozen` leaves dataclasses
to write only what must differ per class (`__init__`, and the frozen `__setattr__` and
`__delattr__`); `__repr__`, `__eq__`, `__hash__` and the comparisons are written once, here, and
read each class's fields through `operator.attrgetter`.

The classes behave as dataclasses' own: the same fields, `dataclasses.fields`, `replace` and
`asdict`; equality, hashing and order over the fields that compare, in order, and only between
instances of the same class; the repr over the fields that repr; FrozenInstanceError on any
assignment (tests/system/test_frozen.py compares each with what `dataclass` makes).
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def frozen(
    cls: type[T] | None = None, /, *, slots: bool = True, kw_only: bool = False, order: bool = False
) -> Any:
    """`@frozen` or `@frozen(kw_only=True, order=True, slots=False)`."""

    def wrap(cls: type[T]) -> type[T]:
        made = dataclasses.dataclass(cls, frozen=True, slots=slots, kw_only=kw_only, eq=False, repr=False)
        _add_methods(made, order=order)
        return made

    return wrap if cls is None else wrap(cls)


def _add_methods(cls: type, *, order: bool) -> None:
    fields = dataclasses.fields(cls)
    compared = _getter([f.name for f in fields if f.compare])
    hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    cls.__repr__ = _repr([f.name for f in fields if f.repr])  # type: ignore[assignment]
    cls.__eq__ = _compare(compared, tuple.__eq__)  # type: ignore[assignment]
    cls.__hash__ = lambda self: hash(hashed(self))  # type: ignore[assignment]
    if order:
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            setattr(cls, name, _compare(compared, getattr(tuple, name)))


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of `names` as a tuple (attrgetter alone gives a bare value for one name)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


def _compare(values: Callable[[Any], tuple[Any, ...]], test: Callable[[tuple, tuple], bool]) -> Callable:
    def compare(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return test(values(self), values(other))
        return NotImplemented

    return compare


def _repr(names: list[str]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__
