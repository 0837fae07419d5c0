"""Finding and reading rule packs: the built-in ones, the journal's own `credits/*.yaml`, and a
pack's YAML -> a `Pack`, naming `file:line` for the first value it cannot use.

The YAML is read with the journal's own dialect (no YAML 1.1 surprises: `on`, `07-01` stay text),
and the line of every key and item is kept so that a bad cap or an unknown key is reported where
it was written. See `packs.py` for what a pack holds.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from plnjournal.errors import PlnError
from plnjournal.journal.packs import (
    DEFAULT_LOG,
    FIELDS,
    FOLDER,
    LOG_COLUMNS,
    MATCH_KEYS,
    PERS,
    Amount,
    Category,
    Pack,
    PackError,
    Way,
)
from plnjournal.journal.yaml_dialect import Loader

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")
_SHARE = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")


def shipped() -> dict[str, str]:
    """The built-in packs: name -> YAML text."""
    folder = resources.files("plnjournal") / "packs"
    return {
        item.name.removesuffix(".yaml"): item.read_text(encoding="utf-8")
        for item in sorted(folder.iterdir(), key=lambda item: item.name)
        if item.name.endswith(".yaml")
    }


def own(root: Path) -> dict[str, Path]:
    """The journal's own packs in `credits/`: name -> file."""
    folder = root / FOLDER
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def available(root: Path) -> list[str]:
    return sorted({*shipped(), *own(root)})


def find(root: Path, name: str | None) -> Pack:
    """The pack NAME (the journal's own first, then the built-in one); without a name, the one
    pack in the journal's `credits/`."""
    mine = own(root)
    if name is None:
        if len(mine) != 1:
            choices = ", ".join(available(root))
            raise PlnError(f"which rule pack? give --pack NAME (one of: {choices})")
        name = next(iter(mine))
    if name in mine:
        path = mine[name]
        return read(name, f"{FOLDER}/{path.name}", path.read_text(encoding="utf-8"))
    if name in shipped():
        return read(name, f"built-in pack {name}", shipped()[name])
    raise PlnError(f"no rule pack named {name!r}; the packs are: {', '.join(available(root))}")


def all_categories(root: Path) -> set[str]:
    """Every category id of every pack the journal can use (a pack that does not read adds none)."""
    categories: set[str] = set()
    for name in available(root):
        try:
            categories.update(category.id for category in find(root, name).categories)
        except PlnError:
            continue
    return categories


def read(pack_id: str, where: str, text: str) -> Pack:
    """A pack from its YAML text; PackError `where:line: ...` for anything it cannot use."""
    data, lines = _parse(where, text)
    return _Builder(where, lines).pack(pack_id, data)


def _parse(where: str, text: str) -> tuple[Any, dict[tuple[Any, ...], int]]:
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise PackError(f"{where}:{line}: not valid YAML: {error.problem or error.context}") from None
    except PlnError as error:
        raise PackError(f"{where}:{getattr(error, 'line', None) or 1}: {error.message}") from None
    finally:
        loader.dispose()
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _node_lines(node, (), lines)
    return data, lines


def _node_lines(node: yaml.Node, at: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[(*at, key.value)] = key.start_mark.line + 1
            _node_lines(value, (*at, key.value), lines)
            lines[(*at, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_lines(item, (*at, index), lines)


class _Builder:
    """Turns parsed YAML into a Pack, naming the line of the first value it cannot use."""

    def __init__(self, where: str, lines: dict[tuple[Any, ...], int]) -> None:
        self.where = where
        self.lines = lines

    def fail(self, at: tuple[Any, ...], message: str) -> PackError:
        line = next((self.lines[at[:n]] for n in range(len(at), -1, -1) if at[:n] in self.lines), 1)
        return PackError(f"{self.where}:{line}: {message}")

    def mapping(self, value: Any, at: tuple[Any, ...], keys: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(at, f"{_label(at)} should be a mapping of keys to values")
        for key in value:
            if key not in keys:
                raise self.fail((*at, key), f"unknown key {key!r} (the keys here: {', '.join(keys)})")
        return value

    def number(self, value: Any, at: tuple[Any, ...]) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self.fail(at, f"{_label(at)}: expected a number, found {value!r}") from None
        if not number >= 0 or number == float("inf"):
            raise self.fail(at, f"{_label(at)}: expected a number 0 or more, found {value!r}")
        return number

    def text(self, value: Any, at: tuple[Any, ...]) -> str:
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(at, f"{_label(at)}: expected text, found {value!r}")
        return str(value).strip()

    def flag(self, value: Any, at: tuple[Any, ...]) -> bool:
        if not isinstance(value, bool):
            raise self.fail(at, f"{_label(at)}: expected true or false, found {value!r}")
        return value

    def names(self, value: Any, at: tuple[Any, ...], choices: tuple[str, ...]) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if item not in choices:
                where = (*at, index) if isinstance(value, list) else at
                raise self.fail(where, f"{_label(at)}: {item!r} is not one of {', '.join(choices)}")
        return tuple(items)

    def amount(self, value: Any, at: tuple[Any, ...]) -> Amount:
        share = _SHARE.match(str(value).strip()) if isinstance(value, str) else None
        if share:
            return Amount(share=float(share.group(1)) / 100)
        if isinstance(value, str) and not value.strip().replace(".", "", 1).isdigit():
            raise self.fail(at, f"{_label(at)}: expected units or a share such as 20%, found {value!r}")
        return Amount(units=self.number(value, at))

    def date(self, value: Any, at: tuple[Any, ...]) -> dt.date:
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(at, f"{_label(at)}: {value!r} is not a date (YYYY-MM-DD)") from None

    def pack(self, pack_id: str, data: Any) -> Pack:
        keys = ("name", "unit", "required", "cycle", "approval", "requires", "log", "categories")
        data = self.mapping(data, (), keys)
        for key in ("name", "unit", "required", "categories"):
            if key not in data:
                raise self.fail((), f"a pack needs '{key}'")
        years, starts, first, last = self.cycle(data.get("cycle"))
        categories = self.mapping(
            data["categories"], ("categories",), tuple(map(str, data["categories"] or {}))
        )
        if not categories:
            raise self.fail(("categories",), "a pack needs at least one category")
        return Pack(
            id=pack_id,
            path=self.where,
            name=self.text(data["name"], ("name",)),
            unit=self.text(data["unit"], ("unit",)),
            required=self.number(data["required"], ("required",)),
            years=years,
            starts=starts,
            first=first,
            last=last,
            approval=self.flag(data.get("approval", False), ("approval",)),
            categories=tuple(self.category(str(key), value) for key, value in categories.items()),
            log=self.names(data["log"], ("log",), LOG_COLUMNS) if "log" in data else DEFAULT_LOG,
            requires=self.names(data.get("requires", []), ("requires",), FIELDS),
        )

    def cycle(self, value: Any) -> tuple[int | None, tuple[int, int] | None, dt.date | None, dt.date | None]:
        at = ("cycle",)
        if value is None:
            raise self.fail((), "a pack needs a 'cycle': {years: N, starts: MM-DD} or {from: DATE, to: DATE}")
        value = self.mapping(value, at, ("years", "starts", "from", "to"))
        years = int(self.number(value["years"], (*at, "years"))) if "years" in value else None
        starts = None
        if "starts" in value:
            match = _MONTH_DAY.match(str(value["starts"]))
            if not match or not _real_month_day(int(match[1]), int(match[2])):
                raise self.fail(
                    (*at, "starts"), f"cycle starts: {value['starts']!r} is not a month-day (07-01)"
                )
            starts = (int(match[1]), int(match[2]))
        first = self.date(value["from"], (*at, "from")) if "from" in value else None
        last = self.date(value["to"], (*at, "to")) if "to" in value else None
        if years is None and (first is None or last is None):
            raise self.fail(at, "a cycle needs 'years', or both 'from' and 'to'")
        if first and last and last < first:
            raise self.fail((*at, "to"), "the cycle ends before it starts")
        return years, starts, first, last

    def category(self, key: str, value: Any) -> Category:
        at = ("categories", key)
        way_keys = ("per", "units", "when", "min_minutes", "once_per_topic")
        keys = (
            "name",
            "earn",
            "cap",
            "minimum",
            "counts_from",
            "activity_minimum",
            "requires",
            "approval",
            *way_keys,
        )
        value = self.mapping(value, at, keys)
        if "earn" in value:
            earn = value["earn"]
            if not isinstance(earn, list) or not earn:
                raise self.fail((*at, "earn"), "earn: expected a list of ways to earn units")
            ways = tuple(
                self.way(item, (*at, "earn", index), f"way {index + 1}") for index, item in enumerate(earn)
            )
        else:
            ways = (self.way({k: v for k, v in value.items() if k in way_keys}, at, value.get("name", key)),)
        return Category(
            id=key.lower(),
            name=self.text(value.get("name", key), (*at, "name")),
            ways=ways,
            cap=self.amount(value["cap"], (*at, "cap")) if "cap" in value else None,
            minimum=self.amount(value["minimum"], (*at, "minimum")) if "minimum" in value else None,
            activity_minimum=self.number(value["activity_minimum"], (*at, "activity_minimum"))
            if "activity_minimum" in value
            else None,
            counts_from=self.number(value["counts_from"], (*at, "counts_from"))
            if "counts_from" in value
            else None,
            requires=self.names(value.get("requires", []), (*at, "requires"), FIELDS),
            approval=self.flag(value.get("approval", False), (*at, "approval")),
        )

    def way(self, value: Any, at: tuple[Any, ...], default_name: str) -> Way:
        value = self.mapping(value, at, ("name", "per", "units", "when", "min_minutes", "once_per_topic"))
        if "per" not in value or "units" not in value:
            raise self.fail(at, "say how units are earned: 'per: hour|day|item' and 'units: N'")
        per = PERS.get(str(value["per"]))
        if per is None:
            raise self.fail((*at, "per"), f"per: {value['per']!r} is not one of hour, day, item")
        minimum = value.get("min_minutes")
        return Way(
            name=self.text(value.get("name", default_name), (*at, "name")),
            per=per,
            units=self.number(value["units"], (*at, "units")),
            when=self.when(value.get("when"), (*at, "when")),
            min_minutes=None if minimum is None else int(self.number(minimum, (*at, "min_minutes"))),
            once_per_topic=self.flag(value.get("once_per_topic", False), (*at, "once_per_topic")),
        )

    def when(self, value: Any, at: tuple[Any, ...]) -> dict[str, frozenset[str]] | None:
        if value is None:
            return None
        if value == "any":
            return {}
        value = self.mapping(value, at, MATCH_KEYS)
        return {
            key: frozenset(str(item).casefold() for item in (items if isinstance(items, list) else [items]))
            for key, items in value.items()
        }


def _label(at: tuple[Any, ...]) -> str:
    names = [str(part) for part in at if not isinstance(part, int)]
    return names[-1] if names else "the pack"


def _real_month_day(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year, so 02-29 is allowed
    except ValueError:
        return False
    return True
