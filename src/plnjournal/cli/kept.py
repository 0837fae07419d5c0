"""Outputs kept in the index (journal/outputs.py): a command's JSON on stdout written again, as it
was, while everything it was made from is as it was; else made anew and kept for next time.

`pln report --format json` (but the network's, which asks git), `pln list KIND --format json`
and `pln status` (its table and JSON, with git's HEAD among what was asked) run through
`kept_output`; outputs that leave the machine (-o, --redact, csv, markdown, html) never
do, and `--no-cache` turns it off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.cli import output

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.outputs import Kept, MadeOf, Told
    from plnjournal.journal.walk import Walk

# Called by the run with what it loaded and the entry fields it read (None: every field).
Loading = Callable[["Loaded", "tuple[str, ...] | None"], None]


def kept_output(
    root: Path,
    asked: tuple[Any, ...],
    run: Callable[[Walk, Loading], None],
    fields: tuple[str, ...] | None = None,
) -> None:
    """`run` (given the journal walked, for its load), unless the output kept for the same files
    and `asked` (its first item names the output) can be written again, or, when the run reads
    only the entry `fields`, for the same values of those: the index's columns tell them before
    any load, so an edit to nothing read (a body written on) is written again at once. The
    output is kept for next time (journal/outputs.py)."""
    from plnjournal.journal import outputs
    from plnjournal.journal.walk import walk
    from plnjournal.model import FOLDERS

    walked = walk(root, FOLDERS)
    made_of = outputs.MadeOf(root, walked, asked)
    key = made_of.key()
    found = outputs.kept(root, asked[0]) if key is not None else None
    if found is not None and found.made_of == key and _replayed(found):
        return
    told = made_of.told(root, fields) if found is not None and fields is not None else None
    written: outputs.Written | bytes
    if found is not None and told is not None and found.values == told.key and _replayed(found):
        written = found.packed  # nothing it reads changed: no load at all
    else:
        loads: list[tuple[Loaded, tuple[str, ...] | None]] = []
        with output.recording() as written:
            run(walked, lambda loaded, read: loads.append((loaded, read)))
        told = _told_after(made_of, root, fields, told, loads)
    if key is not None and outputs.settled(root, walked):
        outputs.keep(root, asked[0], key, told and told.key, written)


def _told_after(
    made_of: MadeOf,
    root: Path,
    fields: tuple[str, ...] | None,
    told: Told | None,
    loads: list[tuple[Loaded, tuple[str, ...] | None]],
) -> Told | None:
    """The values' key to keep the output just made under: as told before the run or, without
    one, now (the run's load made the columns), if the load read those very fields and what it
    tells of the changed files (an edit in between would not)."""
    if fields is None or len(loads) != 1 or loads[0][1] != fields:
        return None
    told = told or made_of.told(root, fields)
    return told if told is not None and told.agrees_with(loads[0][0]) else None


def _replayed(found: Kept) -> bool:
    """Write a kept output again; False when it does not read back (then it is made anew)."""
    written = found.written()
    if written is not None:
        output.replay(written)
    return written is not None
