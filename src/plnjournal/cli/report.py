"""`pln report --growth|--network|--engagement|--impact`: the reports, in any format.

The flags and the `--format` choices come from the one registry, `render.registry.REPORTS`."""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import OutOption, present
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import OPTIONS, filter_options, with_options
from plnjournal.cli.kept import Loading, kept_output
from plnjournal.cli.privacy import (
    AllowStudentData,
    IncludePrivate,
    Redact,
    Sharing,
    is_shared,
    say_left_out,
)
from plnjournal.cli.scope import entry_fields_read
from plnjournal.query import FilterOptions
from plnjournal.render.registry import FORMATS, JSON, REPORTS, Parts

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal
    from plnjournal.journal.walk import Walk

Period = Literal["week", "month", "quarter", "year", "school-year"]
ReportFormat = Literal[FORMATS]  # type: ignore[valid-type]


def report(
    chosen: tuple[str, ...],
    filters: FilterOptions,
    by: Annotated[Period, typer.Option("--by", help="Period of the time series.")] = "month",
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    include_private: IncludePrivate = False,
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
    out: OutOption = None,
) -> None:
    """A report over the entries in a range (default: all); -o writes it to a file.

    As markdown, html or csv, or written to a file with -o (made to be shared), it leaves private
    entries out, unless --include-private, and refuses while it would share student data (pln
    check --privacy), unless --redact hides it or --allow-student-data; the table and JSON on your
    terminal keep everything."""
    from plnjournal.dates import today
    from plnjournal.errors import UsageError

    if len(chosen) != 1:
        raise UsageError(f"choose one report: {_flag_list()}")
    name = chosen[0]
    parts = REPORTS[name].load()
    if fmt not in parts.formats:
        raise UsageError(f"--format {fmt} is not available for the {name} report")
    shared = is_shared(fmt, out)  # shared outputs leave private entries out
    journal = current().journal()
    keep_private = include_private or not shared
    run = Run(name, parts, journal, fmt, out, keep_private, redact, allow_student_data or not shared)
    asked = (
        name,
        dataclasses.astuple(filters),
        by,
        fmt,
        keep_private,
        output.is_terminal(),
        today().isoformat(),
    )
    # JSON on stdout is kept in the index (journal/outputs.py), but the network's: it asks git too
    if fmt == JSON and out is None and not redact and name != "network" and journal.use_cache:
        read = entry_fields_read(filters, heads=True, fields=parts.fields)
        kept_output(journal.root, asked, partial(run, filters, by), fields=read)
    else:
        run(filters, by)


@dataclasses.dataclass(frozen=True)
class Run:
    """A report as the command line asks for it, to run over the entry filters and periods."""

    name: str
    parts: Parts
    journal: Journal
    fmt: str
    out: Path | None
    include_private: bool
    redact: bool
    allow_student_data: bool

    def __call__(
        self, filters: FilterOptions, by: str, walked: Walk | None = None, loading: Loading | None = None
    ) -> None:
        """The report, from the journal `walked` when given; `loading` is told what was loaded
        (see `kept_output`)."""
        from plnjournal.cli.scope import load_entries, load_scope
        from plnjournal.query import describe_range

        # every report reads only entries' heads (journal/packed.py HEAD_FIELDS), some fewer fields
        loaded, read = load_entries(
            self.journal, filters, heads=True, fields=self.parts.fields, walked=walked
        )
        if loading is not None:
            loading(loaded, read)
        scope = load_scope(
            self.journal,
            filters,
            by=by,
            include_private=self.include_private,
            history=self.name == "network",  # only the network report asks git when each person was added
            loaded=loaded,
        )
        say_left_out(scope.private_left_out)
        sharing = Sharing(self.journal, scope.loaded, self.redact, self.allow_student_data)
        for message in self.parts.unusable_values(scope):
            output.warn(message)
        if not scope.entries:
            output.hint(f"no entries {describe_range(scope.filters)}; the {self.name} report is empty")
        data = sharing.data(self.parts.build(scope))
        check = partial(sharing.check, what=f"the {self.name} report")
        present(self.fmt, data, self.parts.view(self.fmt), self.out, check=check)


def _flag_list() -> str:
    flags = [f"--{name}" for name in REPORTS]
    return ", ".join(flags[:-1]) + " or " + flags[-1]


def _chosen(flags: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for name, on in flags.items() if on)


def _report_flags() -> dict[str, Any]:
    return {
        name: Annotated[bool, typer.Option(f"--{name}", help=entry.help)] for name, entry in REPORTS.items()
    }


# every entry filter but --growth and --engagement, which name reports here
FILTERS = tuple(name for name in OPTIONS if name not in REPORTS)


def register(app: typer.Typer) -> None:
    command = with_options(
        filter_options(*FILTERS)(report),
        _report_flags(),
        into="chosen",
        gather=_chosen,
        default=False,
        first=True,
    )
    app.command("report")(command)
