"""`pln cache clear`: drop the index in .pln/ (it is rebuilt on the next command)."""

from __future__ import annotations

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current

cache_app = typer.Typer(
    help="The index in .pln/index.sqlite: never the source of truth; deleting it changes no output.",
    no_args_is_help=True,
)


@cache_app.command()
def clear() -> None:
    """Remove the cache; the next command parses every file again and rebuilds it."""
    from plnjournal.git.history import forget
    from plnjournal.journal.cache import clear as clear_cache

    journal = current().journal()
    removed = clear_cache(journal.root) + forget(journal.root)
    output.hint(f"removed {len(removed)} cache file(s) from {journal.cache_dir}")


def register(app: typer.Typer) -> None:
    app.add_typer(cache_app, name="cache")
