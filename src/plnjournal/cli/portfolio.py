"""`pln portfolio` (evidence of learning over a school year) and `pln attach` (add evidence)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from plnjournal.cli.common import NoCommit, deliver
from plnjournal.cli.credits import CycleOption, PackOption
from plnjournal.cli.export_import import OutOption
from plnjournal.cli.state import state


def portfolio(
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="First day, or words ('last school year'); default: this school year.",
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", help="Last day (default: the school year's end).", show_default=False),
    ] = None,
    fmt: Annotated[
        Literal["markdown", "html", "csv"], typer.Option("--format", "-f", help="Output format.")
    ] = "markdown",
    out: OutOption = None,
    pack: PackOption = None,
    cycle: CycleOption = None,
) -> None:
    """Evidence of professional learning for recertification: clock hours, providers, evidence,
    what you learned and applied. Private entries are never in it. With --pack, grouped by the
    pack's categories with their units, in the columns that state's log asks for, over its cycle."""
    if pack is not None or cycle is not None:
        if start is not None or end is not None:
            from plnjournal.errors import UsageError

            raise UsageError("--from/--to: with --pack the portfolio covers the pack's cycle; use --cycle")
        _pack_portfolio(pack, cycle, fmt, out)
        return
    from plnjournal.cli import output
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.cli.report import report_range
    from plnjournal.dates import today
    from plnjournal.journal.load import load
    from plnjournal.periods import period_of
    from plnjournal.query import Filters
    from plnjournal.render.views import portfolio as view
    from plnjournal.reports import make_scope
    from plnjournal.reports.portfolio import build

    journal = state.journal()
    loaded = load(journal.root)
    warn_skipped(loaded)
    school_year = period_of(today(), "school-year", journal.settings.school_year_start)
    first, last = report_range(start, end, journal.settings.school_year_start)
    filters = Filters(start=first or school_year.start, end=last or school_year.end, include_private=False)
    scope = make_scope(loaded, filters, by="month", settings=journal.settings, today=today())
    data = build(scope)
    if not data["activities"]:
        output.hint(f"no entries from {data['from']} to {data['to']}; the portfolio is empty")
    deliver(getattr(view, fmt)(data), out)


def _pack_portfolio(pack: str | None, cycle: str | None, fmt: str, out: Path | None) -> None:
    from plnjournal.cli.credits import pack_scope
    from plnjournal.render.views import credit_log as view
    from plnjournal.reports.credit_log import build

    chosen, scope = pack_scope(pack, cycle, leave_private_out=True)
    owner = state.journal().settings.owner
    data = build(
        chosen, scope["entries"], scope["index"], **scope["cycle"], today=scope["today"], owner=owner
    )
    deliver(getattr(view, fmt)(data), out)


def attach(
    entry: Annotated[str, typer.Argument(metavar="ENTRY-ID", help="The entry's id.", show_default=False)],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to copy in.", show_default=False)],
    no_commit: NoCommit = False,
) -> None:
    """Copy FILE into evidence/ and add it to the entry's evidence list."""
    from plnjournal.cli.common import finish
    from plnjournal.ops.attach import attach as attach_file

    journal = state.journal()
    finish(journal, attach_file(journal, entry, file), commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(portfolio)
    app.command()(attach)
