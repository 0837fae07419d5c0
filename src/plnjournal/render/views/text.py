"""What the report views share: on a terminal a heading, then tables and paragraphs (rich on a
terminal, plain aligned text when piped; every cell and line made safe); the periods as CSV; the
opening and the periods table of a Markdown report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plnjournal.frozen import frozen
from plnjournal.render import csv as csv_format
from plnjournal.render import markdown as md
from plnjournal.render.table import render_plain, render_rich
from plnjournal.text import clean, count


@frozen(slots=False)
class Table:
    """A titled table of a text view."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@frozen(slots=False)
class Lines:
    """A titled list of lines of a text view."""

    title: str
    lines: Sequence[str]


Block = Table | Lines


def span(data: dict[str, Any], empty: str = "no entries") -> str:
    """A report's range, '2025-07-08 to 2026-06-22' (or 'from 2027-01-01' and 'to 2020-01-01' when
    only one end is known), or `empty` when it covers nothing; never 'None'."""
    start, end = data.get("from"), data.get("to")
    if start and end:
        return f"{start} to {end}"
    if start or end:
        return f"from {start}" if start else f"to {end}"
    return empty


def heading(title: str, data: dict[str, Any]) -> str:
    return f"{title}, {span(data)}: {count(data['entries'], 'entry', 'entries')}, {data['minutes']} minutes"


def report_view(first_line: str, blocks: Sequence[Block], *, terminal: bool) -> Any:
    """The report for the screen: a rich renderable on a terminal, plain aligned text otherwise
    (the command prints either; a view never prints)."""
    shown = [block for block in blocks if (block.rows if isinstance(block, Table) else block.lines)]
    return _rich_report(first_line, shown) if terminal else plain_report(first_line, shown)


def plain_report(first_line: str, blocks: Sequence[Block]) -> str:
    parts = [clean(first_line) + "\n"]
    for block in blocks:
        body = (
            render_plain(block.columns, block.rows)
            if isinstance(block, Table)
            else "".join(clean(line) + "\n" for line in block.lines)
        )
        parts.append(f"\n{clean(block.title)}\n{body}")
    return "".join(parts)


def _rich_report(first_line: str, blocks: Sequence[Block]) -> Any:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(clean(first_line), style="bold")]
    for block in blocks:
        parts += [Text(""), Text(clean(block.title), style="bold cyan")]
        if isinstance(block, Table):
            parts.append(render_rich(block.columns, block.rows))
        else:
            parts += [Text(clean(line)) for line in block.lines]
    return Group(*parts)


def periods_csv(data: dict[str, Any], columns: Sequence[str]) -> str:
    """The periods table: period, from, to, then `columns`."""
    header = ["period", "from", "to", *columns]
    return csv_format.render(header, [[period[c] for c in header] for period in data["periods"]])


def markdown_opening(title: str, data: dict[str, Any]) -> str:
    entries = count(data["entries"], "entry", "entries")
    return (
        f"# {title}, {span(data, '(no entries yet)')}\n\n"
        f"{entries} and {data['minutes']} minutes of professional learning.\n"
    )


def markdown_periods(data: dict[str, Any], columns: Sequence[str]) -> str:
    """'## By month' and a table of the periods (period first), or nothing without periods."""
    if not data["periods"]:
        return ""
    return f"## By {data['by']}\n\n" + md.table(
        [column.replace("_", " ").capitalize() for column in columns],
        [[period[column] for column in columns] for period in data["periods"]],
        numeric=[False, *([True] * (len(columns) - 1))],
    )
