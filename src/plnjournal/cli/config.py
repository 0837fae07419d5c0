"""`pln config set KEY VALUE`, `pln config show`: the user's settings outside any journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from plnjournal.cli import output

config_app = typer.Typer(help="Your own settings, such as the default journal.", no_args_is_help=True)


@config_app.command("set")
def set_(
    key: Annotated[Literal["journal"], typer.Argument(help="The setting.", show_default=False)],
    value: Annotated[str, typer.Argument(help="Its value: for journal, a folder.", show_default=False)],
) -> None:
    """Set a setting; `pln config set journal ~/my-pln` makes pln work from any folder."""
    from plnjournal.errors import PlnError
    from plnjournal.journal.settings import CONFIG_FILE
    from plnjournal.journal.userconfig import set_value

    folder = Path(value).expanduser().resolve()
    if not (folder / CONFIG_FILE).is_file():
        raise PlnError(f"{folder} is not a pln journal (no {CONFIG_FILE}); run 'pln init {folder}' first")
    path = set_value(key, str(folder))
    output.hint(f"{key} = {folder} (in {path})")


@config_app.command()
def show() -> None:
    """Print the config file's path and its settings, and the journal pln would use here."""
    from plnjournal.cli.context import current
    from plnjournal.errors import PlnError
    from plnjournal.journal.userconfig import config_path, read_config

    data = read_config(strict=True)
    output.line(f"config file: {config_path()}" + ("" if config_path().exists() else " (not written yet)"))
    for key, value in data.items():
        output.line(f"{key}: {value}")
    try:
        output.line(f"journal in use here: {current().journal().root}")
    except PlnError as problem:
        output.line(f"journal in use here: none ({problem.message})")


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
