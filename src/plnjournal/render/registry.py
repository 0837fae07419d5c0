"""The one report registry: each report's name, its flag's help, and (imported on use) its build
function, the warnings it gives about values it cannot use, and its views by format.

`pln report`'s flags (`--growth`, ...) and `--format` choices come from here. It sits in render/
rather than reports/ because it names views, and reports never import render; nothing heavy is
imported until a report runs (so `pln --help` stays fast).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import TYPE_CHECKING, Any

from plnjournal.frozen import frozen

if TYPE_CHECKING:
    from plnjournal.reports import Scope

JSON = "json"  # every report's JSON is its data itself
FORMATS: tuple[str, ...] = ("table", JSON, "csv", "markdown", "html")
View = Callable[..., Any]


@frozen(slots=False)
class Parts:
    """A report's build function and its views, one per format."""

    build: Callable[[Scope], dict[str, Any]]
    views: dict[str, View]  # format -> view; "table" takes `terminal=`
    unusable_values: Callable[[Scope], list[str]] = field(default=lambda scope: [])

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(fmt for fmt in FORMATS if fmt == JSON or fmt in self.views)


@frozen(slots=False)
class Report:
    """A report's name and help, and how to load its parts when it runs."""

    name: str
    help: str
    load: Callable[[], Parts]


def _growth() -> Parts:
    from plnjournal.render.views import growth as view
    from plnjournal.reports import growth

    views = {"table": view.table, "csv": view.csv, "markdown": view.markdown, "html": view.html}
    return Parts(growth.build, views, growth.unusable_values)


def _network() -> Parts:
    from plnjournal.render.views import network as view
    from plnjournal.reports import network

    views = {"table": view.table, "csv": view.csv, "markdown": view.markdown, "html": view.html}
    return Parts(network.build_with_graph, views, network.unusable_values)


def _engagement() -> Parts:
    from plnjournal.render.views import engagement as view
    from plnjournal.reports import engagement

    views = {"table": view.table, "csv": view.csv, "markdown": view.markdown, "html": view.html}
    return Parts(engagement.build, views, engagement.unusable_values)


def _impact() -> Parts:
    from plnjournal.render.views import impact as view
    from plnjournal.reports import impact

    views = {"table": view.table, "csv": view.csv, "markdown": view.markdown, "html": view.html}
    return Parts(impact.build, views)


# in the order `pln report --help` lists them
REPORTS: dict[str, Report] = {
    report.name: report
    for report in (
        Report("growth", "How your network made you grow.", _growth),
        Report("network", "Who and where you learn from.", _network),
        Report("engagement", "How you take part.", _engagement),
        Report("impact", "From learning to practice to students.", _impact),
    )
}
