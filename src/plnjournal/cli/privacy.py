"""The privacy rule: an output made to leave the machine (a report as markdown, html or csv, the
portfolio, an export, a graph) leaves `private: true` entries out unless `--include-private`,
and says on stderr how many it left out. Tables and JSON on the terminal keep them."""

from __future__ import annotations

from typing import Annotated

import typer

from plnjournal.cli import output

IncludePrivate = Annotated[
    bool, typer.Option("--include-private", help="Also put in entries marked private: true.")
]
SHARED_FORMATS = ("markdown", "html", "csv")  # a report in these is made to be pasted or sent


def say_left_out(count: int) -> None:
    """One line on stderr when private entries were left out (none: nothing to say)."""
    if count:
        entries, them = ("entry", "it") if count == 1 else ("entries", "them")
        output.hint(f"left out {count} private {entries} (private: true); --include-private puts {them} in")
