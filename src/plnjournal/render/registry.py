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
    """A report's build function and its views, one per format: `views` imports them when called,
    so that JSON (the data itself, no view) never imports the HTML, CSV or Markdown writers."""

    build: Callable[[Scope], dict[str, Any]]
    views: Callable[[], dict[str, View]]  # format -> view; "table" takes `terminal=`
    unusable_values: Callable[[Scope], list[str]] = field(default=lambda scope: [])
    formats: tuple[str, ...] = FORMATS
    fields: tuple[str, ...] | None = None  # the entry fields it reads, if fewer than the head's

    def view(self, fmt: str) -> View | None:
        """The view of `fmt`; None for JSON."""
        return None if fmt == JSON else self.views()[fmt]


@frozen(slots=False)
class Report:
    """A report's name and help, and how to load its parts when it runs."""

    name: str
    help: str
    load: Callable[[], Parts]


def _by_format(view: Any) -> dict[str, View]:
    return {"table": view.table, "csv": view.csv, "markdown": view.markdown, "html": view.html}


def _growth() -> Parts:
    from plnjournal.reports import growth

    def views() -> dict[str, View]:
        from plnjournal.render.views import growth as view

        return _by_format(view)

    return Parts(growth.build, views, growth.unusable_values, fields=growth.FIELDS)


def _network() -> Parts:
    from plnjournal.reports import network

    def views() -> dict[str, View]:
        from plnjournal.render.views import network as view

        return _by_format(view)

    return Parts(network.build_with_graph, views, network.unusable_values)


def _engagement() -> Parts:
    from plnjournal.reports import engagement

    def views() -> dict[str, View]:
        from plnjournal.render.views import engagement as view

        return _by_format(view)

    return Parts(engagement.build, views, engagement.unusable_values)


def _impact() -> Parts:
    from plnjournal.reports import impact

    def views() -> dict[str, View]:
        from plnjournal.render.views import impact as view

        return _by_format(view)

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
