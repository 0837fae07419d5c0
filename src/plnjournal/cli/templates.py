"""`pln templates`: the entry templates, what each is for, and which spaces use it by default."""

from __future__ import annotations

from typing import Annotated

import typer

from . import output
from .common import FormatOption, TableFormat
from .state import state

COLUMNS = ("name", "description", "spaces", "path")


def templates(fmt: Annotated[TableFormat, FormatOption] = "table") -> None:
    """List the entry templates for `pln log --template NAME` (edit them in the journal's templates/)."""
    from ..load import load
    from ..templates import available

    journal = state.journal()
    spaces = load(journal.root, ("space",)).of("space")
    rows = [
        [
            template.name,
            template.description,
            sorted(space.id for space in spaces if getattr(space, "template", None) == template.name),
            template.path,
        ]
        for template in available(journal)
    ]
    if fmt == "json":
        output.json_data([dict(zip(COLUMNS, row, strict=True)) for row in rows])
    elif fmt == "csv":
        from ..render import csv

        output.data(csv.render(COLUMNS, rows))
    else:
        from .browse import emit_table

        emit_table(COLUMNS, rows)


def register(app: typer.Typer) -> None:
    app.command()(templates)
