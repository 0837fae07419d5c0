"""Shell completion of record ids, template names and vocabularies (`pln --install-completion`).

A completer runs on every TAB, so it reads file names only (never a file's contents) and never
fails: no journal, an unreadable folder or any other surprise simply means no suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import typer

from plnjournal.model import DIMENSIONS, ENGAGEMENT_LEVELS, FOLDERS, SUPPORT_KINDS

Completer = Callable[[typer.Context, str], list[str]]


def record_ids(root: str, kinds: Iterable[str]) -> Iterator[str]:
    """The ids of the given kinds: the names of their `.md` files (entries in year folders)."""
    from plnjournal.journal.files import record_files

    for kind in kinds:
        yield from (path.stem for path in record_files(Path(root), kind))


def journal_root(ctx: typer.Context) -> str | None:
    """The journal the command line points at: its --journal, else the usual discovery."""
    from plnjournal.errors import PlnError
    from plnjournal.journal.settings import find_root

    try:
        return str(find_root(ctx.find_root().params.get("journal")))
    except (PlnError, OSError, ValueError):
        return None


def matching(candidates: Iterable[str], incomplete: str) -> list[str]:
    """Candidates starting with the last comma-separated part of what was typed, sorted.

    `--with jane-doe,to` completes to `jane-doe,tom-lee`."""
    done, comma, part = incomplete.rpartition(",")
    prefix = done + comma
    return [prefix + value for value in sorted(set(candidates)) if value.startswith(part)]


def ids_of(*kinds: str) -> Completer:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        root = journal_root(ctx)
        return matching(record_ids(root, kinds), incomplete) if root else []

    return complete


def choices(values: tuple[str, ...]) -> Completer:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        return matching(values, incomplete)

    return complete


def template_names(ctx: typer.Context, incomplete: str) -> list[str]:
    from plnjournal.journal.templates import FOLDER, NONE, shipped_names

    root = journal_root(ctx)
    folder = Path(root, FOLDER) if root else None
    own = [path.stem for path in folder.glob("*.md")] if folder and folder.is_dir() else []
    return matching([*own, *shipped_names(), NONE], incomplete)


people = ids_of("person")
spaces = ids_of("space")
tools = ids_of("tool")
goals = ids_of("goal")
any_record = ids_of(*FOLDERS)
growth = choices(DIMENSIONS)
engagement = choices(ENGAGEMENT_LEVELS)
support = choices(SUPPORT_KINDS)


def open_intentions(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The open intentions' handles, each with its text as the help a shell shows beside it.

    Unlike the id completers this reads the entries (through the cache), since whether an
    intention is open is in the file, not its name; any failure means no suggestions."""
    root = journal_root(ctx)
    if not root:
        return []
    try:
        from plnjournal.dates import today
        from plnjournal.journal.load import load
        from plnjournal.reports.intentions import intention_rows

        rows = intention_rows(load(Path(root), ("entry", "reflection")), today())
    except Exception:  # a TAB never fails
        return []
    return [(row["handle"], row["next"]) for row in rows if row["handle"].startswith(incomplete)]


def tags(ctx: typer.Context, incomplete: str) -> list[str]:
    """The journal's tags (read through the cache, as `pln list tags` counts them); any failure
    means no suggestions."""
    root = journal_root(ctx)
    if not root:
        return []
    try:
        from plnjournal.journal.load import load
        from plnjournal.reports.tags import tag_counts

        loaded = load(Path(root))
        counts = tag_counts(record for records in loaded.records.values() for record in records)
    except Exception:  # a TAB never fails
        return []
    return matching(counts, incomplete)
