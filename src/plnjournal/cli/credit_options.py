"""What `pln credits` and `pln portfolio --pack` share: the `--pack` and `--cycle` options, and the
entries a pack report covers (the pack found, its cycle read, private entries left out when asked).

A neutral module, so that no command module imports another."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plnjournal.cli import output
from plnjournal.cli.common import warn_skipped
from plnjournal.cli.context import current
from plnjournal.cli.privacy import say_left_out

if TYPE_CHECKING:
    from plnjournal.journal.packs import Pack

PackOption = Annotated[
    str | None,
    typer.Option(
        "--pack",
        "-p",
        metavar="PACK",
        help="A rule pack: va, ny-ctle, tx-cpe, oh, ma, or the journal's own credits/NAME.yaml.",
        show_default=False,
    ),
]
CycleOption = Annotated[
    str | None,
    typer.Option(
        "--cycle",
        metavar="START[..END]",
        help="The cycle's first day (it runs the pack's years), or both days; default: the pack's.",
        show_default=False,
    ),
]


def pack_scope(
    pack: str | None, cycle: str | None, *, leave_private_out: bool
) -> tuple[Pack, dict[str, Any]]:
    """The pack, and what a pack report covers: the entries, an index, the cycle's days, today
    (and the whole load, for --redact)."""
    from plnjournal.dates import today
    from plnjournal.journal.load import load
    from plnjournal.journal.pack_file import find
    from plnjournal.journal.packs import cycle_of
    from plnjournal.journal.refs import Index

    journal = current().journal()
    chosen = find(journal.root, pack)
    loaded = load(journal)
    warn_skipped(loaded)
    entries = [entry for entry in loaded.entries if not (leave_private_out and entry.private)]
    first_entry = min((entry.date for entry in loaded.entries), default=None)
    start, end = parse_cycle(cycle, chosen) if cycle else cycle_of(chosen, first_entry, today())
    output.hint(f"{chosen.name} ({chosen.path}), cycle {start} to {end}")
    if leave_private_out:
        say_left_out(sum(1 for entry in loaded.entries if entry.private and start <= entry.date <= end))
    scope = {"entries": entries, "index": Index(loaded.records), "today": today(), "loaded": loaded}
    return chosen, {**scope, "cycle": {"start": start, "end": end}}


def parse_cycle(text: str, pack: Pack) -> tuple[dt.date, dt.date]:
    """`--cycle 2025-07-01` (the pack's years from there) or `--cycle 2025-07-01..2030-06-30`."""
    from plnjournal.dates import parse_date
    from plnjournal.errors import UsageError
    from plnjournal.journal.packs import add_years

    first_text, _, last_text = text.partition("..")
    start = parse_date(first_text, option="--cycle")
    if last_text:
        end = parse_date(last_text, option="--cycle")
    elif pack.years:
        end = add_years(start, pack.years) - dt.timedelta(days=1)
    else:
        raise UsageError(f"--cycle: the pack {pack.id} has fixed dates; give START..END")
    if end < start:
        raise UsageError(f"--cycle: {end} is before {start}")
    return start, end
