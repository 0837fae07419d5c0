"""`pln portfolio` (evidence of learning over a school year) and `pln attach` (add evidence)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from .common import deliver
from .exchange import OutOption
from .state import state


def portfolio(
    start: Annotated[
        str | None,
        typer.Option("--from", help="First day (default: the current school year).", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", help="Last day (default: the school year's end).", show_default=False),
    ] = None,
    fmt: Annotated[
        Literal["markdown", "html", "csv"], typer.Option("--format", "-f", help="Output format.")
    ] = "markdown",
    out: OutOption = None,
) -> None:
    """Evidence of professional learning for recertification: clock hours, providers, evidence,
    what you learned and applied. Private entries are never in it."""
    from ..dates import parse_date, today
    from ..load import load
    from ..portfolio import build, school_year
    from ..query import Filters
    from ..render.views import portfolio as view
    from ..reports import make_scope
    from . import output
    from .browse import warn_skipped

    journal = state.journal()
    loaded = load(journal.root)
    warn_skipped(loaded)
    first, last = school_year(today(), journal.settings.school_year_start)
    filters = Filters(
        start=parse_date(start, option="--from") if start else first,
        end=parse_date(end, option="--to") if end else last,
        include_private=False,
    )
    scope = make_scope(loaded, filters, by="month", settings=journal.settings, today=today())
    data = build(scope)
    if not data["activities"]:
        output.hint(f"no entries from {data['from']} to {data['to']}; the portfolio is empty")
    deliver(getattr(view, fmt)(data), out)


def attach(
    entry: Annotated[str, typer.Argument(metavar="ENTRY-ID", help="The entry's id.", show_default=False)],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to copy in.", show_default=False)],
    no_commit: Annotated[bool, typer.Option("--no-commit", help="Do not commit this change.")] = False,
) -> None:
    """Copy FILE into evidence/ and add it to the entry's evidence list."""
    from ..attach import attach as attach_file
    from .common import finish

    journal = state.journal()
    finish(journal, attach_file(journal, entry, file), commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(portfolio)
    app.command()(attach)
