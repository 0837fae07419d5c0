"""Where text goes: data to stdout, messages to stderr; rich only on a terminal; NO_COLOR honoured.

Every string that came from a file is made safe before it is printed (see render.safe)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from plnjournal.text import clean


def is_terminal(stream: Any = None) -> bool:
    """Whether `stream` (default stdout) is a terminal, as the running command's Context says."""
    from plnjournal.cli.context import current

    context = current()
    stream = stream or sys.stdout
    if stream is sys.stdin:
        return context.stdin_terminal
    if stream is sys.stderr:
        return context.stderr_terminal
    if stream is sys.stdout:
        return context.stdout_terminal
    return bool(getattr(stream, "isatty", bool)())


# While `recording`: what was written, in order, as (1 for stdout or 2 for stderr, text).
_RECORDED: list[list[tuple[int, str]]] = []


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[int, str]]]:
    """Everything written to stdout and stderr through this module meanwhile (it is written too),
    for `replay` to write again (a report kept in the index: journal/outputs.py)."""
    written: list[tuple[int, str]] = []
    _RECORDED.append(written)
    try:
        yield written
    finally:
        _RECORDED.remove(written)


def replay(written: Iterable[tuple[int, str]]) -> None:
    """Write again what `recording` took, each piece to its stream."""
    for stream, text in written:
        if stream == 1:
            data(text)
        else:
            _message(text)


def _taken(stream: int, text: str) -> None:
    for written in _RECORDED:
        written.append((stream, text))


def data(text: str) -> None:
    """Write data (a table, JSON, a path) to stdout as given."""
    sys.stdout.write(text)
    sys.stdout.flush()
    _taken(1, text)


def _message(text: str) -> None:
    sys.stderr.write(text)
    _taken(2, text)


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


def json_list(chunks: Iterable[list[Any]]) -> None:
    """`json_data` of one list of every chunk's items, written a chunk at a time (long listings)."""
    from plnjournal.render import json

    for text in json.render_list(chunks, indent=2 if is_terminal() else None):
        data(text)


def line(text: str) -> None:
    data(clean(text) + "\n")


def error(message: str) -> None:
    _message(f"pln: error: {clean(message)}\n")


def warn(message: str) -> None:
    _message(f"pln: warning: {clean(message)}\n")


def hint(message: str) -> None:
    _message(f"pln: {clean(message)}\n")


def text_block(text: str) -> None:
    """Several lines of explanation to stderr, as they are (after `error`, to say what to do)."""
    _message(clean(text).rstrip("\n") + "\n")


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
