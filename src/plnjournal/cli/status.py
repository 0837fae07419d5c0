"""`pln status`: last entry, this week against the goal, the streak, intentions, dormant ties."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.state import state


def status(
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", "-f", help="Output format.")] = "table",
) -> None:
    """Where your PLN stands today, at a glance."""
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.dates import today
    from plnjournal.git.history import people_added
    from plnjournal.reports.status import read_needed
    from plnjournal.reports.status import status as build_status

    journal = state.journal()
    loaded = read_needed(journal, today())
    warn_skipped(loaded)
    data = build_status(journal, today(), people_added(journal, today()), loaded)
    if fmt == "json":
        output.json_data(data)
    else:
        output.data(text(data))


def text(data: dict) -> str:
    from plnjournal.text import clean_cell

    last = data["last_entry"]
    week = data["week"]
    lines = [
        "Last entry: none yet"
        if last is None
        else f"Last entry: {last['date']} ({days(data['days_since'])}), {clean_cell(last['title'])}",
        f"This week: {week['entries']} entries, {week['minutes']} of {week['goal_minutes']} minutes",
        f"Streak: {data['streak_weeks']} week{'s' if data['streak_weeks'] != 1 else ''} with an entry",
        f"Open intentions: {data['open_intentions']} (pln next)",
    ]
    if data["dormant"]:
        shown = ", ".join(
            f"{clean_cell(row['name'])} ({'never seen' if row['last_seen'] is None else row['last_seen']})"
            for row in data["dormant"]
        )
        lines.append(f"Dormant: {shown}")
    if data["warning"]:
        lines.append(f"Watch: {clean_cell(data['warning'])} (pln report --network)")
    return "\n".join(lines) + "\n"


def days(count: int) -> str:
    return {0: "today", 1: "yesterday"}.get(count, f"{count} days ago")


def register(app: typer.Typer) -> None:
    app.command()(status)
