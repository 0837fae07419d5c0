"""`pln credits`: recertification credit by a state's (or a district's) rule pack; `pln credits
init PACK` copies a built-in pack into the journal to edit; `pln credits packs` lists them."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import FormatOption, NoCommit, OutOption, deliver
from plnjournal.cli.context import current
from plnjournal.cli.privacy import say_left_out

if TYPE_CHECKING:
    from plnjournal.journal.packs import Pack

CreditsFormat = Literal["table", "json", "csv", "markdown", "html"]
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

credits_app = typer.Typer()  # its help is the callback's docstring


@credits_app.callback(invoke_without_command=True)
def credits(
    ctx: typer.Context,
    pack: PackOption = None,
    cycle: CycleOption = None,
    entries: Annotated[bool, typer.Option("--entries", help="Also each entry's category and why.")] = False,
    fmt: Annotated[CreditsFormat, FormatOption] = "table",
    include_private: Annotated[
        bool, typer.Option("--include-private", help="Keep private entries in markdown and html.")
    ] = False,
    out: OutOption = None,
) -> None:
    """Credit toward recertification, by a state's rule pack.

    Per category the units earned and counted after caps, the minimums missing, the total against
    what is required, and when the pace so far meets it. Packs are data from stored copies of state
    pages: check them against your state's current rules ('pln credits init PACK' to edit one)."""
    if ctx.invoked_subcommand is not None:
        return
    from plnjournal.render.views import credits as view
    from plnjournal.reports.credits import build

    shared = fmt in ("markdown", "html") and not include_private
    chosen, scope = pack_scope(pack, cycle, leave_private_out=shared)
    data = build(chosen, scope["entries"], scope["index"], **scope["cycle"], today=scope["today"])
    if not data["entries"]:
        output.hint(f"no entries from {data['from']} to {data['to']}; nothing counts yet")
    if fmt == "json":
        output.json_data(data) if out is None else deliver(_json(data), out)
    elif fmt == "table":
        output.show(view.table(data, entries, terminal=output.is_terminal()))
    else:
        deliver(getattr(view, fmt)(data, entries), out)


def _json(data: dict[str, Any]) -> str:
    from plnjournal.render import json

    return json.render(data, indent=2)


def pack_scope(
    pack: str | None, cycle: str | None, *, leave_private_out: bool
) -> tuple[Pack, dict[str, Any]]:
    """The pack, and what a pack report covers: the entries, an index, the cycle's days, today
    (and the whole load, for --redact)."""
    from plnjournal.cli.browse import warn_skipped
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


@credits_app.command("init")
def init_pack(
    pack: Annotated[
        str, typer.Argument(metavar="PACK", help="A built-in pack: va, ny-ctle, tx-cpe, oh, ma.")
    ],
    as_name: Annotated[
        str | None, typer.Option("--as", help="Name the copy (credits/NAME.yaml).", show_default=False)
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """Copy a built-in rule pack to the journal's credits/ folder, to edit for your district."""
    from plnjournal.cli.common import finish
    from plnjournal.ops.credits import copy_pack

    journal = current().journal()
    finish(journal, copy_pack(journal, pack, as_name), commit=not no_commit)
    output.hint("edit it: set the cycle's dates, your district's rules; check it against the state's rules")


@credits_app.command("packs")
def packs(fmt: Annotated[Literal["table", "json"], FormatOption] = "table") -> None:
    """The rule packs pln knows: the built-in ones and the journal's own."""
    from plnjournal.errors import PlnError
    from plnjournal.journal.pack_file import available, find
    from plnjournal.render.views import credits as view

    root = current().journal().root
    rows, broken = [], False
    for name in available(root):
        try:
            pack = find(root, name)
        except PlnError as problem:
            output.warn(problem.message)
            broken = True
            continue
        rows.append(
            {"pack": name, "name": pack.name, "unit": pack.unit, "required": pack.required, "path": pack.path}
        )
    output.json_data(rows) if fmt == "json" else output.data(view.packs_table(rows))
    if broken:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(credits_app, name="credits")
