"""`pln portfolio` (evidence of learning over a school year) and `pln attach` (add evidence)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from plnjournal.cli.common import NoCommit, OutOption, deliver
from plnjournal.cli.context import current
from plnjournal.cli.credit_options import CycleOption, PackOption, pack_scope
from plnjournal.cli.entry_filters import RANGE, filter_options
from plnjournal.cli.privacy import AllowStudentData, IncludePrivate, Redact, Sharing, say_left_out
from plnjournal.query import FilterOptions


@filter_options(*RANGE)
def portfolio(
    filters: FilterOptions,
    fmt: Annotated[
        Literal["markdown", "html", "csv"], typer.Option("--format", "-f", help="Output format.")
    ] = "markdown",
    out: OutOption = None,
    pack: PackOption = None,
    cycle: CycleOption = None,
    include_private: IncludePrivate = False,
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
) -> None:
    """Evidence of professional learning for recertification: clock hours, providers, evidence,
    what you learned and applied. Private entries stay out, unless --include-private. With --pack,
    grouped by the pack's categories with their units, in the columns that state's log asks for,
    over its cycle.

    Without --from or --to it covers this school year (from the journal's school_year_start).
    Refuses while it would share student data (pln check --privacy), unless --redact hides it
    or --allow-student-data."""
    if pack is not None or cycle is not None:
        if filters.start is not None or filters.end is not None:
            from plnjournal.errors import UsageError

            raise UsageError("--from/--to: with --pack the portfolio covers the pack's cycle; use --cycle")
        _pack_portfolio(pack, cycle, fmt, out, include_private, (redact, allow_student_data))
        return
    from plnjournal.cli import output
    from plnjournal.cli.scope import load_scope
    from plnjournal.dates import today
    from plnjournal.render.views import portfolio as view
    from plnjournal.reports.portfolio import build, default_range

    journal = current().journal()
    scope = load_scope(
        journal,
        filters,
        include_private=include_private,
        history=False,
        default_range=default_range(journal.settings, today()),
    )
    say_left_out(scope.private_left_out)
    sharing = Sharing(journal, scope.loaded, redact, allow_student_data)
    data = sharing.data(build(scope))
    if not data["activities"]:
        output.hint(f"no entries from {data['from']} to {data['to']}; the portfolio is empty")
    text = getattr(view, fmt)(data)
    sharing.check(text, what="the portfolio")
    deliver(text, out)


def _pack_portfolio(
    pack: str | None,
    cycle: str | None,
    fmt: str,
    out: Path | None,
    include_private: bool,
    privacy: tuple[bool, bool],
) -> None:
    from plnjournal.render.views import credit_log as view
    from plnjournal.reports.credit_log import build

    chosen, scope = pack_scope(pack, cycle, leave_private_out=not include_private)
    journal = current().journal()
    data = build(
        chosen,
        scope["entries"],
        scope["index"],
        **scope["cycle"],
        today=scope["today"],
        owner=journal.settings.owner,
    )
    sharing = Sharing(journal, scope["loaded"], *privacy)
    text = getattr(view, fmt)(sharing.data(data))
    sharing.check(text, what="the portfolio")
    deliver(text, out)


def attach(
    entry: Annotated[str, typer.Argument(metavar="ENTRY-ID", help="The entry's id.", show_default=False)],
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The file to copy in.", show_default=False)],
    no_commit: NoCommit = False,
) -> None:
    """Copy FILE into evidence/ and add it to the entry's evidence list."""
    from plnjournal.cli.common import finish
    from plnjournal.ops.attach import attach as attach_file

    journal = current().journal()
    finish(journal, attach_file(journal, entry, file), commit=not no_commit)


def register(app: typer.Typer) -> None:
    app.command()(portfolio)
    app.command()(attach)
