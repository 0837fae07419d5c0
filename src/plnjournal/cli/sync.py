"""`pln sync`: commit pending journal files, pull (rebasing), push; a conflict is explained, not hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current
from plnjournal.text import count

if TYPE_CHECKING:
    from plnjournal.git.sync import SyncResult

RESOLVE_STEPS = """\
Both versions are in each file, between <<<<<<< and >>>>>>> lines; nothing is lost. To finish:
  git status                  where things stand
  edit each file: keep what you want, delete the marker lines
  git add FILE...             mark each file resolved
  git rebase --continue       then run 'pln sync' again
Or go back to how things were before this sync: git rebase --abort"""


def sync() -> None:
    """Commit the journal's pending files, `git pull --rebase`, then `git push`."""
    from plnjournal.git.sync import sync as sync_journal

    result = sync_journal(current().journal())
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
