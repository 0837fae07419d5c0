"""Questions on a terminal, for the values a user did not type: each skippable with Enter.

Only ever asked when stdin and stdout are both terminals and `--no-input` was not given; a script
or CI job never waits. Questions and choices go to stderr, so stdout keeps only data (the path).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import typer

from plnjournal.cli import output
from plnjournal.cli.common import split_values
from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS, SUPPORT_KINDS, display_name

if TYPE_CHECKING:
    from plnjournal.journal.refs import Index
    from plnjournal.journal.templates import Template
    from plnjournal.problems import Problem

GROWTH_QUESTIONS = {
    "affective": "How did it make you feel?",
    "cognitive": "What did you learn?",
    "identity": "Did it change how you see yourself or your role?",
    "social": "Who did you connect with?",
}
MAX_CHOICES_SHOWN = 12


def interactive(no_input: bool) -> bool:
    """True when pln may ask: a person at a terminal on both ends, and no `--no-input`."""
    return not no_input and output.is_terminal(sys.stdin) and output.is_terminal(sys.stdout)


def ask(question: str) -> str:
    """One answer, stripped; Enter gives ''."""
    suffix = " " if question.endswith(("?", "]")) else ": "
    return str(typer.prompt(question, default="", show_default=False, err=True, prompt_suffix=suffix)).strip()


def show_choices(index: Index, kind: str, label: str) -> None:
    records = sorted(index.by_id[kind].values(), key=lambda record: record.id)
    if not records:
        return
    shown = [f"{r.id} ({display_name(r)})" if display_name(r) != r.id else r.id for r in records]
    more = len(shown) - MAX_CHOICES_SHOWN
    listing = ", ".join(shown[:MAX_CHOICES_SHOWN]) + (f", and {more} more" if more > 0 else "")
    output.hint(f"{label}: {listing}")


def ask_refs(index: Index, kind: str, question: str) -> tuple[str, ...]:
    """Ids of existing records, by id or name, comma-separated; asked again until all are known."""
    while True:
        answer = split_values([ask(question)])
        from plnjournal.errors import PlnError

        found, problems = [], []
        for ref in answer:
            try:
                found.append(index.require(kind, ref))
            except PlnError as problem:
                problems.append(problem.message)
        if not problems:
            return tuple(dict.fromkeys(found))
        for message in problems:
            output.warn(message)


def ask_title_and_space(values: dict[str, Any], index: Index) -> dict[str, Any]:
    """The first questions of `pln log`: what it was, and where (which decides the template)."""
    output.hint("press Enter to skip a question")
    values = dict(values)
    values["title"] = ask("Title (what was it?)") or None
    if not values.get("date"):
        values["date"] = ask_date()
    if not values.get("space"):
        show_choices(index, "space", "spaces")
        values["space"] = next(iter(ask_refs(index, "space", "Space (id or name)")), None)
    return {key: value for key, value in values.items() if value}


def ask_details(values: dict[str, Any], index: Index, template: Template | None) -> dict[str, Any]:
    """Who was there, how it made you grow (the template's own questions first), what comes next."""
    values = dict(values)
    if not values.get("people"):
        show_choices(index, "person", "people")
        values["people"] = ask_refs(index, "person", "With (person ids or names, comma-separated)")
    defaults = template.defaults if template else {}
    if not values.get("minutes"):
        values["minutes"] = ask_minutes(defaults.get("minutes"))
    if not values.get("engagement"):
        values["engagement"] = ask_engagement(defaults.get("engagement"))
    if not values.get("growth"):
        prompts = template.prompts if template else {}
        notes = {
            dim: ask(f"Growth, {dim}: {prompts.get(dim) or GROWTH_QUESTIONS[dim]}") for dim in DIMENSIONS
        }
        values["growth"] = {dim: note for dim, note in notes.items() if note}
    if not values.get("next"):
        values["next"] = ask("Next (what will you try?)") or None
    return {key: value for key, value in values.items() if value}


def ask_date() -> Any:
    """The day it happened: Enter for today, else a date or words ('yesterday', 'last friday')."""
    from plnjournal.dates import parse_date, today
    from plnjournal.errors import UsageError

    day = today()
    while True:
        answer = ask(f"Date (yesterday, last friday, 2026-11-20...) [{day.isoformat()}]")
        if not answer:
            return day
        try:
            return parse_date(answer, option="date")
        except UsageError as bad:
            output.warn(bad.message)


def ask_minutes(default: object = None) -> int | None:
    """How long, read as `--minutes` reads it (90, 90 min, 1h30, 1.5 hours, 1:30); Enter keeps
    the template's minutes, if any."""
    from plnjournal.durations import FORMATS, DurationError, parse_duration

    shown = f" [{default} minutes]" if default else ""
    while True:
        answer = ask(f"How long? ({FORMATS['minutes']}){shown}")
        if not answer:
            return None
        try:
            return parse_duration(answer, "minutes")
        except DurationError as bad:
            output.warn(str(bad))


def ask_engagement(default: str | None) -> str | None:
    """What the educator did, from the list (DESIGN §3); Enter keeps the template's, if any."""
    from plnjournal.journal.vocabulary import bad_choice_message

    shown = f" [{default}]" if default else ""
    while True:
        answer = ask(f"What did you do? ({', '.join(ENGAGEMENT_LEVELS)}){shown}").lower()
        if not answer or answer in ENGAGEMENT_LEVELS:
            return answer or None  # None: the template's default applies
        output.warn(bad_choice_message("engagement", answer, ENGAGEMENT_LEVELS))


def ask_person(values: dict[str, Any], index: Index) -> dict[str, Any]:
    """The few fields of a new person that matter most for the network reports."""
    from plnjournal.journal.vocabulary import bad_choice_message

    output.hint("press Enter to skip a question")
    values = dict(values)
    values["roles"] = split_values([ask("Roles (teacher, coach, librarian, administrator...)")])
    values["organization"] = ask("Organization (school, district, company)") or None
    while True:
        provides = split_values([ask(f"What they give you ({', '.join(SUPPORT_KINDS)})")])
        wrong = [value for value in provides if value not in SUPPORT_KINDS]
        if not wrong:
            break
        output.warn(bad_choice_message("provides", wrong[0], SUPPORT_KINDS))
    values["provides"] = provides
    show_choices(index, "space", "spaces")
    values["met_at"] = next(iter(ask_refs(index, "space", "Where you met (a space id or name)")), None)
    return values


def ask_edit_again(problems: list[Problem]) -> bool:
    """After an edit that left the file unreadable: show where, then reopen the editor or keep it."""
    for problem in problems:
        output.warn(str(problem))
    while True:
        answer = ask("The file does not read: [e]dit again, or [k]eep it as written? [e]").lower() or "e"
        if answer in ("e", "edit", "k", "keep"):
            return answer.startswith("e")
