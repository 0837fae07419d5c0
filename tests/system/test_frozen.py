"""`@frozen` (plnjournal/frozen.py) makes what `@dataclass(frozen=True, slots=True)` makes: the same
fields, repr, equality, hashing, order and frozenness, checked on twins defined both ways, and on
every frozen class pln defines."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle

import pytest

from plnjournal.frozen import frozen
from plnjournal.model import Entry, Person, Record
from plnjournal.problems import Problem


def twins(**options):
    """The same classes, made by `frozen` and by `dataclass`."""

    def define(decorate):
        @decorate(**options)
        class Base:
            """A base with a field left out of comparisons and repr."""

            id: str
            notes: dict = dataclasses.field(default_factory=dict, compare=False)
            secret: str = dataclasses.field(default="x", repr=False)

        @decorate(**options)
        class Child(Base):
            """A child adding fields, one of them a container."""

            day: dt.date = dt.date(2026, 1, 1)
            tags: tuple[str, ...] = ()

        return Base, Child

    mine = define(lambda **kw: frozen(**{k: v for k, v in kw.items() if k != "slots"}, slots=kw["slots"]))
    theirs = define(lambda **kw: dataclasses.dataclass(frozen=True, **kw))
    return mine, theirs


def three(child: type) -> list:
    return [child("a", {"n": 1}, "s", tags=("t",)), child("a", {"n": 2}, "other"), child("b")]


@pytest.mark.parametrize("options", [{"slots": True}, {"slots": False}, {"slots": True, "order": True}])
def test_frozen_behaves_as_dataclass(options: dict) -> None:
    (base, child), (_, their_child) = twins(**options)
    made, theirs = three(child), three(their_child)
    for one, twin in zip(made, theirs, strict=True):
        assert repr(one) == repr(twin)
        assert hash(one) == hash(twin)
        assert [f.name for f in dataclasses.fields(one)] == [f.name for f in dataclasses.fields(twin)]
        assert dataclasses.asdict(one) == dataclasses.asdict(twin)
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.id = "changed"  # type: ignore[misc]
        assert dataclasses.replace(one, id="z").id == "z"
    assert (made[0] == made[1]) is (theirs[0] == theirs[1]) is False  # `secret` compares
    same = dataclasses.replace(made[0], notes={"other": 1})  # `notes` does not compare
    assert same == made[0] and hash(same) == hash(made[0])
    assert made[0] != base("a") and (made[0] == "a") is False  # another class is never equal
    if options.get("order"):
        assert [m.secret for m in sorted(made)] == [t.secret for t in sorted(theirs)] == ["other", "s", "x"]
        assert made[2] > made[0] and made[0] <= made[0]
        with pytest.raises(TypeError):
            _ = made[0] < base("a")
    else:
        with pytest.raises(TypeError):
            _ = made[0] < made[1]


def test_records_and_problems_keep_their_dataclass_behaviour() -> None:
    entry = Entry(id="e", date=dt.date(2026, 3, 1), title="Chat", lines={"date": 2})
    assert entry == dataclasses.replace(entry, lines={"date": 9}, newline="\r\n")  # kept out of ==
    assert entry != dataclasses.replace(entry, title="Other")
    assert repr(entry).startswith("Entry(id='e', path='', body='', extra={}, lines={'date': 2}")
    assert pickle.loads(pickle.dumps(entry)) == entry == copy.deepcopy(entry)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Person("p", name="P")  # type: ignore[misc]  # keyword-only, as before
    assert not hasattr(entry, "__dict__") and isinstance(entry, Record)
    first, second = Problem("a.md", 2, "error", "x", "m"), Problem("a.md", 10, "error", "x", "m")
    assert sorted([second, first]) == [first, second] and len({first, first}) == 1
    assert repr(first) == "Problem(path='a.md', line=2, level='error', code='x', message='m')"


def test_the_first_instance_writes_the_init_dataclass_would() -> None:
    """`__init__` is compiled when a class's first instance is made: the same parameters, defaults,
    fresh default factories and errors as dataclass's, and a bad field order refused at once."""

    @frozen(kw_only=True)
    class Later:
        day: dt.date
        tags: list = dataclasses.field(default_factory=list)
        note: str = "none"

    first, second = Later(day=dt.date(2026, 1, 1)), Later(day=dt.date(2026, 1, 2), note="n")
    assert first.tags == [] and first.tags is not second.tags and (first.note, second.note) == ("none", "n")
    with pytest.raises(TypeError):
        Later(dt.date(2026, 1, 1))  # type: ignore[misc]  # keyword-only
    with pytest.raises(TypeError):
        Later()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="non-default argument 'late' follows default argument"):

        @frozen
        class Misordered:
            early: int = 1
            late: int


def test_a_subclass_of_a_frozen_dataclass_keeps_its_init() -> None:
    """A class `frozen` makes from a dataclass(frozen=True) base (as cli/coercion.py does from
    typer's) is made frozen by dataclass itself, with `frozen`'s repr and comparisons."""

    @dataclasses.dataclass(frozen=True)
    class Theirs:
        name: str

    @frozen(slots=False)
    class Mine(Theirs):
        extra: int = 0

    made = Mine("a", 2)
    assert (made.name, made.extra) == ("a", 2) and made == Mine("a", 2) != Mine("a", 3)
    assert repr(made).endswith(".<locals>.Mine(name='a', extra=2)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.extra = 3  # type: ignore[misc]
