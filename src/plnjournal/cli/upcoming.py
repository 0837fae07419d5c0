"""`pln upcoming [--days 14]`: the next sessions of your spaces; `--format ics` for a calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current


def upcoming(
    days: Annotated[int, typer.Option("--days", min=0, help="How many days ahead.")] = 14,
    fmt: Annotated[
        Literal["table", "json", "ics"], typer.Option("--format", "-f", help="Output format.")
    ] = "table",
    out: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.", show_default=False)
    ] = None,
) -> None:
    """The next sessions of your spaces, from their `schedule` and dated `sessions`.

    `--format ics` writes an iCalendar file (recurring events in their time zones) to import into a
    calendar or subscribe to; it holds every schedule and dated session from today on."""
    from plnjournal.cli.common import deliver, warn_skipped
    from plnjournal.dates import today
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.reports.upcoming import calendar_events
    from plnjournal.reports.upcoming import upcoming as build

    journal = current().journal()
    loaded = load(journal, ("space", "entry"))
    warn_skipped(loaded)
    index = Index(loaded.records)
    if fmt == "ics":
        from plnjournal.render import ics

        events, warnings = calendar_events(loaded, index, today())
        for warning in warnings:
            output.warn(warning)
        name = f"{journal.settings.owner}'s PLN" if journal.settings.owner else "My PLN"
        deliver(ics.render(events, name=name, stamp=today()), out)
        return
    data = build(loaded, index, today(), days)
    for warning in data["warnings"]:
        output.warn(warning)
    if fmt == "json" and out is None:
        output.json_data(data)
    elif fmt == "json":
        from plnjournal.render import json

        deliver(json.render(data), out)
    else:
        deliver(text(data), out)


def text(data: dict) -> str:
    from plnjournal.text import clean_cell

    if not data["sessions"]:
        return f"No sessions from {data['from']} to {data['to']} (add a schedule or sessions to a space)\n"
    import datetime as dt

    lines = []
    for row in data["sessions"]:
        weekday = dt.date.fromisoformat(row["date"]).strftime("%a")
        when = f"{weekday} {row['date']}" + (f" {row['time']}" if row["time"] else "")
        zone = f" {row['zone']}" if row["zone"] and row["time"] else ""
        lines.append(f"{when}{zone}  {clean_cell(row['name'])}")
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command()(upcoming)
