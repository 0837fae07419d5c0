"""`pln edit`: the record's file in $EDITOR, then checked; the text is never thrown away.

The editor works on a copy in `.pln/drafts/`, so nothing else waits on the journal's lock while it
is open, and a change made to the file meanwhile (a sync, another device, a second editor) is
seen when the copy comes back: the file is then left as it is, and the edit kept as a draft.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable
from pathlib import Path

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.journal import drafts
from plnjournal.journal.atomic import write_over
from plnjournal.journal.lock import locked
from plnjournal.journal.parse import read_record
from plnjournal.journal.settings import Journal
from plnjournal.model import KIND_OF_FOLDER
from plnjournal.problems import Problem

AT_ONCE_HINT = "an editor that returns at once needs its wait flag, e.g. EDITOR='code --wait'"


class EditorFailed(PlnError):
    """The editor exited with an error status; `text` is what its file held when it did."""

    def __init__(self, status: int, text: str | bytes) -> None:
        super().__init__(f"the editor exited with status {status}")
        self.status = status
        self.text = text


@frozen
class Edited:
    """What `pln edit` did: the change (None: nothing saved), the problems the file has now, and
    whether it still reads as a record (a file that does not is saved, never committed)."""

    path: str
    change: Change | None
    problems: list[Problem]
    reads: bool = True


def has_editor() -> bool:
    return bool(os.environ.get("VISUAL") or os.environ.get("EDITOR"))


def editor_command() -> list[str]:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise PlnError("no editor: set $EDITOR (for example: export EDITOR=nano)")
    return shlex.split(editor)


def run_editor(path: Path) -> int:
    """The editor's exit status after it ran on `path`."""
    try:
        return subprocess.run([*editor_command(), str(path)], check=False).returncode
    except OSError as problem:
        raise PlnError(f"cannot start the editor: {problem.strerror or problem}") from None


def open_in_editor(path: str) -> None:
    """For a file already saved in the journal (a new reflection): it stays whatever happens."""
    status = run_editor(Path(path))
    if status != 0:
        raise PlnError(f"the editor exited with status {status}; the file is as the editor left it")


def edit_file(
    journal: Journal, relative: str, edit_again: Callable[[list[Problem]], bool] = lambda problems: False
) -> Edited:
    """Edit a record's file (it may not read yet) through a copy; what was saved and the problems.

    While the saved file has errors, `edit_again` is asked whether to reopen the editor; whatever
    the answer, the text stays as written."""
    path = journal.root / relative
    if path.is_symlink():
        raise PlnError(f"{relative} is a symbolic link; pln does not edit through links")
    try:
        before = path.read_bytes()
    except OSError as problem:
        raise PlnError(f"cannot read {relative}: {problem.strerror or problem}") from None
    copy = drafts.keep(journal, "edit", path.stem, before)
    edited: Edited | None = None
    while True:
        text = _edit_copy(journal, relative, copy, before)
        if text == before:
            copy.unlink(missing_ok=True)
            return edited or Edited(relative, None, [])
        _write_back(journal, relative, copy, before, text)
        before = text
        record, problems = read_record(journal.root, path)
        change = Change(f"edit {_kind(relative)} {path.stem}", written=(relative,))
        edited = Edited(relative, change, problems, reads=record is not None)
        if not has_errors(problems) or not edit_again(problems):
            copy.unlink(missing_ok=True)
            return edited


def _edit_copy(journal: Journal, relative: str, copy: Path, before: bytes) -> bytes:
    """The copy's bytes after the editor closed; a failed editor keeps the copy as a draft."""
    status = run_editor(copy)
    try:
        text = copy.read_bytes()
    except FileNotFoundError:
        text = before
    if status == 0:
        return text
    if text == before:
        copy.unlink(missing_ok=True)
        raise PlnError(f"the editor exited with status {status}; {relative} is unchanged")
    raise PlnError(
        f"the editor exited with status {status}; {relative} is unchanged and what the editor left "
        f"is kept at {drafts.shown(journal, copy)}: copy what you want from it, then delete it"
    )


def _write_back(journal: Journal, relative: str, copy: Path, before: bytes, text: bytes) -> None:
    """Save the edit, under the lock, unless the file changed on disk since the editor opened."""
    path = journal.root / relative
    with locked(journal):
        try:
            now = path.read_bytes()
        except FileNotFoundError:
            now = None
        if now != before:
            what = "was removed or renamed" if now is None else "changed on disk"
            raise PlnError(
                f"{relative} {what} while you were editing it (a sync, another device or editor?); "
                f"it is left as it is now, and your version is kept at {drafts.shown(journal, copy)}: "
                "compare the two and copy over what you want"
            )
        write_over(path, text)


def _kind(relative: str) -> str:
    return KIND_OF_FOLDER.get(relative.split("/", 1)[0], "record")


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.level == "error" for problem in problems)


def compose(initial: str = "") -> str:
    """Text written in $EDITOR in a temporary file (for a new entry's body); EditorFailed with
    the text left when the editor exits with an error."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pln-") as folder:
        path = Path(folder, "entry.md")
        path.write_text(initial, encoding="utf-8")
        status = run_editor(path)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            text = initial
        if status != 0:
            raise EditorFailed(status, text)
        return text
