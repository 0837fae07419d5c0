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


def read_scope(
    journal: Journal, start: str | None, end: str | None, *, include_private: bool = True
) -> Scope:
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.dates import parse_date, today
    from plnjournal.git.history import people_added
    from plnjournal.journal.load import load
    from plnjournal.query import Filters
    from plnjournal.reports import make_scope

    loaded = load(journal.root)
    warn_skipped(loaded)
    filters = Filters(
        start=parse_date(start, option="--from") if start else None,
        end=parse_date(end, option="--to") if end else None,
        include_private=include_private,
    )
    added = people_added(journal, filters.end or today())
    return make_scope(loaded, filters, by="month", settings=journal.settings, today=today(), added=added)
