"""`pln status`: last entry, this week against the goal, the streak, intentions, dormant ties."""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current
from plnjournal.cli.privacy import IncludePrivate, say_left_out

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal
    from plnjournal.journal.walk import Walk

MEMORIES_SHOWN = 2  # open intentions from a year ago first


def status(
    fmt: Annotated[
        Literal["table", "json", "html"], typer.Option("--format", "-f", help="Output format.")
    ] = "table",
    include_private: IncludePrivate = False,
) -> None:
    """Where your PLN stands today, at a glance.

    As html (a page made to be shared) it leaves private entries out, unless --include-private."""
    from plnjournal.dates import today
    from plnjournal.git.history import added_key

    journal = current().journal()
    show = partial(_show, journal, fmt, include_private)
    # the table and JSON are kept in the index (cli/kept.py) with what git told of the people
    git = added_key(journal) if fmt != "html" and journal.use_cache else None
    if git is None:
        show()
        return
    from plnjournal.cli.kept import kept_output

    asked = (f"status {fmt}", output.is_terminal(), today().isoformat(), git, os.environ.get("TZ"))
    kept_output(journal.root, asked, lambda walked, loading: show(walked))


def _show(journal: Journal, fmt: str, include_private: bool, walked: Walk | None = None) -> None:
    from plnjournal.cli.common import warn_skipped
    from plnjournal.dates import today
    from plnjournal.git.history import people_added
    from plnjournal.reports.status import private_entries, read_needed
    from plnjournal.reports.status import status as build_status

    loaded = read_needed(journal, today(), walked)
    warn_skipped(loaded)
    if fmt == "html" and not include_private:
        say_left_out(private_entries(loaded))
        loaded = loaded.without_private()
    data = build_status(journal, today(), people_added(journal, today()), loaded)
    for message in data.pop("warnings", []):
        output.warn(message)
    if fmt == "json":
        output.json_data(data)
    elif fmt == "html":
        from plnjournal.render.views.status import html

        output.data(html(data))
    else:
        output.data(text(data))


def text(data: dict) -> str:
    from plnjournal.text import clean_cell, count, days_ago

    last = data["last_entry"]
    week = data["week"]
    lines = [
        "Last entry: none yet"
        if last is None
        else f"Last entry: {last['date']} ({days_ago(data['days_since'])}), {clean_cell(last['title'])}",
        f"This week: {week['entries']} entries, {week['minutes']} of {week['goal_minutes']} minutes",
        f"Streak: {count(data['streak_weeks'], 'week')} with an entry",
        f"Open intentions: {data['open_intentions']} (pln next)",
    ]
    if data["dormant"]:
        shown = ", ".join(
            f"{clean_cell(row['name'])} ({'never seen' if row['last_seen'] is None else row['last_seen']})"
            for row in data["dormant"]
        )
        lines.append(f"Dormant: {shown}")
    for row in data.get("keep_in_touch", []):
        since = "never in touch" if row["last_contact"] is None else f"last {row['last_contact']}"
        lines.append(
            f"Keep in touch: {clean_cell(row['name'])} ({row['state']}, every {row['cadence']}, {since})"
        )
    if session := data.get("next_session"):
        when = session["date"] + (f" {session['time']}" if session["time"] else "")
        zone = f" {session['zone']}" if session["zone"] and session["time"] else ""
        lines.append(f"Next session: {clean_cell(session['name'])}, {when}{zone} (pln upcoming)")
    memories = sorted(data.get("a_year_ago", []), key=lambda m: not (m["intended"] and not m["applied"]))
    for memory in memories[:MEMORIES_SHOWN]:
        lines.append(clean_cell(memory["sentence"]))
    if len(memories) > MEMORIES_SHOWN:
        lines.append(f"  and {len(memories) - MEMORIES_SHOWN} more from a year ago (pln reflect)")
    if data["warning"]:
        lines.append(f"Watch: {clean_cell(data['warning'])} (pln report --network)")
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    app.command()(status)
