"""`pln log [TITLE]`: one new entry, right after a chat, a session or a chapter."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..model import Engagement
from . import output
from .common import finish, split_values
from .state import state

Many = Annotated[list[str] | None, typer.Option(help="Repeat or separate with commas.", show_default=False)]
Text = Annotated[str | None, typer.Option(show_default=False)]
GrowthNote = Annotated[str | None, typer.Option(metavar="NOTE", show_default=False)]


def log(
    title: Annotated[
        str | None, typer.Argument(help="What it was, e.g. '#sschat on grading'.", show_default=False)
    ] = None,
    date: Annotated[
        str, typer.Option(help="ISO date or words: 'yesterday', 'last friday', '3 days ago'.")
    ] = "today",
    time: Annotated[str | None, typer.Option(help="24-hour HH:MM.", show_default=False)] = None,
    space: Annotated[str | None, typer.Option(help="Where: a space id or name.", show_default=False)] = None,
    with_: Annotated[
        list[str] | None,
        typer.Option(
            "--with", help="Who: person ids or names; repeat or separate with commas.", show_default=False
        ),
    ] = None,
    tool: Many = None,
    goal: Text = None,
    affective: Annotated[
        str | None,
        typer.Option(
            metavar="NOTE", help="How it made you feel: re-energized, less alone, braver.", show_default=False
        ),
    ] = None,
    cognitive: Annotated[
        str | None,
        typer.Option(metavar="NOTE", help="What you learned: ideas, resources, skills.", show_default=False),
    ] = None,
    identity: Annotated[
        str | None,
        typer.Option(metavar="NOTE", help="How you see yourself or your role.", show_default=False),
    ] = None,
    social: Annotated[
        str | None, typer.Option(metavar="NOTE", help="Who you connected with.", show_default=False)
    ] = None,
    growth: Annotated[
        list[str] | None,
        typer.Option(
            help="A growth dimension without a note; repeatable.",
            show_default=False,
        ),
    ] = None,
    engagement: Annotated[
        Engagement | None,
        typer.Option(
            help="What you did: read, asked, connected, shared, contributed, created, led.",
            show_default=False,
        ),
    ] = None,
    minutes: Annotated[int | None, typer.Option(min=0, show_default=False)] = None,
    tag: Many = None,
    next_: Annotated[
        str | None,
        typer.Option("--next", help="What you will try next (an open intention).", show_default=False),
    ] = None,
    applied: Annotated[str | None, typer.Option(help="What changed in practice.", show_default=False)] = None,
    impact: Annotated[
        str | None, typer.Option(help="The effect on students, if seen.", show_default=False)
    ] = None,
    evidence: Many = None,
    verified_by: Text = None,
    private: Annotated[bool, typer.Option("--private", help="Never exported or put in a portfolio.")] = False,
    message: Annotated[
        str | None,
        typer.Option(
            "--message", "-m", help="The body; else stdin, else $EDITOR on a terminal.", show_default=False
        ),
    ] = None,
    add_missing: Annotated[
        bool,
        typer.Option("--add-missing", help="Create people, spaces, tools and goals that do not exist yet."),
    ] = False,
    no_commit: Annotated[bool, typer.Option("--no-commit", help="Do not commit this change.")] = False,
) -> None:
    """Log what happened, with whom, where, how it made you grow, and what you will try next.

    Prints the new entry's path, so `$EDITOR $(pln log ...)` opens it.
    """
    from ..create import log_entry
    from ..dates import parse_date, today

    notes = {"affective": affective, "cognitive": cognitive, "identity": identity, "social": social}
    named = set(split_values(growth))
    growth_map = {dim: note for dim, note in notes.items() if note is not None or dim in named}
    growth_map.update({dim: None for dim in named if dim not in notes})  # reported as unknown
    values: dict[str, Any] = {
        "date": today() if date == "today" else parse_date(date),
        "time": _time(time),
        "title": title,
        "space": space,
        "people": split_values(with_),
        "tools": split_values(tool),
        "growth": growth_map,
        "engagement": engagement,
        "minutes": minutes,
        "goal": goal,
        "tags": split_values(tag),
        "next": next_,
        "applied": applied,
        "impact": impact,
        "evidence": split_values(evidence),
        "verified_by": verified_by,
        "private": private,
    }
    present = {key: value for key, value in values.items() if value not in (None, (), {}, "")}
    journal = state.journal()
    change = log_entry(journal, present, _body(message), add_missing)
    finish(journal, change, commit=not no_commit)


def _time(text: str | None) -> str | None:
    from ..errors import UsageError
    from ..schema import BadValue, to_time

    try:
        return to_time(text)
    except BadValue as bad:
        raise UsageError(f"--time: {bad}") from None


def _body(message: str | None) -> str:
    """-m, else stdin when it is not a terminal, else $EDITOR on a terminal."""
    if message is not None:
        return message
    if sys.stdin is None:
        return ""
    if not output.is_terminal(sys.stdin):
        return _read_stdin()
    if output.is_terminal(sys.stdout):
        from ..edit import compose

        return compose()
    return ""


def _read_stdin() -> str:
    from ..errors import UsageError

    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the text on standard input is not UTF-8") from None


def register(app: typer.Typer) -> None:
    app.command()(log)
