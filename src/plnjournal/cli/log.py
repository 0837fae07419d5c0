"""`pln log [TITLE]`: one new entry, right after a chat, a session or a chapter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plnjournal.cli import complete, output, prompts
from plnjournal.cli.common import (
    Many,
    NoCommit,
    NoInput,
    Text,
    completed,
    duration_options,
    finish,
    split_values,
)
from plnjournal.cli.context import current
from plnjournal.model import Engagement

if TYPE_CHECKING:
    from plnjournal.change import Change
    from plnjournal.journal.settings import Journal

GrowthNote = Annotated[str | None, typer.Option(metavar="NOTE", show_default=False)]


def log(
    title: Annotated[
        str | None, typer.Argument(help="What it was, e.g. '#sschat on grading'.", show_default=False)
    ] = None,
    date: Annotated[
        str, typer.Option(help="ISO date or words: 'yesterday', 'last friday', '3 days ago'.")
    ] = "today",
    time: Annotated[str | None, typer.Option(help="24-hour HH:MM.", show_default=False)] = None,
    space: Annotated[
        str | None, completed(help="Where: a space id or name.", completion=complete.spaces)
    ] = None,
    with_: Annotated[
        list[str] | None,
        completed(
            "--with",
            help="Who: person ids or names; repeat or separate with commas.",
            completion=complete.people,
        ),
    ] = None,
    tool: Annotated[
        list[str] | None, completed(help="Repeat or separate with commas.", completion=complete.tools)
    ] = None,
    goal: Annotated[str | None, completed(completion=complete.goals)] = None,
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
        completed(help="A growth dimension without a note; repeatable.", completion=complete.growth),
    ] = None,
    engagement: Annotated[
        Engagement | None,
        typer.Option(
            help="What you did: read, asked, connected, shared, contributed, created, led.",
            show_default=False,
        ),
    ] = None,
    minutes: Annotated[
        str | None,
        typer.Option(help="How long: 90, '90 min', 1h30, '1.5 hours' or 1:30.", show_default=False),
    ] = None,
    hours: Annotated[
        str | None, typer.Option(help="How long, in hours: 1.5, 1h30 or 1:30.", show_default=False)
    ] = None,
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
    credit: Annotated[
        str | None,
        typer.Option(
            metavar="CATEGORY",
            help="Claim it for credit in this category of a rule pack (see 'pln credits --entries').",
            show_default=False,
        ),
    ] = None,
    sponsor: Annotated[
        str | None, typer.Option(help="Who offered it, as a credit log names them.", show_default=False)
    ] = None,
    sponsor_id: Annotated[
        str | None, typer.Option(help="The sponsor's approval number.", show_default=False)
    ] = None,
    private: Annotated[bool, typer.Option("--private", help="Never exported or put in a portfolio.")] = False,
    message: Annotated[
        str | None,
        typer.Option(
            "--message", "-m", help="The body; else stdin, else $EDITOR on a terminal.", show_default=False
        ),
    ] = None,
    template: Annotated[
        str | None,
        completed(
            help="Fill this template (see 'pln templates'); 'none' for no template.",
            completion=complete.template_names,
        ),
    ] = None,
    add_missing: Annotated[
        bool,
        typer.Option("--add-missing", help="Create people, spaces, tools and goals that do not exist yet."),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option("--resume", help="Save the newest draft pln kept when an entry could not be saved."),
    ] = False,
    no_commit: NoCommit = False,
    no_input: Annotated[bool, NoInput] = False,
) -> None:
    """Log what happened, with whom, where, how it made you grow, and what you will try next.

    On a terminal without a TITLE, pln asks for the title, space, people, growth and intention.
    Prints the new entry's path, so `$EDITOR $(pln log ...)` opens it. When the editor fails, what
    you typed is kept as a draft in .pln/drafts/: `pln log --resume` saves it.
    """
    if resume:
        _resume(add_missing, no_commit, no_input)
        return
    from plnjournal.dates import parse_date, today
    from plnjournal.journal.lookup import named_index
    from plnjournal.journal.templates import apply, for_entry

    notes = {"affective": affective, "cognitive": cognitive, "identity": identity, "social": social}
    named = set(split_values(growth))
    growth_map = {dim: note for dim, note in notes.items() if note is not None or dim in named}
    growth_map.update({dim: None for dim in named if dim not in notes})  # reported as unknown
    values: dict[str, Any] = {
        "date": None if date == "today" else parse_date(date),  # on a terminal, asked
        "time": _time(time),
        "title": title,
        "space": space,
        "people": split_values(with_),
        "tools": split_values(tool),
        "growth": growth_map,
        "engagement": engagement,
        "minutes": duration_options(minutes, hours),
        "goal": goal,
        "tags": split_values(tag),
        "next": next_,
        "applied": applied,
        "impact": impact,
        "evidence": split_values(evidence),
        "verified_by": verified_by,
        "credit": _credit(credit),
        "sponsor": sponsor,
        "sponsor_id": sponsor_id,
        "private": private or None,
    }
    present = {key: value for key, value in values.items() if value not in (None, (), {}, "")}
    asking = title is None and prompts.interactive(no_input)
    if not asking:
        _require_a_name(present)
    journal = current().journal()
    _warn_unknown_credit(journal.root, values["credit"])
    index = named_index(journal)
    if asking:
        present = prompts.ask_title_and_space(present, index)
        _require_a_name(present)
    present.setdefault("date", today())
    chosen = for_entry(journal, index, template, present.get("space"))
    if asking:
        present = prompts.ask_details(present, index, chosen)
    present, scaffold = apply(chosen, present, index, journal.settings.owner)
    body, edited = _body(journal, present, message, scaffold, no_input)
    change = _save(journal, present, body, add_missing, keep=asking or edited)
    if edited and body == scaffold:
        output.warn(f"the editor returned without any text; {_saved_as_is(change, scaffold)}")
    _warn_if_future(present["date"])
    finish(journal, change, commit=not no_commit)


def _warn_if_future(day: Any) -> None:
    from plnjournal.dates import future_note, today

    if note := future_note(day, today()):
        output.warn(f"date: {note} (saved as dated; fix it with 'pln edit')")


def _save(journal: Journal, values: dict[str, Any], body: str, add_missing: bool, keep: bool) -> Change:
    """The entry saved; when it is refused after the teacher typed it (`keep`), a draft keeps it."""
    from plnjournal.errors import PlnError
    from plnjournal.ops.create import log_entry

    try:
        return log_entry(journal, values, body, add_missing)
    except PlnError as refused:
        if not keep:
            raise
        raise PlnError(f"{refused.message}; {_kept(journal, values, body)}") from None


def _kept(journal: Journal, values: dict[str, Any], body: str) -> str:
    from plnjournal.journal.drafts import shown
    from plnjournal.ops.log_drafts import keep_draft

    draft = shown(journal, keep_draft(journal, values, body))
    return f"what you typed is kept in {draft}: 'pln log --resume' saves it"


def _saved_as_is(change: Change, scaffold: str) -> str:
    from plnjournal.ops.edit import AT_ONCE_HINT

    what = "with the template's text only" if scaffold.strip() else "without notes"
    return f"the entry is saved {what} ({AT_ONCE_HINT}); add them with 'pln edit {_id(change)}'"


def _id(change: Change) -> str:
    return change.created[0].rsplit("/", 1)[-1].removesuffix(".md")


def _resume(add_missing: bool, no_commit: bool, no_input: bool) -> None:
    """`pln log --resume`: the newest draft, reopened in $EDITOR on a terminal, then saved."""
    from plnjournal.errors import PlnError
    from plnjournal.journal.drafts import shown
    from plnjournal.ops.edit import has_editor, run_editor
    from plnjournal.ops.log_drafts import newest_draft, resume

    journal = current().journal()
    draft = newest_draft(journal)
    if prompts.interactive(no_input) and has_editor():
        status = run_editor(draft)
        if status != 0:
            kept = shown(journal, draft)
            raise PlnError(f"the editor exited with status {status}; the draft is kept in {kept}")
    output.hint(f"saving the draft {shown(journal, draft)}")
    finish(journal, resume(journal, draft, add_missing), commit=not no_commit)


def _require_a_name(values: dict[str, Any]) -> None:
    if not values.get("title") and not values.get("space"):
        from plnjournal.errors import UsageError

        raise UsageError("missing TITLE: give a title or --space (pln asks only on a terminal)")


def _credit(category: str | None) -> dict[str, str]:
    from plnjournal.journal.schema import to_credit

    return to_credit(category)


def _warn_unknown_credit(root: Path, credit: dict[str, str]) -> None:
    """A category no rule pack has is kept as typed (a district's pack may come later), with a warning."""
    if not credit:
        return
    import difflib

    from plnjournal.journal.pack_file import all_categories

    known = all_categories(root)
    if credit["category"] in known:
        return
    close = difflib.get_close_matches(credit["category"], sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    output.warn(f"--credit: {credit['category']!r} is not a category of any rule pack{hint} (kept as given)")


def _time(text: str | None) -> str | None:
    from plnjournal.errors import UsageError
    from plnjournal.journal.schema import BadValue, to_time

    try:
        return to_time(text)
    except BadValue as bad:
        raise UsageError(f"--time: {bad}") from None


def _body(
    journal: Journal, values: dict[str, Any], message: str | None, scaffold: str, no_input: bool
) -> tuple[str, bool]:
    """-m; else stdin when it is not a terminal; else $EDITOR on the template's scaffold on a
    terminal; else the scaffold as it is. `--no-input` reads neither stdin nor a terminal.
    With it, whether the editor wrote it; an editor that fails leaves a draft (PlnError)."""
    if message is not None:
        return message, False
    if no_input or sys.stdin is None:
        return scaffold, False
    if not output.is_terminal(sys.stdin):
        return _read_stdin() or scaffold, False
    from plnjournal.ops.edit import EditorFailed, compose, has_editor

    if not (output.is_terminal(sys.stdout) and has_editor()):
        return scaffold, False
    try:
        return compose(scaffold), True
    except EditorFailed as failed:
        from plnjournal.errors import PlnError

        kept = _kept(journal, values, str(failed.text))
        raise PlnError(f"{failed.message}, so the entry is not saved; {kept}") from None


def _read_stdin() -> str:
    from plnjournal.errors import UsageError

    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the text on standard input is not UTF-8") from None


def register(app: typer.Typer) -> None:
    app.command()(log)
