"""The `pln` command: global options and the command groups, each in a module of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .group import PlnGroup
from .state import state

HELP = """A journal for an educator's professional learning network (PLN): the people, spaces and
tools you learn with, and what you learn from them, as Markdown files under git.

Start with `pln init DIR`; then `pln add person`, `pln log` right after a chat or an Edcamp,
and `pln report --growth` at the end of a term."""

app = typer.Typer(
    cls=PlnGroup,
    help=HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main_options(
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            "-J",
            show_default=False,
            help="The journal folder (default: $PLN_JOURNAL, else the nearest pln.yaml upward).",
        ),
    ] = None,
) -> None:
    state.journal_option = journal


def _register() -> None:
    from . import add, browse, check, exchange, init, log, manage, next, portfolio, report

    for module in (init, add, log, browse, manage, report, next, check, exchange, portfolio):
        module.register(app)


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
