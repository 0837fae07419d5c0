"""Pieces every command shares: multi-value options, --format, and finishing a write."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import complete, output

if TYPE_CHECKING:
    from plnjournal.change import Change
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
