"""The `pln` command: global options and the command groups, each in a module of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plnjournal.cli.group import PlnGroup
from plnjournal.cli.state import state

HELP = """A journal for an educator's professional learning network (PLN): the people, spaces and
tools you learn with, and what you learn from them, as Markdown files under git.

Start with `pln init DIR`; then `pln add person`, `pln log` right after a chat or an Edcamp,
and `pln report --growth` at the end of a term."""

app = typer.Typer(
    cls=PlnGroup,
    help=HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            "-J",
            show_default=False,
            help="The journal folder (default: $PLN_JOURNAL, else the nearest pln.yaml upward).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Parse every file again; neither read nor write the cache in .pln/."),
    ] = False,
) -> None:
    state.journal_option = journal
    if no_cache:
        _without_cache(ctx)


def _without_cache(ctx: typer.Context) -> None:
    """Tell load() (here and in any worker it starts) to skip the cache, for this command only."""
    import os

    from plnjournal.journal.cache import NO_CACHE_VARIABLE

    if os.environ.get(NO_CACHE_VARIABLE):
        return
    os.environ[NO_CACHE_VARIABLE] = "1"
    ctx.call_on_close(lambda: os.environ.pop(NO_CACHE_VARIABLE, None))


COMMANDS = (
    "init",
    "add",
    "log",
    "templates",
    "browse",
    "rename",
    "set",
    "merge",
    "report",
    "next",
    "goal",
    "check",
    "sync",
    "reflect",
    "graph",
    "status",
    "config",
    "cache",
    "export_import",
    "portfolio",
    "credits",
)  # modules of this package, each with register(app); `pln --help` lists the commands they add


def _register() -> None:
    import importlib

    for name in COMMANDS:
        importlib.import_module(f"{__package__}.{name}").register(app)


_register()


def main() -> None:
    try:
        app()
    except Exception as problem:  # only a bug in building the CLI gets here; never a traceback
        import os
        import sys

        if os.environ.get("PLN_DEBUG"):
            raise
        sys.stderr.write(f"pln: error: internal error: {type(problem).__name__}: {problem}\n")
        sys.exit(1)
