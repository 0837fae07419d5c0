"""`@frozen`: what `@dataclass(frozen=True, slots=True)` makes, for a fraction of its start-up cost.

dataclasses writes each method of a class as text and compiles it when the class is defined, about
50 µs a method on this machine. pln defines some thirty frozen classes before a command runs, six
methods each (ten with `order=True`): a tenth of `pln status`'s time on a typical journal, though
a command makes instances of a few of them. `frozen` lets dataclasses gather the fields and make
the slots, and nothing more. `__repr__`, `__eq__`, `__hash__`, the comparisons, the frozen
`__setattr__` and `__delattr__` and pickling's state are written once, here, and read each class's
fields through `operator.attrgetter`; `__init__`, which must be fast, is written and compiled for a
class when its first instance is made.

The classes behave as dataclasses' own: the same fields, `dataclasses.fields`, `replace` and
`asdict`; the same `__init__` (positional then keyword-only fields, defaults and default
factories); equality, hashing and order over the fields that compare, in order, and only between
instances of the same class; the repr over the fields that repr; FrozenInstanceError on any
assignment; pickling and copying (tests/system/test_frozen.py compares each with what `dataclass`
makes).
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
        if _has_frozen_dataclass_base(cls):  # (typer's RuntimeParam) its own __init__ and refusals
            made = dataclasses.dataclass(cls, frozen=True, slots=slots, kw_only=kw_only, eq=False, repr=False)
            _add_methods(made, order=order, own=False)
            return made
        made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots, kw_only=kw_only)
        _add_methods(made, order=order)
        return made

    return wrap if cls is None else wrap(cls)


def _has_frozen_dataclass_base(cls: type) -> bool:
    """A base made by dataclass(frozen=True), which dataclass will not let a class unfrozen to it
    (as `frozen` makes them, refusing assignment itself) inherit from."""
    return any(
        getattr(getattr(base, "__dataclass_params__", None), "frozen", False) for base in cls.__mro__[1:]
    )


def _add_methods(cls: type, *, order: bool, own: bool = True) -> None:
    """What `frozen` writes once for all classes; with `own`, also `__init__`, the refusals and the
    pickling state (otherwise dataclass has made them)."""
    fields = dataclasses.fields(cls)
    compared = _getter([f.name for f in fields if f.compare])
    hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    cls.__repr__ = _repr([f.name for f in fields if f.repr])  # type: ignore[assignment]
    cls.__eq__ = _compare(compared, tuple.__eq__)  # type: ignore[assignment]
    cls.__hash__ = lambda self: hash(hashed(self))  # type: ignore[assignment]
    if order:
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            setattr(cls, name, _compare(compared, getattr(tuple, name)))
    if own:
        _check_defaults(cls, fields)
        cls.__init__ = _first_init(cls)  # type: ignore[misc]
        cls.__setattr__, cls.__delattr__ = _refusals(cls, frozenset(f.name for f in fields))  # type: ignore[assignment]
        if "__slots__" in cls.__dict__:
            cls.__getstate__, cls.__setstate__ = _state([f.name for f in fields])  # type: ignore[attr-defined]


def _check_defaults(cls: type, fields: tuple[dataclasses.Field, ...]) -> None:
    """The error dataclass gives when the class is defined, not when its first instance is made."""
    defaulted = False
    for f in fields:
        if f.init and not f.kw_only:
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            if defaulted and not has_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument in {cls.__name__}")
            defaulted = defaulted or has_default


def _first_init(cls: type) -> Callable[..., None]:
    """An `__init__` that writes and compiles the class's own on the first instance, then steps aside."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        made = _compile_init(cls)
        type.__setattr__(cls, "__init__", made)
        made(self, *args, **kwargs)

    return __init__


_FACTORY = object()  # a default factory's argument left out (dataclasses' _HAS_DEFAULT_FACTORY)


def _compile_init(cls: type) -> Callable[..., None]:
    """The `__init__` dataclass would write: positional fields, then keyword-only ones, each set
    with object.__setattr__ (the class is frozen), a default factory called when left out."""
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for f in dataclasses.fields(cls):
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            default = "=_FACTORY"
            value = f"_factory_{f.name}() if {f.name} is _FACTORY else {f.name}"
        elif f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            default = f"=_default_{f.name}"
        else:
            default = ""
        if not f.init:  # never passed: its default, made fresh each time
            value = f"_factory_{f.name}()" if default == "=_FACTORY" else f"_default_{f.name}"
        else:
            (keyword if f.kw_only else positional).append(f.name + default)
        body.append(f"  _set(self, {f.name!r}, {value})")
    parameters = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({parameters}):\n" + ("\n".join(body) or "  pass") + "\n"
    exec(compile(source, f"<frozen {cls.__qualname__}.__init__>", "exec"), namespace)
    made = namespace["__init__"]
    made.__qualname__ = f"{cls.__qualname__}.__init__"
    return made


def _refusals(cls: type, names: frozenset[str]) -> tuple[Callable[..., None], Callable[..., None]]:
    """The frozen `__setattr__` and `__delattr__`: a field, or any name on the class itself, is
    refused; a subclass that is not frozen may still set its own."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _state(names: list[str]) -> tuple[Callable[[Any], list[Any]], Callable[[Any, list[Any]], None]]:
    """Pickling and copying a frozen class with slots: its field values, set back without __setattr__."""

    def __getstate__(self: Any) -> list[Any]:
        return [getattr(self, name) for name in names]

    def __setstate__(self: Any, state: list[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    return __getstate__, __setstate__


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
