"""The click group behind `pln`: one place that turns any failure into one line and an exit code."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from plnjournal.cli import output


class PlnGroup(TyperGroup):
    """Like click's standalone mode, but every error is one line: `pln: error: ...`.

    Exit codes: 0 ok, 1 a problem in the journal or the request, 2 bad usage.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        from plnjournal.errors import PlnError, UsageError

        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except typer.TyperException as problem:  # click's usage errors (exit 2) and the like
            output.error(_usage_message(problem))
            code = problem.exit_code
        except typer.Abort:
            output.error("aborted")
            code = 1
        except UsageError as problem:
            output.error(problem.message)
            code = 2
        except PlnError as problem:
            output.error(problem.message)
            code = 1
        except BrokenPipeError:  # the reader went away (`pln list | head`): say nothing more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 1
        except Exception as problem:  # the top-level net: no traceback ever reaches a user
            if os.environ.get("PLN_DEBUG"):
                raise
            output.error(f"internal error: {type(problem).__name__}: {problem}")
            output.hint("this is a bug in pln; please report it (PLN_DEBUG=1 shows the traceback)")
            code = 1
        _finish_writing_the_index()
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        refuse_undecodable(args)
        return super().parse_args(ctx, args)


def _finish_writing_the_index() -> None:
    """A first run's index is copied out of SQLite's log while the output is made: wait for it."""
    index_write = sys.modules.get("plnjournal.journal.index_write")  # (never imported to ask)
    if index_write is not None:
        index_write.finished()


def refuse_undecodable(args: list[str]) -> None:
    """Python keeps bytes that are not UTF-8 as lone surrogates; they cannot be written to a file."""
    from plnjournal.errors import UsageError

    for argument in args:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raw = os.fsencode(argument)
            raise UsageError(f"an argument is not valid UTF-8: {raw!r}") from None


def _usage_message(problem: typer.TyperException) -> str:
    context = getattr(problem, "ctx", None)
    if problem.exit_code != 2:
        return problem.format_message()
    subcommand = context.command_path.partition(" ")[2] if context else ""
    command = f"pln {subcommand}".strip()  # the program name as the user typed it: pln
    return f"{problem.format_message()} (see '{command} --help')"
