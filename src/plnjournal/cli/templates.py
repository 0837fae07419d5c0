"""`pln templates`: the entry templates, what each is for, and which spaces use it by default."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli.common import FormatOption, TableFormat, emit
from plnjournal.cli.context import current

COLUMNS = ("name", "description", "spaces", "path")


def templates(fmt: Annotated[TableFormat, FormatOption] = "table") -> None:
    """List the entry templates for `pln log --template NAME` (edit them in the journal's templates/)."""
    from plnjournal.journal.load import load
    from plnjournal.journal.templates import available

    journal = current().journal()
    spaces = load(journal, ("space",)).of("space")
    rows = [
        [
            template.name,
            template.description,
            sorted(space.id for space in spaces if getattr(space, "template", None) == template.name),
            template.path,
        ]
        for template in available(journal)
    ]
    emit(fmt, COLUMNS, rows)


def register(app: typer.Typer) -> None:
    app.command()(templates)
