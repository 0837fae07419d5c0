"""Conflict markers that say which side is which. In a `pull --rebase` git writes `<<<<<<< HEAD`
for what came from the remote and `>>>>>>> abc1234 (subject)` for this device's commit, and it has
no setting for these labels in a rebase (merge.conflictStyle only adds the base); so pln rewrites
those two marker lines, and only them, in each file the rebase stopped on."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from plnjournal.git import repository as git

OURS = re.compile(r"^<{7} HEAD(?=\r?$)", re.MULTILINE)
THEIRS = re.compile(r"^>{7} (?P<commit>[0-9a-f]{7,40}(?: \(.*\))?)(?=\r?$)", re.MULTILINE)


def label_sides(root: Path, paths: Iterable[str], remote: str) -> None:
    """`<<<<<<< the remote, origin/main` and `>>>>>>> this device, abc1234 (subject)`.

    `paths` are from the repository's top folder, as `git diff --name-only` gives them."""
    top = Path(git.run(root, "rev-parse", "--show-toplevel").stdout.strip())
    for path in paths:
        file = top / path
        try:
            text = file.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # a binary or unreadable file: git's own labels stay
        labelled = OURS.sub(f"<<<<<<< the remote, {remote}", text)
        labelled = THEIRS.sub(lambda m: f">>>>>>> this device, {m['commit']}", labelled)
        if labelled != text:
            file.write_bytes(labelled.encode("utf-8"))
