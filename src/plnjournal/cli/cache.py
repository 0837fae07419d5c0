"""`pln cache clear`: drop the index in .pln/ (it is rebuilt on the next command)."""

from __future__ import annotations

import typer

from plnjournal.cli import output
from plnjournal.cli.state import state

cache_app = typer.Typer(
    help="The index in .pln/index.sqlite: never the source of truth; deleting it changes no output.",
    no_args_is_help=True,
)


@cache_app.command()
def clear() -> None:
    """Remove the cache; the next command parses every file again and rebuilds it."""
    from plnjournal.journal.cache import clear as clear_cache

    journal = state.journal()
    removed = clear_cache(journal.root)
    output.hint(f"removed {len(removed)} cache file(s) from {journal.cache_dir}")


def register(app: typer.Typer) -> None:
    app.add_typer(cache_app, name="cache")
