"""The entry filters that `pln list entries` and `pln export` share: one set of options, one Filters.

A command declares the options with these annotated types and hands the values to
`entry_filters`, which checks vocabularies and resolves references by id or name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from .common import split_values

if TYPE_CHECKING:
    from ..query import Filters
    from ..refs import Index

FromOption = Annotated[
    str | None, typer.Option("--from", help="Entries on or after this date.", show_default=False)
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Entries on or before this date.", show_default=False)
]
SpaceOption = Annotated[str | None, typer.Option(show_default=False)]
WithOption = Annotated[
    list[str] | None, typer.Option("--with", help="Entries with these people.", show_default=False)
]
ManyOption = Annotated[
    list[str] | None, typer.Option(help="Repeat or separate with commas.", show_default=False)
]
GrowthOption = Annotated[list[str] | None, typer.Option(show_default=False)]
EngagementOption = Annotated[list[str] | None, typer.Option(show_default=False)]
GoalOption = Annotated[str | None, typer.Option(show_default=False)]


def entry_filters(
    index: Index,
    *,
    start: str | None,
    end: str | None,
    space: str | None,
    with_: list[str] | None,
    tool: list[str] | None,
    tag: list[str] | None,
    growth: list[str] | None,
    engagement: list[str] | None,
    goal: str | None,
    include_private: bool = True,
) -> Filters:
    """The Filters the options ask for; a UsageError or PlnError naming a bad value."""
    from ..create import check_vocabulary
    from ..dates import parse_date
    from ..query import Filters

    check_vocabulary("entry", "growth", split_values(growth))
    check_vocabulary("entry", "engagement", split_values(engagement))
    return Filters(
        start=parse_date(start, option="--from") if start else None,
        end=parse_date(end, option="--to") if end else None,
        space=index.require("space", space) if space else None,
        people=tuple(index.require("person", ref) for ref in split_values(with_)),
        tools=tuple(index.require("tool", ref) for ref in split_values(tool)),
        tags=split_values(tag),
        growth=split_values(growth),
        engagement=split_values(engagement),
        goal=index.require("goal", goal) if goal else None,
        include_private=include_private,
    )
