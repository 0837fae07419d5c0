"""The privacy options every output made to leave the machine shares (a report as markdown, html
or csv, the portfolio, an export, a graph), declared once here:

- `--include-private`: such an output leaves `private: true` entries out unless asked, and says on
  stderr how many it left out. Tables and JSON on the terminal keep them.
- `--redact`: people become Person 1, Person 2...; handles, emails and links go; the `redact:`
  words of pln.yaml and the local privacy.words are hidden (plnjournal/redact.py).
- `--allow-student-data`: the student-privacy guard (plnjournal/guard.py) refuses an output while
  what it would print holds a privacy word, a student ID or an email: one line per finding naming
  `path:line`, exit 1, nothing written. `--redact` hides them; this option shares them anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from plnjournal.cli import output

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.settings import Journal
    from plnjournal.redact import Redactor

T = TypeVar("T")
IncludePrivate = Annotated[
    bool, typer.Option("--include-private", help="Also put in entries marked private: true.")
]
Redact = Annotated[
    bool,
    typer.Option(
        "--redact",
        help="People become Person 1, Person 2...; their handles, emails and links go; the words of "
        "pln.yaml's redact: and of privacy.words are hidden.",
    ),
]
AllowStudentData = Annotated[
    bool,
    typer.Option(
        "--allow-student-data",
        help="Share it even when the student-privacy guard finds privacy words, student IDs or "
        "emails in it (see pln check --privacy).",
    ),
]
SHARED_FORMATS = ("markdown", "html", "csv")  # a report in these is made to be pasted or sent


def is_shared(fmt: str, out: object = None) -> bool:
    """Whether an output is made to leave the machine: a shared format, or any file `-o` writes
    (a file is sent far more often than a screen is)."""
    return fmt in SHARED_FORMATS or out is not None


def say_left_out(count: int) -> None:
    """One line on stderr when private entries were left out (none: nothing to say)."""
    if count:
        entries, them = ("entry", "it") if count == 1 else ("entries", "them")
        output.hint(f"left out {count} private {entries} (private: true); --include-private puts {them} in")


@dataclass
class Sharing:
    """One output on its way out: `data()` redacts what it will print (with --redact), `check()`
    runs the guard over the text it would print (unless --allow-student-data)."""

    journal: Journal
    loaded: Loaded
    redact: bool = False
    allow_student_data: bool = False
    _redactor: Redactor | None = field(default=None, repr=False)

    def data(self, value: T) -> T:
        return self.redactor().data(value) if self.redact else value

    def text(self, value: str) -> str:
        return self.redactor().text(value) if self.redact else value

    def redactor(self) -> Redactor:
        if self._redactor is None:
            from plnjournal.redact import for_journal

            self._redactor = for_journal(self.journal, self.loaded)
        return self._redactor

    def check(self, *texts: str, what: str = "the output") -> None:
        """Exit 1, one line per finding, when the texts would share student data."""
        if self.allow_student_data:
            return
        found = refusals(self.journal, texts, what)
        if found:
            for line in found:
                output.text_block(line)
            output.error(
                f"{what} was not written: it would share what the student-privacy guard finds above; "
                "--redact hides it, --allow-student-data shares it anyway"
            )
            raise typer.Exit(1)


def refusals(journal: Journal, texts: Any, what: str) -> list[str]:
    """The guard's findings in `texts`, after making sure privacy.words stays out of git."""
    from plnjournal.guard import looks, read_words
    from plnjournal.guard import refusals as found_in
    from plnjournal.journal.files import all_files

    words = read_words(journal.root)
    if words:
        keep_words_out_of_git(journal)
    rules = looks(words, journal.settings.student_id_patterns)
    return found_in(journal.root, all_files(journal.root), rules, texts, what)


def keep_words_out_of_git(journal: Journal) -> None:
    """Add privacy.words to the journal's .gitignore the first time pln reads it (and say so),
    and warn when git already holds it."""
    from plnjournal.cli.common import finish
    from plnjournal.ops.privacy import ignore_privacy_words

    change, tracked = ignore_privacy_words(journal)
    if change is not None:
        output.hint("added privacy.words to .gitignore, so git never takes it")
        finish(journal, change)
    if tracked:
        output.warn(
            "privacy.words is committed in this journal's git history; "
            "'git rm --cached privacy.words' stops tracking it (earlier commits still hold it)"
        )
