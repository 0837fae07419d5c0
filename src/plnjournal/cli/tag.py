"""`pln tag rename OLD NEW` and `pln tag merge A B... --into C`: one tag, one spelling, across
every record; `pln list tags` shows the spellings to join."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plnjournal.cli import complete, output
from plnjournal.cli.common import NoCommit, finish
from plnjournal.cli.context import current
from plnjournal.model import PLURALS
from plnjournal.text import count

if TYPE_CHECKING:
    from plnjournal.ops.tags import Retagged

tag_app = typer.Typer(
    help="Rename a tag, or join several into one, in every record that has it.",
    no_args_is_help=True,
)
Tag = Annotated[str, typer.Argument(show_default=False, autocompletion=complete.tags)]


@tag_app.command("rename")
def rename(old: Tag, new: Tag, no_commit: NoCommit = False) -> None:
    """Rename the tag OLD (in any case: Grading, grading) to NEW in every record. One commit."""
    from plnjournal.ops.tags import rename_tag

    journal = current().journal()
    done = rename_tag(journal, old, new)
    report(done, "renamed")
    finish(journal, done.change, commit=not no_commit)


@tag_app.command("merge")
def merge(
    tags: Annotated[list[str], typer.Argument(metavar="TAG...", autocompletion=complete.tags)],
    into: Annotated[
        str | None,
        typer.Option(
            "--into",
            help="The tag they become (one of them, or a new one; default: the most used).",
            show_default=False,
            autocompletion=complete.tags,
        ),
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """Join the tags TAG... into one (--into, else the most used of them) in every record. One commit."""
    from plnjournal.ops.tags import merge_tags

    journal = current().journal()
    done = merge_tags(journal, tags, into)
    report(done, "merged")
    finish(journal, done.change, commit=not no_commit)


def report(done: Retagged, verb: str) -> None:
    """What changed, in one line: the spellings replaced and the records of each kind."""
    for message in done.warnings:
        output.warn(message)
    if not done.records:
        output.hint(f"nothing to change: every record already says {done.into}")
        return
    spellings = ", ".join(f"{spelling} ({number})" for spelling, number in done.replaced.items())
    kinds = ", ".join(count(number, kind, PLURALS[kind]) for kind, number in sorted(done.kinds.items()))
    to = "to" if verb == "renamed" else "into"
    output.hint(f"{verb} {spellings} {to} {done.into}: {count(done.records, 'record')} changed ({kinds})")


def register(app: typer.Typer) -> None:
    app.add_typer(tag_app, name="tag")
