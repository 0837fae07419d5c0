"""`pln undo`: revert pln's last commit in this journal, after saying what it puts back and asking."""

from __future__ import annotations

import typer

from plnjournal.cli import output
from plnjournal.cli.common import YesOption, ask_first, shortened
from plnjournal.cli.context import current
from plnjournal.text import count


def undo(yes: YesOption = False) -> None:
    """Undo the last change pln committed here (when it is the last commit): says which, and the
    files it puts back, then asks (--yes does not). The undo is a commit, so `pln undo` redoes it."""
    from plnjournal.ops.undo import plan, undo

    journal = current().journal()
    shown = plan(journal)
    commit = shown.commit
    title = f'{commit.short} "{commit.subject}" ({commit.author}, {commit.when})'
    lines = [f"this undoes {title}:", *shortened([f"  {step.does} {step.path}" for step in shown.steps])]
    if yes:
        for line in lines:
            output.hint(line)
    else:
        ask_first(lines, "Undo it?", not_done=f'"{commit.subject}" was not undone')
    change = undo(journal, shown)
    files = count(len(change.paths), "file")
    output.hint(f"undone: {files} as they were before {commit.short}; 'pln undo' again redoes it")


def register(app: typer.Typer) -> None:
    app.command()(undo)
