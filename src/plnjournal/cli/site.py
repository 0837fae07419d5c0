"""`pln site DIR`: the journal as a static site, a folder of linked self-contained pages (see
render/site.py) that opens from the file system or any static host. Private entries stay out.

It writes only inside DIR: a new or empty folder, or one it made before (it keeps the list of
what it wrote in `DIR/.pln-site`, and removes what a new build no longer has, such as an entry
made private since). It refuses a DIR inside the journal unless git ignores it, so a site is
never committed (and pushed) with the journal by accident."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.context import current
from plnjournal.cli.entry_filters import RANGE, filter_options
from plnjournal.cli.privacy import AllowStudentData, Redact, Sharing
from plnjournal.errors import PlnError
from plnjournal.query import FilterOptions
from plnjournal.text import count

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal
    from plnjournal.reports import Scope

MANIFEST = ".pln-site"  # the files the last build wrote, one a line


@filter_options(*RANGE)
def site(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The site's folder.", show_default=False)],
    filters: FilterOptions,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", "-f", help="Output format.")] = "table",
    redact: Redact = False,
    allow_student_data: AllowStudentData = False,
) -> None:
    """A static site of the journal: an index, every report's page, a page per person, space,
    tool, goal and entry, linked. Private entries stay out; with --redact, people are Person 1,
    Person 2... on every page alike. It refuses while it would share student data (pln check
    --privacy), unless --redact hides it or --allow-student-data.

    Open DIR/index.html in a browser, or put DIR on any static host: no JavaScript, nothing
    fetched. Run it again to bring the site up to date."""
    from plnjournal.cli.scope import load_scope
    from plnjournal.model import PLURALS
    from plnjournal.render.site import pages

    journal = current().journal()
    target = site_folder(journal, folder)
    scope = load_scope(journal, filters, include_private=False)
    if scope.private_left_out:
        left_out = count(scope.private_left_out, "private entry", "private entries")
        output.hint(f"left out {left_out} (private: true): a site never holds them")
    sharing = Sharing(journal, scope.loaded, redact, allow_student_data)  # one redactor: one site
    content, reports = site_content(journal, scope, sharing)
    owner = journal.settings.owner
    title = f"{owner}: my learning network" if owner else "My learning network"
    made = pages(content, reports, title)
    sharing.check(*made.values(), what=f"the site {folder}")  # before anything is written
    written, removed = write_site(target, made)
    summary = {
        "folder": str(folder),
        "index": str(folder / "index.html"),
        "pages": {
            "reports": len(reports),
            **{PLURALS[kind]: len(records) for kind, records in content["records"].items()},
            "entries": len(content["entries"]),
        },
        "total": len(made),
        "written": written,
        "removed": removed,
        "private_left_out": scope.private_left_out,
    }
    output.json_data(summary) if fmt == "json" else output.data(_text(summary))


def _text(summary: dict[str, Any]) -> str:
    lines = [f"{kind:<10}{number:>6}" for kind, number in summary["pages"].items()]
    total, written, removed = summary["total"], len(summary["written"]), len(summary["removed"])
    changed = f"{total} pages: {written} written, {total - written} unchanged, {removed} removed"
    return "\n".join([*lines, changed, f"open {summary['index']}"]) + "\n"


def site_content(journal: Journal, scope: Scope, sharing: Sharing) -> tuple[dict[str, Any], dict[str, Any]]:
    """The records and entries to publish, and each report's (html view, data), redacted alike
    when `sharing` redacts (ids too, so the links still meet their pages)."""
    from plnjournal.render.registry import REPORTS
    from plnjournal.render.views import portfolio, status
    from plnjournal.reports import site
    from plnjournal.reports.portfolio import build as portfolio_build

    public = scope.loaded.with_entries(scope.entries)
    reports: dict[str, Any] = {"status": (status.html, _status(journal, scope.loaded))}
    for name, report in REPORTS.items():
        parts = report.load()
        for message in parts.unusable_values(scope):
            output.warn(message)
        reports[name] = (parts.view("html"), parts.build(scope))
    reports["portfolio"] = (portfolio.html, portfolio_build(scope))
    credits = _credits(journal, public)
    if credits is not None:
        reports["credits"] = credits
    shared = {name: (view, sharing.data(data)) for name, (view, data) in reports.items()}
    return site.redacted(site.build(public), sharing.text), shared


def _status(journal: Journal, loaded: Loaded) -> dict[str, Any]:
    from plnjournal.dates import today
    from plnjournal.git.history import people_added
    from plnjournal.reports.status import status

    data = status(journal, today(), people_added(journal, today()), loaded.without_private())
    data.pop("warnings", None)  # the network report's pass says them
    return data


def _credits(journal: Journal, public: Loaded) -> tuple[Any, dict[str, Any]] | None:
    """The credits page, when the journal has one rule pack of its own (credits/NAME.yaml)."""
    from plnjournal.dates import today
    from plnjournal.journal.pack_file import find, own
    from plnjournal.journal.packs import cycle_of
    from plnjournal.journal.refs import Index
    from plnjournal.render.views.credits import html
    from plnjournal.reports.credits import build

    if len(own(journal.root)) != 1:
        output.hint("no credits page: the journal has no rule pack of its own (pln credits init PACK)")
        return None
    pack = find(journal.root, None)
    first = min((entry.date for entry in public.entries), default=None)
    start, end = cycle_of(pack, first, today())
    return html, build(pack, list(public.entries), Index(public.records), start=start, end=end, today=today())


def site_folder(journal: Journal, folder: Path) -> Path:
    """DIR, resolved, once it is safe to write: a folder (or nothing yet), outside the journal
    unless git ignores it, empty or made by pln site before."""
    target = folder.expanduser().resolve()
    root = journal.root.resolve()
    if target.exists() and not target.is_dir():
        raise PlnError(f"{folder}: is a file; give a folder for the site")
    if target == root:
        raise PlnError(f"{folder}: is the journal itself; give a folder of its own for the site")
    if root in target.parents and not _ignored(root, target):
        raise PlnError(
            f"{folder}: is inside the journal, and git would commit the site with it; "
            "choose a folder outside the journal, or add this one to .gitignore"
        )
    if target in root.parents and _holds_journal(target, root):
        raise PlnError(f"{folder}: the site's folders would hold the journal ({root}); choose another folder")
    if _foreign(target):
        raise PlnError(
            f"{folder}: not empty, and not a site pln made; give a new or empty folder "
            "(nothing is overwritten)"
        )
    return target


def _foreign(target: Path) -> bool:
    """A folder holding files (other than hidden ones, such as .git) that pln site did not write."""
    if not target.is_dir() or (target / MANIFEST).is_file():
        return False
    return any(not path.name.startswith(".") for path in target.iterdir())


def _ignored(root: Path, target: Path) -> bool:
    from plnjournal.git import repository

    if not repository.is_repo(root):
        return False
    return repository.ignores(root, target.relative_to(root).as_posix() + "/")


def _holds_journal(target: Path, root: Path) -> bool:
    """Whether the journal lies where the site writes (DIR/people/..., DIR/entries/...)."""
    first = root.relative_to(target).parts[0]
    return first in ("index.html", "reports", "people", "spaces", "tools", "goals", "entries")


def write_site(target: Path, pages: dict[str, str]) -> tuple[list[str], list[str]]:
    """Write the pages (each atomically; an unchanged page is left as it is), remove what the last
    build wrote and this one does not, and list what this one wrote. Returns (written, removed)."""
    from plnjournal.journal.atomic import write_over

    before = _manifest(target)
    written = []
    for relative, text in sorted(pages.items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if target not in path.parent.resolve().parents and path.parent.resolve() != target:
            raise PlnError(
                f"{path.parent}: leads out of the site's folder (a link?); nothing more is written"
            )
        if write_over(path, text):
            written.append(relative)
    removed = sorted(set(before) - set(pages))
    for relative in removed:
        (target / relative).unlink(missing_ok=True)
        _remove_empty_folders(target, (target / relative).parent)
    write_over(target / MANIFEST, "".join(f"{relative}\n" for relative in sorted(pages)))
    return written, removed


def _manifest(target: Path) -> list[str]:
    """What the last build wrote; only plain relative paths under the folder count."""
    path = target / MANIFEST
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        line for line in lines if line and not line.startswith(("/", ".")) and ".." not in line.split("/")
    ]


def _remove_empty_folders(target: Path, folder: Path) -> None:
    while folder != target and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def register(app: typer.Typer) -> None:
    app.command()(site)
