"""Where text goes: data to stdout, messages to stderr; rich only on a terminal; NO_COLOR honoured.

Every string that came from a file is made safe before it is printed (see render.safe)."""

from __future__ import annotations

import os
import sys
from typing import Any

from plnjournal.text import clean


def is_terminal(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def data(text: str) -> None:
    """Write data (a table, JSON, a path) to stdout as given."""
    sys.stdout.write(text)
    sys.stdout.flush()


def show(view: Any) -> None:
    """A view's screen: text as it is, or a rich renderable through the terminal's console."""
    if isinstance(view, str):
        data(view)
    else:
        console().print(view)


def json_data(value: Any) -> None:
    """JSON on stdout: indented for a person at a terminal, one fast compact line for a pipe."""
    from plnjournal.render import json

    data(json.render(value, indent=2 if is_terminal() else None))


def line(text: str) -> None:
    data(clean(text) + "\n")


def error(message: str) -> None:
    sys.stderr.write(f"pln: error: {clean(message)}\n")


def warn(message: str) -> None:
    sys.stderr.write(f"pln: warning: {clean(message)}\n")


def hint(message: str) -> None:
    sys.stderr.write(f"pln: {clean(message)}\n")


def text_block(text: str) -> None:
    """Several lines of explanation to stderr, as they are (after `error`, to say what to do)."""
    sys.stderr.write(clean(text).rstrip("\n") + "\n")


def console(stderr: bool = False) -> Any:
    """A rich Console for the terminal (colour unless NO_COLOR), never interpreting file text."""
    from rich.console import Console

    return Console(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        no_color=bool(os.environ.get("NO_COLOR")),
    )
