"""The entry filters, declared once: `--from/--to`, `--space`, `--with`, `--tool`, `--tag`,
`--growth`, `--engagement`, `--goal`.

`@filter_options()` adds them to a command (`@filter_options(*RANGE)`: only `--from/--to`), and the
command receives what was typed as one `filters: FilterOptions` argument, which
`query.read_filters` reads the same way for every command (sqlite-utils declares its shared options
once the same way).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from plnjournal.cli import complete
from plnjournal.cli.common import split_values
from plnjournal.query import FilterOptions

Command = TypeVar("Command", bound=Callable[..., Any])
RANGE_HELP = "a date or words: 'last month', 'this school year', '3 weeks ago'"

# parameter name -> (its FilterOptions field, its annotated typer option)
OPTIONS: dict[str, tuple[str, Any]] = {
    "start": (
        "start",
        Annotated[
            str | None,
            typer.Option("--from", help=f"Entries on or after this day: {RANGE_HELP}.", show_default=False),
        ],
    ),
    "end": (
        "end",
        Annotated[
            str | None, typer.Option("--to", help="Entries on or before this day.", show_default=False)
        ],
    ),
    "space": (
        "space",
        Annotated[str | None, typer.Option(show_default=False, autocompletion=complete.spaces)],
    ),
    "with_": (
        "people",
        Annotated[
            list[str] | None,
            typer.Option(
                "--with",
                help="Entries with these people.",
                show_default=False,
                autocompletion=complete.people,
            ),
        ],
    ),
    "tool": (
        "tools",
        Annotated[
            list[str] | None,
            typer.Option(
                help="Repeat or separate with commas.", show_default=False, autocompletion=complete.tools
            ),
        ],
    ),
    "tag": (
        "tags",
        Annotated[list[str] | None, typer.Option(help="Repeat or separate with commas.", show_default=False)],
    ),
    "growth": (
        "growth",
        Annotated[list[str] | None, typer.Option(show_default=False, autocompletion=complete.growth)],
    ),
    "engagement": (
        "engagement",
        Annotated[list[str] | None, typer.Option(show_default=False, autocompletion=complete.engagement)],
    ),
    "goal": ("goal", Annotated[str | None, typer.Option(show_default=False, autocompletion=complete.goals)]),
    "where": (
        "where",
        Annotated[
            list[str] | None,
            typer.Option(
                "--where",
                metavar="KEY=VALUE",
                help="Entries whose front-matter KEY (any key, yours too) matches: KEY=VALUE, "
                "KEY!=VALUE, KEY~TEXT (contains), KEY>N, KEY<N (numbers or dates). Repeat: all must hold.",
                show_default=False,
            ),
        ],
    ),
}
RANGE = ("start", "end")
MANY = frozenset(("people", "tools", "tags", "growth", "engagement"))  # FilterOptions' tuples


def filter_options(*names: str) -> Callable[[Command], Command]:
    """Give a command the filter options `names` (all of them when none is named); it receives
    them as its `filters: FilterOptions` parameter."""
    chosen = names or tuple(OPTIONS)
    return lambda command: with_options(
        command, {name: OPTIONS[name][1] for name in chosen}, into="filters", gather=options_of
    )


def with_options(
    command: Command,
    options: dict[str, Any],
    *,
    into: str,
    gather: Callable[[dict[str, Any]], Any],
    default: Any = None,
    first: bool = False,
) -> Command:
    """`command` with the keyword options `options` (name -> annotated type, `default`) added to
    its signature for typer; their values reach it as one argument `into`, made by `gather`.
    `first`: list them before the command's own options in `--help`."""
    keyword = inspect.Parameter.KEYWORD_ONLY  # typer passes every value by name
    signature = inspect.signature(command, eval_str=True)
    kept = [
        parameter.replace(kind=keyword) if parameter.kind != keyword else parameter
        for name, parameter in signature.parameters.items()
        if name != into
    ]
    added = [
        inspect.Parameter(name, keyword, default=default, annotation=annotation)
        for name, annotation in options.items()
    ]
    if first:
        kept, added = added, kept

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        typed = {name: kwargs.pop(name) for name in options}
        return command(*args, **{into: gather(typed)}, **kwargs)

    run.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in [*kept, *added]}
    return run  # type: ignore[return-value]


def options_of(typed: dict[str, Any]) -> FilterOptions:
    """The FilterOptions of a command's option values (a repeatable one also split at commas)."""
    fields = {OPTIONS[name][0]: value for name, value in typed.items()}
    return FilterOptions(**{field: _value(field, value) for field, value in fields.items()})


def _value(field: str, value: Any) -> Any:
    """A repeatable option's values as a tuple (split at commas, but not a --where, which may hold
    one); any other as typed."""
    if field == "where":
        return tuple(value or ())
    return split_values(value) if field in MANY else value
