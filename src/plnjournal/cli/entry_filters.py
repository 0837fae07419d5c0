"""The entry filters that `pln list entries` and `pln export` share: one set of options, one Filters.

A command declares the options with these annotated types, under these parameter names (start,
end, space, with_, tool, tag, growth, engagement, goal), and hands its `ctx.params` to
`entry_filters`, which checks vocabularies and resolves references by id or name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plnjournal.cli import complete
from plnjournal.cli.common import split_values

if TYPE_CHECKING:
    from plnjournal.journal.refs import Index
    from plnjournal.query import Filters

FromOption = Annotated[
    str | None, typer.Option("--from", help="Entries on or after this date.", show_default=False)
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Entries on or before this date.", show_default=False)
]
SpaceOption = Annotated[str | None, typer.Option(show_default=False, autocompletion=complete.spaces)]
WithOption = Annotated[
    list[str] | None,
    typer.Option(
        "--with", help="Entries with these people.", show_default=False, autocompletion=complete.people
    ),
]
ToolOption = Annotated[
    list[str] | None,
    typer.Option(help="Repeat or separate with commas.", show_default=False, autocompletion=complete.tools),
]
ManyOption = Annotated[
    list[str] | None, typer.Option(help="Repeat or separate with commas.", show_default=False)
]
GrowthOption = Annotated[list[str] | None, typer.Option(show_default=False, autocompletion=complete.growth)]
EngagementOption = Annotated[
    list[str] | None, typer.Option(show_default=False, autocompletion=complete.engagement)
]
GoalOption = Annotated[str | None, typer.Option(show_default=False, autocompletion=complete.goals)]


def entry_filters(index: Index, options: Mapping[str, Any], *, include_private: bool = True) -> Filters:
    """The Filters a command's options ask for (`options`: its `ctx.params`, read by the parameter
    names above); a UsageError or PlnError naming a bad value."""
    from plnjournal.dates import parse_date
    from plnjournal.journal.vocabulary import check_vocabulary
    from plnjournal.query import Filters, ordered_range

    start, end, space, goal = (options.get(name) for name in ("start", "end", "space", "goal"))
    growth = split_values(options.get("growth"))
    engagement = split_values(options.get("engagement"))
    check_vocabulary("entry", "growth", growth)
    check_vocabulary("entry", "engagement", engagement)
    first, last = ordered_range(
        parse_date(start, option="--from") if start else None,
        parse_date(end, option="--to") if end else None,
    )
    return Filters(
        start=first,
        end=last,
        space=index.require("space", space) if space else None,
        people=tuple(index.require("person", ref) for ref in split_values(options.get("with_"))),
        tools=tuple(index.require("tool", ref) for ref in split_values(options.get("tool"))),
        tags=split_values(options.get("tag")),
        growth=growth,
        engagement=engagement,
        goal=index.require("goal", goal) if goal else None,
        include_private=include_private,
    )
