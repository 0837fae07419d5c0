"""`pln sync`: commit pending journal files, pull (rebasing), push; a conflict is explained, not hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current
from plnjournal.text import count

if TYPE_CHECKING:
    from plnjournal.git.sync import SyncResult

RESOLVE_STEPS = """\
Both versions are in each file: between '<<<<<<< the remote' and '=======' what the other device
synced, between '=======' and '>>>>>>> this device' what you changed here; nothing is lost.
To finish: edit each file, keep what you want, delete the marker lines, then
  pln sync --continue         finish the sync (no editor opens) and send it
Or go back to how things were before this sync: pln sync --abort"""


def sync(
    resume: Annotated[
        bool, typer.Option("--continue", help="After fixing the files a sync stopped on: finish it and push.")
    ] = False,
    abort: Annotated[
        bool, typer.Option("--abort", help="Undo a sync that stopped on a conflict: back to before it.")
    ] = False,
) -> None:
    """Commit the journal's pending files, `git pull --rebase`, then `git push`."""
    from plnjournal.errors import UsageError
    from plnjournal.git import sync as syncing

    if resume and abort:
        raise UsageError("--continue and --abort: choose one")
    journal = current().journal()
    if abort:
        remote = syncing.abort(journal)
        output.hint(f"sync undone: back to before it; nothing was sent to {remote.name}/{remote.branch}")
        return
    result = syncing.resume(journal) if resume else syncing.sync(journal)
    if result.committed:
        output.hint(f"committed {count(len(result.committed), 'changed file')}")
    if result.conflicts:
        _stop_on_conflicts(result)
    output.hint(summary(result))


def summary(result: SyncResult) -> str:
    remote = result.remote
    where = f"{remote.name}/{remote.branch} ({remote.url})"
    if not result.pulled and not result.pushed:
        return f"{where}: already up to date"
    return f"{where}: received {count(result.pulled, 'commit')}, sent {count(result.pushed, 'commit')}"


def _stop_on_conflicts(result: SyncResult) -> None:
    remote = result.remote
    output.error(
        f"sync stopped: these files were changed both here and on {remote.name}/{remote.branch}: "
        + ", ".join(result.conflicts)
    )
    output.text_block(RESOLVE_STEPS)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(sync)
