"""The whole journal and a date range as a report Scope, for commands that take only --from/--to
(`pln graph`, `pln reflect`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal
    from plnjournal.reports import Scope

Start = Annotated[
    str | None, typer.Option("--from", help="Entries on or after this date.", show_default=False)
]
End = Annotated[str | None, typer.Option("--to", help="Entries on or before this date.", show_default=False)]


def read_scope(journal: Journal, start: str | None, end: str | None) -> Scope:
    from plnjournal.cli import output
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.dates import parse_date, today
    from plnjournal.git.history import people_added
    from plnjournal.journal.load import load
    from plnjournal.query import Filters, ordered_range
    from plnjournal.reports import future_warnings, make_scope

    loaded = load(journal.root)
    warn_skipped(loaded)
    first, last = ordered_range(
        parse_date(start, option="--from") if start else None,
        parse_date(end, option="--to") if end else None,
    )
    filters = Filters(start=first, end=last)
    added = people_added(journal, filters.end or today())
    scope = make_scope(loaded, filters, by="month", settings=journal.settings, today=today(), added=added)
    for message in future_warnings(scope):
        output.warn(message)
    return scope
