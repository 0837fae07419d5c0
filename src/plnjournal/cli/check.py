"""`pln check`: every problem in the journal, one `path:line: level: message` a line; never writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plnjournal.cli import output
from plnjournal.cli.common import FormatOption
from plnjournal.cli.context import current
from plnjournal.text import count

if TYPE_CHECKING:
    from pathlib import Path

    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal
    from plnjournal.problems import Problem


def check(
    strict: Annotated[bool, typer.Option("--strict", help="Warnings count as errors (exit 1).")] = False,
    fmt: Annotated[Literal["text", "json"], FormatOption] = "text",
    pack: Annotated[
        str | None,
        typer.Option(
            "--pack",
            metavar="PACK",
            help="Also what a rule pack needs of each entry claimed for credit (see 'pln credits').",
            show_default=False,
        ),
    ] = None,
    privacy: Annotated[
        bool,
        typer.Option(
            "--privacy",
            help="Also find what could identify a student: the words of privacy.words, the "
            "student-ID patterns of pln.yaml, and emails, in every file and file name.",
        ),
    ] = False,
) -> None:
    """Check every file of the journal, like a compiler: exit 1 when there is an error."""
    from plnjournal.dates import today
    from plnjournal.journal import drafts
    from plnjournal.journal.files import all_files, links
    from plnjournal.journal.load import load
    from plnjournal.validate import validate

    journal = current().journal()
    loaded = load(journal, refresh_cache=False)  # check never writes, not even the cache
    left = drafts.left(journal)  # text pln kept for the teacher, which nothing else would show
    files = all_files(journal.root)
    problems = [
        *loaded.problems,
        *validate(loaded, files, journal.settings.fields, today(), links(journal.root)),
        *left,
    ]
    if pack is not None:
        problems += _pack_problems(journal.root, pack, loaded)
    if privacy:
        problems += privacy_problems(journal, files)
    problems.sort()
    if fmt == "json":
        output.json_data([problem.as_dict() for problem in problems])
    else:
        for problem in problems:
            output.line(str(problem))
    read = {record.path for records in loaded.records.values() for record in records}
    output.hint(summary(problems, len(read | {problem.path for problem in loaded.problems})))
    if any(problem.level == "error" or strict for problem in problems):
        raise typer.Exit(1)


def _pack_problems(root: Path, name: str, loaded: Loaded) -> list[Problem]:
    from plnjournal.journal.pack_file import find
    from plnjournal.journal.refs import Index
    from plnjournal.reports.credit_checks import pack_problems

    return pack_problems(find(root, name), loaded.entries, Index(loaded.records))


def privacy_problems(journal: Journal, files: tuple[str, ...]) -> list[Problem]:
    """What the student-privacy guard finds in the journal (privacy.words kept out of git first)."""
    from plnjournal.cli.privacy import keep_words_out_of_git
    from plnjournal.guard import looks, read_words, scan_journal

    words = read_words(journal.root)
    if words:
        keep_words_out_of_git(journal)
    else:
        output.hint("no privacy.words in the journal: looking for student IDs and emails only")
    found = scan_journal(journal.root, files, looks(words, journal.settings.student_id_patterns))
    return [problem for _, problem in found]


def summary(problems: list[Problem], files_read: int) -> str:
    """`2 errors, 1 warning in 3 files`, or `all 96 files are fine`."""
    if not problems:
        return {0: "no files to check yet", 1: "the one file is fine"}.get(
            files_read, f"all {files_read} files are fine"
        )
    errors = sum(problem.level == "error" for problem in problems)
    files = len({problem.path for problem in problems})
    return f"{count(errors, 'error')}, {count(len(problems) - errors, 'warning')} in {count(files, 'file')}"


def register(app: typer.Typer) -> None:
    app.command()(check)
