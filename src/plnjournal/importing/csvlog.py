"""A spreadsheet PD log (CSV, header row) -> Rows. Columns are found by header name, any case
(Date, Title or Activity, Hours or Minutes, Provider, Location, Verified by, Notes, Tags...);
`--map COLUMN=key` names the others. pln's own `export --format csv` reads back the same way."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from plnjournal.durations import DurationError, parse_duration
from plnjournal.errors import PlnError
from plnjournal.importing import Row, parse_map, source_key
from plnjournal.importing.sniff import refuse_unless_table
from plnjournal.journal.schema import BadValue, to_date, to_flag, to_time
from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS
from plnjournal.values import tags

HEADERS: dict[str, str] = {
    "date": "date",
    "time": "time",
    "title": "title",
    "activity": "title",
    "hours": "hours",
    "clock hours": "hours",
    "minutes": "minutes",
    "provider": "space",
    "space": "space",
    "location": "location",
    "verified by": "verified_by",
    "notes": "body",
    "body": "body",
    "description": "body",
    "tags": "tags",
    "people": "people",
    "with": "people",
    "tools": "tools",
    "goal": "goal",
    "engagement": "engagement",
    "growth": "growth",
    "next": "next",
    "applied": "applied",
    "impact": "impact",
    "evidence": "evidence",
    "private": "private",
}
KEYS: tuple[str, ...] = (*dict.fromkeys(HEADERS.values()), "ignore")
LIST_KEYS = {"people", "tools", "tags", "evidence"}
TEXT_KEYS = {"title", "space", "goal", "next", "applied", "impact", "verified_by"}
EXTRA_KEYS = {"location"}  # kept as written; in model.EXTRA_KEYS, so pln check knows it
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def header_key(name: str) -> str:
    """A header as it is looked up: case-folded, `_` and `-` as spaces, spaces collapsed."""
    return " ".join(re.sub(r"[_\-]", " ", name).casefold().split())


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`--map COLUMN=key` options -> {header key: entry key}; a UsageError for a bad one."""
    return parse_map(pairs, KEYS, header_key, "COLUMN")


def read_csv(path: Path, mapping: dict[str, str]) -> tuple[list[Row], list[str]]:
    """The rows of a PD log and the columns left unused; a PlnError when it has no date column
    or is another kind of file (a JSON export, a Markdown note), named."""
    refuse_unless_table(path, "a CSV PD log")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise PlnError(f"{path}: not UTF-8 text; save the spreadsheet as 'CSV UTF-8'") from None
    except (OSError, csv.Error) as problem:
        raise PlnError(f"{path}: cannot read it as CSV: {problem}") from None
    if not table:
        raise PlnError(f"{path}: empty; a PD log needs a header row")
    header, *records = table
    keys = [mapping.get(header_key(name), HEADERS.get(header_key(name), "ignore")) for name in header]
    if "date" not in keys:
        found = ", ".join(repr(name) for name in header)
        raise PlnError(f"{path}: no Date column (columns: {found}); name it with --map COLUMN=date")
    rows = [
        _row(path.name, number, keys, cells)
        for number, cells in enumerate(records, 2)
        if any(cell.strip() for cell in cells)
    ]
    unused = [name for name, key in zip(header, keys, strict=True) if key == "ignore" and name.strip()]
    return rows, unused


def _row(file_name: str, number: int, keys: list[str], cells: list[str]) -> Row:
    label = f"row {number}"
    source = source_key(f"csv:{file_name}", *cells)
    cells_by_key = {key: cell.strip() for key, cell in zip(keys, cells, strict=False) if key != "ignore"}
    present = {key: cell for key, cell in cells_by_key.items() if cell}
    try:
        values = _values(present)
    except BadValue as bad:
        return Row(label, source, problem=f"{bad} ({', '.join(cells)[:60]})")
    extra = {key: present[key] for key in EXTRA_KEYS if key in present}
    body = present.get("body", "").replace("\r\n", "\n")
    return Row(label, source, values, body, extra)


def _values(cells: dict[str, str]) -> dict[str, Any]:
    if "date" not in cells:
        raise BadValue("no date")
    values: dict[str, Any] = {"date": spreadsheet_date(cells["date"])}
    for key, text in cells.items():
        if key in TEXT_KEYS:
            values[key] = text
        elif key in LIST_KEYS:
            values[key] = tags(split_list(text)) if key == "tags" else split_list(text)
    if "time" in cells:
        values["time"] = to_time(cells["time"])
    if "minutes" in cells or "hours" in cells:
        values["minutes"] = _minutes(cells)
    if "engagement" in cells:
        values["engagement"] = _engagement(cells["engagement"])
    if "growth" in cells:
        values["growth"] = parse_growth(cells["growth"])
    if "private" in cells:
        values["private"] = to_flag(cells["private"])
    return values


def spreadsheet_date(text: str) -> dt.date:
    """An ISO date, or the MM/DD/YYYY a US spreadsheet writes."""
    us = _US_DATE.fullmatch(text)
    if us:
        try:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
        except ValueError:
            raise BadValue(f"{text!r} is not a real date") from None
    date = to_date(text)
    assert date is not None
    return date


def _minutes(cells: dict[str, str]) -> int:
    """Minutes, else hours, read as teachers write them (`90 min`, `1h30`, `1.5`): see durations.py."""
    key = "minutes" if "minutes" in cells else "hours"
    try:
        return parse_duration(cells[key], "hours" if key == "hours" else "minutes")
    except DurationError as bad:
        raise BadValue(f"{key}: {bad}") from None


def _engagement(text: str) -> str:
    if text not in ENGAGEMENT_LEVELS:
        raise BadValue(f"engagement: {text!r} is not one of {', '.join(ENGAGEMENT_LEVELS)}")
    return text


def split_list(text: str) -> tuple[str, ...]:
    """`a; b` or `a, b` (semicolons win, so a name may hold a comma)."""
    parts = text.split(";") if ";" in text else text.split(",")
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


def parse_growth(text: str) -> dict[str, str | None]:
    """`cognitive: a note; social` (as pln's CSV export writes it) or `cognitive, social` ->
    {dimension: note or None}; a `;` inside a note stays in that note."""
    if ";" not in text and ":" not in text:
        return dict.fromkeys(_dimension(part) for part in split_list(text))
    growth: dict[str, str | None] = {}
    current: str | None = None
    for part in text.split(";"):
        head, colon, note = part.partition(":")
        if head.strip().lower() in DIMENSIONS and (colon or not note):
            current = head.strip().lower()
            growth[current] = note.strip() or None
        elif current is not None and part.strip():
            growth[current] = f"{growth[current] or ''}; {part.strip()}".lstrip("; ")
        elif part.strip():
            _dimension(head)
    return growth


def _dimension(text: str) -> str:
    dimension = text.strip().lower()
    if dimension not in DIMENSIONS:
        raise BadValue(f"growth: {dimension!r} is not one of {', '.join(DIMENSIONS)}")
    return dimension
