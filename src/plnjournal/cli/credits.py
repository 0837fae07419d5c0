"""`pln credits`: recertification credit by a state's (or a district's) rule pack; `pln credits
init PACK` copies a built-in pack into the journal to edit; `pln credits packs` lists them."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import FormatOption, NoCommit, OutOption, present
from plnjournal.cli.context import current
from plnjournal.cli.credit_options import CycleOption, PackOption, pack_scope
from plnjournal.cli.privacy import AllowStudentData, Redact, Sharing, is_shared

CreditsFormat = Literal["table", "json", "csv", "markdown", "html"]
credits_app = typer.Typer()  # its help is the callback's docstring


@credits_app.callback(invoke_without_command=True)
def credits(
    ctx: typer.Context,
    pack: PackOption = None,
    cycle: CycleOption = None,
    entries: Annotated[bool, typer.Option("--entries", help="Also each entry's category and why.")] = False,
    fmt: Annotated[CreditsFormat, FormatOption] = "table",
    include_private: Annotated[
        bool,
        typer.Option("--include-private", help="Keep private entries in markdown, html, csv and -o files."),
    ] = False,
    out: OutOption = None,
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
) -> None:
    """Credit toward recertification, by a state's rule pack.

    Per category the units earned and counted after caps, the minimums missing, the total against
    what is required, and when the pace so far meets it. Packs are data from stored copies of state
    pages: check them against your state's current rules ('pln credits init PACK' to edit one).
    As markdown, html, csv or a file written with -o it leaves private entries out and refuses
    while it would share student data (pln check --privacy), unless --redact hides it or
    --allow-student-data."""
    if ctx.invoked_subcommand is not None:
        return
    from functools import partial

    from plnjournal.render.views import credits as view
    from plnjournal.reports.credits import build

    shared = is_shared(fmt, out)
    chosen, scope = pack_scope(pack, cycle, leave_private_out=shared and not include_private)
    data = build(chosen, scope["entries"], scope["index"], **scope["cycle"], today=scope["today"])
    if not data["entries"]:
        output.hint(f"no entries from {data['from']} to {data['to']}; nothing counts yet")
    journal = current().journal()
    sharing = Sharing(journal, scope["loaded"], redact, allow_student_data or not shared)
    view_of = partial(getattr(view, fmt), entries=entries) if fmt != "json" else None
    present(fmt, sharing.data(data), view_of, out, check=partial(sharing.check, what="the credits report"))


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
