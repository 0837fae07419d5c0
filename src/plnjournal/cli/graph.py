"""`pln graph`: people, spaces and tools as a Mermaid or Graphviz DOT graph."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import RANGE, filter_options
from plnjournal.cli.privacy import AllowStudentData, IncludePrivate, Redact, Sharing, say_left_out
from plnjournal.query import FilterOptions


@filter_options(*RANGE)
def graph(
    filters: FilterOptions,
    fmt: Annotated[
        Literal["mermaid", "dot"], typer.Option("--format", "-f", help="Graph language.")
    ] = "mermaid",
    pairs: Annotated[bool, typer.Option("--pairs", help="Also link people who share an entry.")] = False,
    introductions: Annotated[
        bool,
        typer.Option("--introductions", help="Also draw who brought whom in (met_via, introduced_by)."),
    ] = False,
    include_private: IncludePrivate = False,
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
) -> None:
    """The network as a graph: people, spaces and tools, linked by the entries they share.

    Mermaid renders on GitHub and in Obsidian (put it in a ```mermaid block); for DOT:
    `pln graph --format dot | dot -Tsvg > network.svg`. Made to be shared, so private entries
    (and whom they name) stay out, unless --include-private; --redact names nobody.
    """
    import importlib

    from plnjournal.cli.scope import load_scope
    from plnjournal.reports.graph import build_graph

    journal = current().journal()
    scope = load_scope(journal, filters, include_private=include_private)
    say_left_out(scope.private_left_out)
    sharing = Sharing(journal, scope.loaded, redact, allow_student_data)
    renderer = importlib.import_module(f"plnjournal.render.{fmt}")
    text = renderer.render(sharing.data(build_graph(scope, pairs=pairs, introductions=introductions)))
    sharing.check(text, what="the graph")
    output.data(text)


def register(app: typer.Typer) -> None:
    app.command()(graph)
