"""The journal read for a command that reports on entries (`pln report`, `graph`, `reflect`,
`portfolio`): loaded, the files and entries left out warned about, and the filters typed read into a Scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal
    from plnjournal.journal.walk import Walk
    from plnjournal.query import FilterOptions
    from plnjournal.reports import Scope


def load_scope(
    journal: Journal,
    options: FilterOptions,
    *,
    history: bool = True,
    heads: bool = False,
    fields: tuple[str, ...] | None = None,
    walked: Walk | None = None,
    loaded: Loaded | None = None,
    **choices: Any,
) -> Scope:
    """`choices`: what `reports.read_scope` takes besides the records (by, include_private, ...);
    `history`: also read from git when each person was added (the network's dormant ties);
    `heads`: the command reads no more of an entry than its head (`packed.HEAD_FIELDS`), so it may
    load only that, and `fields` may say which of them (the filters add theirs); `--where`, which
    may name any key, loads whole entries all the same. `walked`: the journal's files, when the
    command has walked them already (`walk.walk`); `loaded`: what `load_entries` gave, when the
    command has loaded already."""
    from functools import partial

    from plnjournal.cli import output
    from plnjournal.cli.common import warn_skipped
    from plnjournal.dates import today
    from plnjournal.reports import future_warnings, read_scope

    loaded = loaded or load_entries(journal, options, heads=heads, fields=fields, walked=walked)[0]
    warn_skipped(loaded)
    added = None
    if history:  # git is imported only then
        from plnjournal.git.history import people_added

        added = partial(people_added, journal)
    scope = read_scope(loaded, options, settings=journal.settings, today=today(), added=added, **choices)
    for message in future_warnings(scope):
        output.warn(message)
    return scope


def load_entries(
    journal: Journal,
    options: FilterOptions,
    *,
    heads: bool = False,
    fields: tuple[str, ...] | None = None,
    walked: Walk | None = None,
) -> tuple[Loaded, tuple[str, ...] | None]:
    """The journal as `load_scope` loads it (see there), and the entry fields it loaded (None: a
    head's or every field)."""
    from plnjournal.journal.load import load

    read = entry_fields_read(options, heads=heads, fields=fields)
    return load(journal, entry_heads=heads and not options.where, entry_fields=read, walked=walked), read


def entry_fields_read(
    options: FilterOptions, *, heads: bool = False, fields: tuple[str, ...] | None = None
) -> tuple[str, ...] | None:
    """The entry fields `load_entries` loads for a command that reads `fields` of entries' heads
    and for its filters (None: a head's, or every field)."""
    from plnjournal.query import fields_read

    if fields is None or options.where or not heads:
        return None
    return tuple(dict.fromkeys((*fields, *fields_read(options))))
