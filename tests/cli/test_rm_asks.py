"""`pln rm` says what goes and asks first: on a terminal it waits for yes, `--yes` does not ask,
and with no terminal to ask on it refuses in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from plnjournal.errors import PlnError
from plnjournal.journal.settings import find_journal
from plnjournal.ops.rename import removal, remove_record
from tests.helpers import Run, write
from tests.helpers.gitrepo import git, porcelain, subjects
from tests.helpers.terminal import converse, spawn


@pytest.fixture
def linked(pln: Run, journal: Path) -> Path:
    """Wakelet named by one entry (with its own evidence file) and linked from a person's notes."""
    assert pln("add", "tool", "Wakelet").exit_code == 0
    assert pln("add", "person", "Jane Doe", "-m", "Curates with [[tools/wakelet|Wakelet]].\n").exit_code == 0
    write(journal / "evidence/board.png", "a screenshot\n")
    entry = "---\ndate: 2026-01-05\ntitle: Chat\ntools: [wakelet]\nevidence: [evidence/board.png]\n---\n"
    write(journal / "entries/2026/2026-01-05-chat.md", entry)
    assert pln("log", "Alone", "--date", "2026-01-06", "-m", "").exit_code == 0
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "by hand")
    return journal


def test_without_a_terminal_or_yes_it_refuses_in_one_line(pln: Run, linked: Path) -> None:
    result = pln("rm", "2026-01-06-alone")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "pln: error: entries/2026/2026-01-06-alone.md was not removed: pln asks first, and there is no "
        "terminal to ask on; add --yes\n"
    )
    assert (linked / "entries/2026/2026-01-06-alone.md").exists()


def test_yes_removes_and_names_what_is_left_pointing_at_nothing(pln: Run, linked: Path) -> None:
    result = pln("rm", "wakelet", "--force", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "pln: removed tools/wakelet.md\n"
        "pln: dropped the reference from 1 file(s)\n"
        "pln: warning: left a link to it in the notes of people/jane-doe.md\n"
    )
    entry = pln("rm", "2026-01-05-chat", "-y")
    assert entry.stderr.endswith(
        "pln: warning: left evidence/board.png, an evidence file no other entry names\n"
    )
    assert subjects(linked)[:2] == ["rm entry 2026-01-05-chat", "rm tool wakelet"]


def test_on_a_terminal_it_lists_what_goes_and_waits_for_yes(linked: Path) -> None:
    child = spawn(linked, "rm", "wakelet", "--force")
    status = converse(
        child,
        ("pln: this removes tools/wakelet.md (tool Wakelet)", None),
        ("pln:   and its reference from entries/2026/2026-01-05-chat.md (tools)", None),
        ("pln:   and leaves a link to it in the notes of people/jane-doe.md", None),
        ("Remove it? [y/N]:", "n"),
        ("pln: tools/wakelet.md was not removed; nothing was changed", None),
    )
    assert status == 1 and (linked / "tools/wakelet.md").exists() and porcelain(linked) == []
    status = converse(
        spawn(linked, "rm", "wakelet", "--force"), ("Remove it? [y/N]:", "y"), ("removed", None)
    )
    assert status == 0 and not (linked / "tools/wakelet.md").exists()
    assert subjects(linked)[0] == "rm tool wakelet" and porcelain(linked) == []


def test_what_was_agreed_to_is_what_goes(linked: Path) -> None:
    """A journal changed between the question and the answer is not removed from blindly."""
    journal = find_journal(linked)
    shown = removal(journal, "2026-01-06-alone")
    write(linked / "people/tom-lee.md", "---\nname: Tom Lee\n---\nSee [[2026-01-06-alone]].\n")
    with pytest.raises(
        PlnError, match=r"the journal changed while pln asked, so entries/2026/2026-01-06-alone\.md"
    ):
        remove_record(journal, "2026-01-06-alone", shown=shown)
    assert (linked / "entries/2026/2026-01-06-alone.md").exists()
    assert remove_record(journal, "2026-01-06-alone", shown=removal(journal, "2026-01-06-alone")).removed
