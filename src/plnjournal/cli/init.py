"""`pln init [DIR]`: a new journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from plnjournal.cli import output


def init(
    folder: Annotated[Path, typer.Argument(help="Where to make the journal.")] = Path("."),
    owner: Annotated[str | None, typer.Option(help="Your name, for reports and portfolios.")] = None,
    git: Annotated[bool, typer.Option("--git/--no-git", help="Make it a git repository.")] = True,
) -> None:
    """Make a new journal: folders, pln.yaml, a README and .gitignore; `git init` unless --no-git."""
    from plnjournal.ops.init import init_journal

    for message in init_journal(folder, owner, git):
        output.hint(message)


def register(app: typer.Typer) -> None:
    app.command()(init)
