"""Pieces every command shares: multi-value options, --format, what a load left out, the one way a
listing or a report reaches the screen, a file or a pipe in the format asked, and finishing a write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from plnjournal.cli import complete, output

if TYPE_CHECKING:
    from plnjournal.change import Change
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal

NoCommit = Annotated[bool, typer.Option("--no-commit", help="Do not commit this change.")]
RecordId = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A record's id, name, first name or a unique start of its id (KIND:ID to narrow).",
        show_default=False,
        autocompletion=complete.any_record,
    ),
]
TableFormat = Literal["table", "json", "csv"]
FormatOption = typer.Option("--format", "-f", help="Output format.")
OutOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (default: stdout).", show_default=False),
]
Many = Annotated[list[str] | None, typer.Option(help="Repeat or separate with commas.", show_default=False)]
Text = Annotated[str | None, typer.Option(show_default=False)]


def completed(*names: str, help: str | None = None, metavar: str | None = None, completion: Any) -> Any:
    """An option whose values the shell completes from the journal (`--space`, `--with`,
    `--template`...): no default shown, since its default is none."""
    return typer.Option(*names, help=help, metavar=metavar, show_default=False, autocompletion=completion)


NoInput = typer.Option(
    "--no-input", help="Never ask or wait for input (scripts, CI): a missing value is an error."
)


def split_values(values: Iterable[str] | None) -> tuple[str, ...]:
    """Values of a repeatable option, also comma-separated: `--role a --role b,c` -> (a, b, c)."""
    return tuple(
        dict.fromkeys(part.strip() for value in values or () for part in value.split(",") if part.strip())
    )


def duration_options(minutes: str | None, hours: str | None) -> int | None:
    """`--minutes` or `--hours` as whole minutes, read as teachers write them (see durations.py)."""
    from plnjournal.durations import DurationError, parse_duration
    from plnjournal.errors import UsageError

    if minutes is not None and hours is not None:
        raise UsageError("give --minutes or --hours, not both")
    if hours is not None:
        option, text, unit = "--hours", hours, "hours"
    elif minutes is not None:
        option, text, unit = "--minutes", minutes, "minutes"
    else:
        return None
    try:
        return parse_duration(text, unit)
    except DurationError as bad:
        raise UsageError(f"{option}: {bad}") from None


def finish(journal: Journal, change: Change, *, commit: bool = True) -> None:
    """Commit what was written when asked to, then print the created records' paths on stdout
    (in that order, so a reader that stops early, `| head`, never leaves a write uncommitted)."""
    for message in change.warnings:
        output.warn(message)
    if commit:
        from plnjournal.git.autocommit import autocommit

        for message in autocommit(journal, change):
            output.warn(message)
    for path in change.created:
        output.data(path + "\n")


YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do it without asking.")]
MOST_SHOWN = 20  # lines of "what this will do" before the rest is counted


def shortened(lines: list[str], most: int = MOST_SHOWN) -> list[str]:
    """The first `most` lines and a count of the rest: a rename across 300 entries stays readable."""
    if len(lines) <= most + 1:
        return lines
    return [*lines[:most], f"  and {len(lines) - most} more"]


def ask_first(lines: Iterable[str], question: str, *, not_done: str) -> None:
    """Say what is about to happen, then ask on the terminal; with no terminal to ask on, refuse
    (`not_done`, and the --yes that does it anyway) before saying anything; a "no" exits 1."""
    from plnjournal.cli.context import current
    from plnjournal.errors import PlnError

    if not current().stdin_terminal:
        raise PlnError(f"{not_done}: pln asks first, and there is no terminal to ask on; add --yes")
    for line in lines:
        output.hint(line)
    if not typer.confirm(question, default=False, err=True):
        output.hint(f"{not_done}; nothing was changed")
        raise typer.Exit(1)


def deliver(text: str, out: Path | None) -> None:
    """Text to stdout, or to `out` written atomically (a reader never sees half a file)."""
    if out is None:
        output.data(text)
        return
    from plnjournal.errors import PlnError
    from plnjournal.journal.atomic import write_over

    if not out.parent.is_dir():
        raise PlnError(f"-o {out}: the folder {out.parent} does not exist")
    if out.is_dir():
        raise PlnError(f"-o {out}: is a folder; give a file name")
    write_over(out, text)
    output.hint(f"wrote {out}")


def warn_skipped(loaded: Loaded) -> None:
    """One line per file or value left out, pointing at `pln check`: nothing is ignored silently."""
    for word, problems in (("skipped", loaded.skipped), ("ignored", loaded.ignored)):
        for problem in problems:
            output.warn(f"{word} {problem.path}:{problem.line}: {problem.message} (see 'pln check')")


Columns = Sequence[str]
Rows = Sequence[Sequence[Any]]


def emit_table(columns: Columns, rows: Rows) -> None:
    """A table: drawn by rich at a terminal (as wide as it is), plain aligned text in a pipe."""
    from plnjournal.render import table

    if output.is_terminal():
        console = output.console()
        console.print(table.render_rich(columns, rows, width=console.width))
    else:
        output.data(table.render_plain(columns, rows))


def emit(
    fmt: str,
    columns: Columns,
    rows: Rows,
    *,
    json: Any = None,
    flat: tuple[Columns, Rows] | None = None,
) -> None:
    """A listing in the format asked (`table`, `json`, `csv`): the one place a listing is rendered.

    `json`: the JSON value when it is not the rows keyed by column; `flat`: the CSV's columns and
    rows when they are not the table's (a CSV keeps every key, a table the ones that fit)."""
    if fmt == "json":
        output.json_data([dict(zip(columns, row, strict=True)) for row in rows] if json is None else json)
    elif fmt == "csv":
        from plnjournal.render import csv

        output.data(csv.render(*(flat or (columns, rows))))
    else:
        emit_table(columns, rows)


def present(
    fmt: str,
    data: Any,
    view: Callable[..., Any] | None,
    out: Path | None = None,
    *,
    check: Callable[[str], None] | None = None,
) -> None:
    """A report in the format asked: JSON is its data itself; `table` is the view's screen (rich at a
    terminal); any other format is the view's text, to stdout or to `out`, once `check` (the
    student-privacy guard of a shared output) has let it through."""
    if fmt == "json":
        if out is None:
            output.json_data(data)
        else:
            from plnjournal.render import json

            _checked_delivery(json.render(data, indent=2), out, check)
    elif view is None:
        from plnjournal.errors import UsageError

        raise UsageError(f"--format {fmt} is not available here")
    elif fmt == "table" and out is None:
        output.show(view(data, terminal=output.is_terminal()))
    elif fmt == "table":
        _checked_delivery(view(data, terminal=False), out, check)  # off a terminal: plain text
    else:
        _checked_delivery(view(data), out, check)


def _checked_delivery(text: str, out: Path | None, check: Callable[[str], None] | None) -> None:
    """The guard of a shared output first, then the text out; nothing is written when it refuses."""
    if check is not None:
        check(text)
    deliver(text, out)
