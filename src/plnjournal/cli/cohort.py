"""`pln cohort FILE...|DIR`: many teachers' shares (`pln export --for-cohort`) added up, with small
cells suppressed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from plnjournal.cli import output


def cohort(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...|DIR", help="Share files, or folders of them (*.json).", show_default=False
        ),
    ],
    min_teachers: Annotated[
        int, typer.Option("--min-teachers", min=1, help="Suppress every cell resting on fewer teachers.")
    ] = 5,
    goal_hours: Annotated[
        float | None, typer.Option("--goal-hours", help="Count the teachers who reached these hours.")
    ] = None,
    fmt: Annotated[
        Literal["table", "json", "csv", "markdown", "html"],
        typer.Option("--format", "-f", help="Output format."),
    ] = "table",
) -> None:
    """Add up the cohort shares of many teachers: totals, how many teachers each rests on, medians.

    Each teacher counts once (their newest share). A figure resting on fewer than --min-teachers
    teachers is suppressed, so no small group can be recognised. Needs no journal."""
    from plnjournal.render.views import cohort as view
    from plnjournal.reports.cohort import aggregate

    data = aggregate(read_shares(paths), min_teachers, goal_hours)
    if fmt == "json":
        output.json_data(data)
    else:
        output.data(getattr(view, fmt)(data))


def read_shares(paths: list[Path]) -> list[dict]:
    """Every readable share under `paths`; a file that is not one is a warning, never a stop."""
    import json

    from plnjournal.errors import PlnError
    from plnjournal.reports.cohort import check_share

    shares = []
    for file in share_files(paths):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as problem:
            output.warn(f"{file}: skipped: cannot read it as JSON ({problem.__class__.__name__})")
            continue
        why = check_share(data)
        if why:
            output.warn(f"{file}: skipped: {why}")
            continue
        shares.append(data)
    if not shares:
        raise PlnError("no cohort shares found (make one with: pln export --for-cohort -o share.json)")
    return shares


def share_files(paths: list[Path]) -> list[Path]:
    from plnjournal.errors import UsageError

    files = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*.json") if not any(part.startswith(".") for part in p.parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return files


def register(app: typer.Typer) -> None:
    app.command()(cohort)
