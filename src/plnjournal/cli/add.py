"""`pln add person|space|tool|goal NAME`: one new record."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from plnjournal.cli import complete, prompts
from plnjournal.cli.common import Many, NoCommit, NoInput, Text, completed, finish, split_values
from plnjournal.cli.context import current
from plnjournal.model import GoalStatus, Mode, SpaceKind, ToolCategory, ToolKind

add_app = typer.Typer(help="Add a person, space, tool or goal to your network.", no_args_is_help=True)

Name = Annotated[str, typer.Argument(help="Its name, as you would say it.", show_default=False)]
Id = Annotated[
    str | None, typer.Option("--id", help="Its id, if not the slug of its name.", show_default=False)
]
Note = Annotated[
    str | None, typer.Option("--message", "-m", help="Notes (the Markdown body).", show_default=False)
]
Tags = Annotated[
    list[str] | None, typer.Option("--tag", help="Repeat or separate with commas.", show_default=False)
]


def _add(kind: str, values: dict[str, Any], body: str | None, record_id: str | None, no_commit: bool) -> None:
    from plnjournal.dates import parse_date
    from plnjournal.ops.create import add_record

    for key in ("met", "started"):
        if isinstance(values.get(key), str):
            values[key] = parse_date(values[key], option=f"--{key}")
    present = {key: value for key, value in values.items() if value not in (None, (), "")}
    journal = current().journal()
    change = add_record(journal, kind, present, body or "", record_id)
    finish(journal, change, commit=not no_commit)


@add_app.command()
def person(
    name: Name,
    role: Many = None,
    subject: Many = None,
    level: Many = None,
    organization: Text = None,
    location: Text = None,
    handle: Annotated[
        list[str] | None,
        typer.Option(help="SERVICE=@HANDLE, e.g. bluesky=@jdoe.bsky.social.", show_default=False),
    ] = None,
    provides: Annotated[
        list[str] | None, completed(help="What they give you; repeatable.", completion=complete.support)
    ] = None,
    met: Annotated[
        str | None, typer.Option(help="When you met (a date or 'last friday').", show_default=False)
    ] = None,
    met_at: Annotated[
        str | None, completed(help="Where you met: a space id or name.", completion=complete.spaces)
    ] = None,
    met_via: Annotated[
        str | None,
        completed(help="The space that brought them into your network.", completion=complete.spaces),
    ] = None,
    introduced_by: Annotated[
        str | None, completed(help="The person who introduced you.", completion=complete.people)
    ] = None,
    cadence: Annotated[
        str | None,
        typer.Option(
            help="Keep in touch every 30d, 2w, 3m... (pln status lists who is due).", show_default=False
        ),
    ] = None,
    tag: Tags = None,
    message: Note = None,
    record_id: Id = None,
    no_commit: NoCommit = False,
    no_input: Annotated[bool, NoInput] = False,
) -> None:
    """Add a person who gives you feedback, advice, ideas, emotional support or mentoring.

    On a terminal, with only a NAME, pln asks for their roles, organization, what they give you
    and where you met."""
    values = {
        "name": name,
        "roles": split_values(role),
        "subjects": split_values(subject),
        "levels": split_values(level),
        "organization": organization,
        "location": location,
        "handles": _handles(handle),
        "provides": split_values(provides),
        "met": met,
        "met_at": met_at,
        "met_via": met_via,
        "introduced_by": introduced_by,
        "cadence": _cadence(cadence),
        "tags": split_values(tag),
    }
    if not any(values[key] for key in values if key != "name") and prompts.interactive(no_input):
        from plnjournal.journal.lookup import named_index

        values = prompts.ask_person(values, named_index(current().journal()))
    _add("person", values, message, record_id, no_commit)


@add_app.command()
def space(
    name: Name,
    kind: Annotated[SpaceKind | None, typer.Option(show_default=False)] = None,
    mode: Annotated[Mode | None, typer.Option(show_default=False)] = None,
    platform: Annotated[
        str | None, typer.Option(help="The company or service it depends on.", show_default=False)
    ] = None,
    hashtag: Text = None,
    schedule: Text = None,
    url: Text = None,
    template: Annotated[
        str | None,
        completed(help="Default entry template for `pln log --space`.", completion=complete.template_names),
    ] = None,
    tag: Tags = None,
    message: Note = None,
    record_id: Id = None,
    no_commit: NoCommit = False,
) -> None:
    """Add a space where you learn with others: a chat, an Edcamp, a conference, a forum, a PLC..."""
    values = {
        "name": name,
        "kind_": kind,
        "mode": mode,
        "platform": platform,
        "hashtag": hashtag,
        "schedule": schedule,
        "url": url,
        "template": template,
        "tags": split_values(tag),
    }
    _add("space", values, message, record_id, no_commit)


@add_app.command()
def tool(
    name: Name,
    kind: Annotated[ToolKind | None, typer.Option(show_default=False)] = None,
    category: Annotated[ToolCategory | None, typer.Option(show_default=False)] = None,
    url: Text = None,
    tag: Tags = None,
    message: Note = None,
    record_id: Id = None,
    no_commit: NoCommit = False,
) -> None:
    """Add a tool: a book, a curriculum, a feed reader, a curation or search tool, a blog..."""
    values = {"name": name, "kind_": kind, "category": category, "url": url, "tags": split_values(tag)}
    _add("tool", values, message, record_id, no_commit)


@add_app.command()
def goal(
    name: Name,
    status: Annotated[GoalStatus, typer.Option()] = "active",
    started: Annotated[str | None, typer.Option(help="Default: today.", show_default=False)] = None,
    tag: Tags = None,
    message: Note = None,
    record_id: Id = None,
    no_commit: NoCommit = False,
) -> None:
    """Add a goal: a need, interest or aim your network helps you with."""
    from plnjournal.dates import today

    values = {
        "name": name,
        "status": status,
        "started": started or today(),
        "tags": split_values(tag),
    }
    _add("goal", values, message, record_id, no_commit)


@add_app.command()
def session(
    space: Annotated[
        str,
        typer.Argument(help="The space: its id or name.", show_default=False, autocompletion=complete.spaces),
    ],
    date: Annotated[
        str, typer.Argument(help="The day: a date or words ('next tuesday').", show_default=False)
    ],
    no_commit: NoCommit = False,
) -> None:
    """Add a dated session to a space (a conference day, an Edcamp): `pln upcoming` lists it."""
    from plnjournal.dates import parse_date
    from plnjournal.ops.sessions import add_session

    journal = current().journal()
    change = add_session(journal, space, parse_date(date, option="DATE", prefer="future"))
    finish(journal, change, commit=not no_commit)


def _cadence(text: str | None) -> str | None:
    if text is None:
        return None
    from plnjournal.errors import UsageError
    from plnjournal.schedule import read_cadence

    cadence, why = read_cadence(text)
    if cadence is None:
        raise UsageError(f"--cadence: {why}")
    return cadence.text


def _handles(values: list[str] | None) -> dict[str, str]:
    from plnjournal.errors import UsageError

    handles = {}
    for value in split_values(values):
        service, sep, handle = value.partition("=")
        if not sep or not service.strip() or not handle.strip():
            raise UsageError(f"--handle: {value!r} is not SERVICE=HANDLE (e.g. bluesky=@jdoe.bsky.social)")
        handles[service.strip()] = handle.strip()
    return handles


def register(app: typer.Typer) -> None:
    app.add_typer(add_app, name="add")
