"""Outputs kept in the index (journal/outputs.py): a command's JSON on stdout written again, as it
was, while everything it was made from is as it was; else made anew and kept for next time.

`pln report --format json` (but the network's, which asks git) and `pln list KIND --format json`
run through `kept_output`; outputs that leave the machine (-o, --redact, csv, markdown, html) never
do, and `--no-cache` turns it off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.cli import output

if TYPE_CHECKING:
    from plnjournal.journal.load import Loaded
    from plnjournal.journal.outputs import Kept
    from plnjournal.journal.scan import Walk

# Given what was loaded and the entry fields read (None: every field), whether the output is
# written already: the kept one, for the same values read (see `kept_output`).
Seen = Callable[["Loaded", "tuple[str, ...] | None"], bool]


def kept_output(root: Path, asked: tuple[Any, ...], run: Callable[[Walk, Seen], None]) -> None:
    """`run` (given the journal walked, for its load), unless the output kept for the same files
    and `asked` (its first item names the output) can be written again, or for the same values
    read once loaded; its output is kept for next time (journal/outputs.py)."""
    from plnjournal.journal import outputs
    from plnjournal.journal.scan import walk
    from plnjournal.model import FOLDERS

    walked = walk(root, FOLDERS)
    made_of = outputs.MadeOf(root, walked, asked)
    key = made_of.key()
    found = outputs.kept(root, asked[0]) if key is not None else None
    if found is not None and found.made_of == key and _replayed(found):
        return
    values: list[bytes | None] = [None]
    again: list[bytes] = []  # the kept output, when it was written again

    def seen(loaded: Loaded, fields: tuple[str, ...] | None) -> bool:
        values[0] = None if fields is None else made_of.values_key(loaded, fields)
        if found is not None and values[0] is not None and found.values == values[0] and _replayed(found):
            again.append(found.packed)
        return bool(again)

    with output.recording() as written:
        run(walked, seen)
    if key is not None and outputs.settled(root, walked):
        outputs.keep(root, asked[0], key, values[0], again[0] if again else written)


def _replayed(found: Kept) -> bool:
    """Write a kept output again; False when it does not read back (then it is made anew)."""
    written = found.written()
    if written is not None:
        output.replay(written)
    return written is not None
