"""`pln goal done ID` and `pln goal drop ID`: close a goal without opening an editor."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import complete, output
from plnjournal.cli.common import NoCommit, finish
from plnjournal.cli.state import state

goal_app = typer.Typer(
    help="Mark a goal done or dropped (its `status`); `pln list goals` shows them.",
    no_args_is_help=True,
)
GoalId = Annotated[
    str, typer.Argument(metavar="GOAL", help="The goal's id or name.", autocompletion=complete.goals)
]


@goal_app.command("done")
def done(goal: GoalId, no_commit: NoCommit = False) -> None:
    """Mark a goal done: its status becomes `done`."""
    close(goal, "done", not no_commit)


@goal_app.command("drop")
def drop(goal: GoalId, no_commit: NoCommit = False) -> None:
    """Let a goal go: its status becomes `dropped`."""
    close(goal, "dropped", not no_commit)


def close(goal: str, status: str, commit: bool) -> None:
    from plnjournal.ops.goals import set_status

    journal = state.journal()
    change = set_status(journal, goal, status)
    output.hint(f"{change.message.partition(': ')[2]} is now {status}")
    finish(journal, change, commit=commit)


def register(app: typer.Typer) -> None:
    app.add_typer(goal_app, name="goal")
