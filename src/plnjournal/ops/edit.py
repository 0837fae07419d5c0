"""`pln edit`: the record's file in $EDITOR, then checked; the text is never thrown away."""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Callable

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.lock import locked
from plnjournal.journal.parse import read_record
from plnjournal.journal.settings import Journal
from plnjournal.model import Record
from plnjournal.problems import Problem


def has_editor() -> bool:
    return bool(os.environ.get("VISUAL") or os.environ.get("EDITOR"))


def editor_command() -> list[str]:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise PlnError("no editor: set $EDITOR (for example: export EDITOR=nano)")
    return shlex.split(editor)


def open_in_editor(path: str) -> None:
    try:
        status = subprocess.run([*editor_command(), path], check=False).returncode
    except OSError as problem:
        raise PlnError(f"cannot start the editor: {problem.strerror or problem}") from None
    if status != 0:
        raise PlnError(f"the editor exited with status {status}; the file is as the editor left it")


def edit_record(
    journal: Journal, record: Record, edit_again: Callable[[list[Problem]], bool] = lambda problems: False
) -> tuple[Change | None, list[Problem]]:
    """Edit a record's file in place; the change (if the bytes changed) and the problems it has now.

    While the saved file has errors (it no longer parses, or a value is unusable), `edit_again`
    is asked whether to reopen the editor; whatever the answer, the text stays as written."""
    path = journal.root / record.path
    if path.is_symlink():
        raise PlnError(f"{record.path} is a symbolic link; pln does not edit through links")
    with locked(journal):  # a rename cannot rewrite the file while it is open in the editor
        before = path.read_bytes()
        while True:
            open_in_editor(str(path))
            if path.read_bytes() == before:
                return None, []
            _, problems = read_record(journal.root, path)
            if not has_errors(problems) or not edit_again(problems):
                return Change(f"edit {record.kind} {record.id}", written=(record.path,)), problems


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.level == "error" for problem in problems)


def compose(initial: str = "") -> str:
    """Text written in $EDITOR in a temporary file (for a new entry's body)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pln-") as folder:
        path = os.path.join(folder, "entry.md")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(initial)
        open_in_editor(path)
        with open(path, encoding="utf-8") as handle:
            return handle.read()
