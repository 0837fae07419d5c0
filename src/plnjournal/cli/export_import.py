"""`pln export` and `pln import`: the journal's entries out to other tools, and notes kept
elsewhere (jrnl, a PD-log spreadsheet) in."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli.common import NoCommit, OutOption, deliver
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import filter_options
from plnjournal.cli.privacy import AllowStudentData, IncludePrivate, Redact, Sharing, say_left_out
from plnjournal.query import FilterOptions

if TYPE_CHECKING:
    from plnjournal.importing import Row
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal
    from plnjournal.model import Entry
    from plnjournal.ops.imports import Outcome

PROGRESS_FROM = 50  # rows: smaller imports finish before a bar is worth drawing
ExportFormat = Literal["json", "jsonl", "csv", "markdown", "obsidian"]


@filter_options()
def export(
    filters: FilterOptions,
    vault: Annotated[
        Path | None,
        typer.Argument(metavar="[DIR]", help="obsidian: the new vault folder.", show_default=False),
    ] = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format (obsidian: a folder of notes).")
    ] = "json",
    out: OutOption = None,
    include_private: IncludePrivate = False,
    for_cohort: Annotated[
        bool,
        typer.Option(
            "--for-cohort",
            help="Counts only, for a course or district (pln cohort adds them up): no names, no notes.",
        ),
    ] = False,
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
) -> None:
    """Export entries (people, spaces, tools and goal named, ids kept); private ones stay home.

    `--format obsidian DIR` makes a vault: one note per record, references as [[links]].
    Refuses while the export would share student data (pln check --privacy), unless --redact
    hides it or --allow-student-data."""
    from plnjournal.cli.common import warn_skipped
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.query import private_left_out, read_filters, select_entries
    from plnjournal.reports.export import export_data

    journal = current().journal()
    loaded = load(journal)
    warn_skipped(loaded)
    index = Index(loaded.records)
    chosen = read_filters(filters, index, settings=journal.settings, include_private=include_private)
    entries = select_entries(loaded.entries, chosen, index)
    say_left_out(private_left_out(loaded.entries, chosen, index))
    sharing = Sharing(journal, loaded, redact, allow_student_data)
    if for_cohort:
        text = cohort_share(journal, loaded, entries)
        sharing.check(text, what="the cohort share")
        deliver(text, out)
        return
    if fmt == "obsidian":
        write_vault(journal.root, _vault_folder(vault, out), sharing, entries)
        return
    if vault is not None:
        from plnjournal.errors import UsageError

        raise UsageError(f"{vault}: a folder is for --format obsidian; --format {fmt} writes to -o FILE")
    text = render_export(sharing.data(export_data(loaded, entries, index, journal.settings.owner)), fmt)
    sharing.check(text, what="the export")
    deliver(text, out)


def cohort_share(journal: Journal, loaded: Loaded, entries: Sequence[Entry]) -> str:
    """The share's JSON (the share id made on first use is committed)."""
    from plnjournal.cli.common import finish
    from plnjournal.dates import today
    from plnjournal.ops.share_id import share_id
    from plnjournal.render import json
    from plnjournal.reports.cohort import share

    teacher, change = share_id(journal)
    if change is not None:
        finish(journal, change)
    spaces = {space.id: space for space in loaded.of("space")}
    return json.render(share(entries, spaces, teacher, today()))


def _vault_folder(vault: Path | None, out: Path | None) -> Path:
    from plnjournal.errors import UsageError

    if vault is None and out is None:
        raise UsageError("--format obsidian needs the vault's folder: pln export --format obsidian DIR")
    return vault or out  # type: ignore[return-value]


def write_vault(root: Path, folder: Path, sharing: Sharing, entries: Sequence[Entry]) -> None:
    """Write the vault into a new (or empty) folder: a note per record, and the evidence files the
    exported entries name, so their links open (with --redact, under redacted names)."""
    from plnjournal.cli import output
    from plnjournal.errors import PlnError
    from plnjournal.journal.atomic import write_new
    from plnjournal.journal.refs import Index
    from plnjournal.model import NAMED_KINDS
    from plnjournal.render.obsidian import vault

    if folder.exists() and (not folder.is_dir() or any(not p.name.startswith(".") for p in folder.iterdir())):
        raise PlnError(f"{folder}: not empty; give a new folder for the vault (nothing is overwritten)")
    loaded = sharing.loaded
    records = sharing.data([record for kind in (*NAMED_KINDS, "reflection") for record in loaded.of(kind)])
    shown = sharing.data(list(entries))
    index = Index({kind: tuple(r for r in records if r.kind == kind) for kind in NAMED_KINDS})
    files: dict[str, str | bytes] = dict(vault([*records, *shown], index))
    sharing.check(*(f"{name}\n{text}" for name, text in files.items()), what="the vault")
    for entry in entries:
        for item in entry.evidence:
            if "://" not in item and (root / item).is_file():
                files.setdefault(sharing.text(item), (root / item).read_bytes())
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_new(path, content)
    notes = sum(relative.endswith(".md") for relative in files)
    output.hint(
        f"wrote {folder}: {notes} notes, {len(files) - notes} evidence files (open it in Obsidian as a vault)"
    )


def render_export(data: dict, fmt: str) -> str:
    if fmt == "json":
        from plnjournal.render import json

        return json.render(data)
    from plnjournal.render.views import export as view

    return getattr(view, fmt)(data)


ImportFormat = Literal["pln", "markdown", "dayone", "badge", "jrnl", "csv"]
IMPORT_HELP = (
    "pln: `pln export --format json`; markdown: a folder of notes (Obsidian, zk, Hugo, Jekyll); "
    "dayone: Day One's JSON export; badge: an Open Badges 2.0 assertion; jrnl: `jrnl --export json`; "
    "csv: a PD log with a header row."
)


def import_entries(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The file (or folder of notes) to import.", show_default=False),
    ],
    from_: Annotated[ImportFormat, typer.Option("--from", help=IMPORT_HELP)],
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="KEY=key",
            help="CSV, markdown: read COLUMN or KEY as pln's key.",
            show_default=False,
        ),
    ] = None,
    add_missing: Annotated[
        bool, typer.Option("--add-missing", help="Create people and spaces the file names that do not exist.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be imported; write nothing.")
    ] = False,
    no_commit: NoCommit = False,
) -> None:
    """Import entries (pln's own export: the whole journal) from pln, Markdown notes, Day One, an
    Open Badge, jrnl or a CSV PD log; a file imported twice adds nothing the second time.

    Exit 1 when any row was rejected (the others are imported all the same).
    """
    from plnjournal.cli import output
    from plnjournal.cli.common import finish
    from plnjournal.ops.imports import run_import

    journal = current().journal()
    rows = read_rows(file, from_, map_ or [], journal)
    outcome = run_import(
        journal, rows, add_missing=add_missing, what=file.name, progress=progress_bar, dry_run=dry_run
    )
    if dry_run:
        for path in outcome.change.written:
            output.data(f"would write {path}\n")
    else:
        finish(journal, outcome.change, commit=not no_commit)
    report_outcome(file.name, outcome, rows)
    if not add_missing and any(reason.startswith("unknown ") for _, reason in outcome.rejected):
        output.hint("--add-missing creates the people, spaces, tools and goals the file names")
    _hint_missing_evidence(journal.root, rows)
    if outcome.rejected:
        raise typer.Exit(1)


def report_outcome(name: str, outcome: Outcome, rows: Sequence[Row]) -> None:
    """The summary line, then each note passed over, each row refused and each hint, on stderr."""
    from plnjournal.cli import output

    would = "would be " if outcome.dry_run else ""
    passed = f", {len(outcome.passed)} notes skipped (not entries)" if outcome.passed else ""
    output.hint(
        f"{name}: {outcome.new} {would}new, {outcome.skipped} skipped (already imported), "
        f"{len(outcome.rejected)} {would}rejected{passed}"
        + (" (dry run: nothing written)" if outcome.dry_run else "")
    )
    for label, reason in outcome.passed:
        output.hint(f"{name} {label}: skipped: {reason}")
    for label, reason in outcome.rejected:
        output.warn(f"{name} {label}: {reason}")
    for row in rows:
        if row.hint:
            output.hint(f"{name} {row.label}: {row.hint}")


def _hint_missing_evidence(root: Path, rows: Sequence[Row]) -> None:
    from plnjournal.cli import output
    from plnjournal.importing import missing_evidence

    if missing := missing_evidence(root, rows):
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        output.hint(f"entries name evidence files this journal does not hold; copy them in: {shown}")


def read_rows(file: Path, kind: str, pairs: list[str], journal: Journal) -> list[Row]:
    """The rows a reader makes of the file, after the hints it has for the user."""
    from plnjournal.cli import output

    if kind == "csv":
        from plnjournal.importing.csvlog import parse_mapping, read_csv

        rows, unused = read_csv(file, parse_mapping(pairs))
        if unused:
            output.hint(f"{file.name}: columns not imported: {', '.join(unused)} (see --map)")
        return rows
    if kind == "markdown":
        from plnjournal.importing.markdown import parse_keys, read_notes
        from plnjournal.journal.lookup import named_index

        notes = read_notes(file, parse_keys(pairs), named_index(journal))
        for problem in notes.warnings:
            output.warn(problem)
        return notes.rows
    if pairs:
        from plnjournal.errors import UsageError

        raise UsageError(f"--map is for --from csv and --from markdown, not --from {kind}")
    return _reader(kind)(file)


def _reader(kind: str) -> Callable[[Path], list[Row]]:
    if kind == "pln":
        from plnjournal.importing.plnjson import read_pln

        return read_pln
    if kind == "dayone":
        from plnjournal.importing.dayone import read_dayone

        return read_dayone
    if kind == "badge":
        from plnjournal.importing.badge import read_badge

        return read_badge
    from plnjournal.importing.jrnl import read_jrnl

    return read_jrnl


def progress_bar(rows: Sequence[Row]) -> Iterable[Row]:
    """A progress bar on stderr for a large import on a terminal; the rows as they are otherwise."""
    import sys

    from plnjournal.cli import output

    if len(rows) < PROGRESS_FROM or not output.is_terminal(sys.stderr):
        return iter(rows)
    from rich.progress import track

    return track(rows, description="importing", console=output.console(stderr=True), transient=True)


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_entries)
