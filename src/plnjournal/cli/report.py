"""`pln report --growth|--network|--engagement|--impact`: the reports, in any format."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import split_values
from plnjournal.cli.state import state

if TYPE_CHECKING:
    from plnjournal.query import Filters

Period = Literal["week", "month", "quarter", "year", "school-year"]
ReportFormat = Literal["table", "json", "csv", "markdown", "html"]
NAMES = ("growth", "network", "engagement", "impact")


def report(
    growth: Annotated[bool, typer.Option("--growth", help="How your network made you grow.")] = False,
    network: Annotated[bool, typer.Option("--network", help="Who and where you learn from.")] = False,
    engagement: Annotated[bool, typer.Option("--engagement", help="How you take part.")] = False,
    impact: Annotated[bool, typer.Option("--impact", help="From learning to practice to students.")] = False,
    start: Annotated[
        str | None, typer.Option("--from", help="A date or words ('last month').", show_default=False)
    ] = None,
    end: Annotated[str | None, typer.Option("--to", help="A date or words.", show_default=False)] = None,
    by: Annotated[Period, typer.Option("--by", help="Period of the time series.")] = "month",
    space: Annotated[str | None, typer.Option(show_default=False)] = None,
    with_: Annotated[list[str] | None, typer.Option("--with", show_default=False)] = None,
    tag: Annotated[list[str] | None, typer.Option(show_default=False)] = None,
    goal: Annotated[str | None, typer.Option(show_default=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
) -> None:
    """A report over the entries in a range (default: all)."""
    from plnjournal.errors import UsageError
    from plnjournal.reports import REPORTS

    chosen = [name for name, flag in zip(NAMES, (growth, network, engagement, impact), strict=True) if flag]
    if len(chosen) != 1:
        raise UsageError("choose one report: --growth, --network, --engagement or --impact")
    name = chosen[0]
    if name not in REPORTS:
        raise UsageError(f"the {name} report is not available in this version of pln")
    # a page is made to be shared, so private entries stay out of it, as out of an export
    shared = fmt == "html"
    data = build_report(name, start, end, by, space, split_values(with_), split_values(tag), goal, shared)
    emit_report(name, data, fmt)


def build_report(
    name: str,
    start: str | None,
    end: str | None,
    by: str,
    space: str | None,
    people: tuple[str, ...],
    tags: tuple[str, ...],
    goal: str | None,
    leave_private_out: bool = False,
) -> dict:
    from plnjournal.cli.browse import warn_skipped
    from plnjournal.dates import today
    from plnjournal.git.history import people_added
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.query import Filters
    from plnjournal.reports import future_warnings, make_scope

    journal = state.journal()
    loaded = load(journal.root)
    warn_skipped(loaded)
    index = Index(loaded.records)
    filters = Filters(
        *report_range(start, end, journal.settings.school_year_start),
        space=index.require("space", space) if space else None,
        people=tuple(index.require("person", ref) for ref in people),
        tags=tags,
        goal=index.require("goal", goal) if goal else None,
        include_private=not leave_private_out,
    )
    added = people_added(journal, filters.end or today()) if name == "network" else None
    scope = make_scope(loaded, filters, by=by, settings=journal.settings, today=today(), added=added)
    module = importlib.import_module(f"plnjournal.reports.{name}")
    for message in [*future_warnings(scope), *getattr(module, "unusable_values", lambda _scope: [])(scope)]:
        output.warn(message)
    if not scope.entries:
        output.hint(f"no entries {describe_range(filters)}; the {name} report is empty")
    return module.build(scope)


def describe_range(filters: Filters) -> str:
    """'from 2026-01-01 to 2026-03-31' (or 'in this journal'), and 'matching the filters'."""
    bounds = [
        f"{word} {day.isoformat()}" for word, day in (("from", filters.start), ("to", filters.end)) if day
    ]
    where = " ".join(bounds) or "in this journal"
    narrowed = any((filters.space, filters.people, filters.tags, filters.goal))
    return where + (" matching the filters" if narrowed else "")


def report_range(
    start: str | None, end: str | None, school_year_start: tuple[int, int]
) -> tuple[dt.date | None, dt.date | None]:
    """--from and --to as dates; words naming a period mean its first day (--from) or last (--to)."""
    from plnjournal.periods import parse_bound
    from plnjournal.query import ordered_range

    first = (
        parse_bound(start, option="--from", last=False, school_year_start=school_year_start)
        if start
        else None
    )
    last = parse_bound(end, option="--to", last=True, school_year_start=school_year_start) if end else None
    return ordered_range(first, last)


def emit_report(name: str, data: dict, fmt: str) -> None:
    """JSON is the data itself; every other format comes from the report's view module."""
    if fmt == "json":
        output.json_data(data)
        return
    view = importlib.import_module(f"plnjournal.render.views.{name}")
    if fmt == "table":
        output.show(view.table(data, terminal=output.is_terminal()))
    else:
        render = getattr(view, fmt, None)
        if render is None:
            from plnjournal.errors import UsageError

            raise UsageError(f"--format {fmt} is not available for the {name} report")
        output.data(render(data))


def register(app: typer.Typer) -> None:
    app.command()(report)
