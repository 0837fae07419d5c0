"""`pln log` never loses what was typed: an editor that fails leaves a draft in `.pln/drafts/`
that `pln log --resume` saves and `pln check` points at; an editor that returns at once is named."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from plnjournal.journal.parse import read_record
from tests.helpers import Run, write
from tests.helpers.gitrepo import subjects
from tests.helpers.terminal import converse, spawn


def editor(tmp_path: Path, text: str, status: int) -> str:
    """An $EDITOR that writes `text` into the file it is given, then exits with `status`."""
    script = write(
        tmp_path / "editor.py",
        f"import pathlib, sys\npathlib.Path(sys.argv[1]).write_text({text!r})\nsys.exit({status})\n",
    )
    return f"{sys.executable} {script}"


@pytest.fixture
def network(pln: Run) -> None:
    for args in (("add", "space", "Edcamp Tulsa", "--kind", "unconference"), ("add", "person", "Jane Doe")):
        assert pln(*args).exit_code == 0


def entries(journal: Path) -> list[Path]:
    return sorted((journal / "entries").rglob("*.md"))


def drafts(journal: Path) -> list[Path]:
    return sorted((journal / ".pln" / "drafts").glob("*.md"))


def test_prompted_log_whose_editor_crashes_keeps_a_draft_that_resume_saves(
    pln: Run, journal: Path, tmp_path: Path, network: None
) -> None:
    child = spawn(journal, "log", EDITOR=editor(tmp_path, "What I wrote before the crash.\n", 1))
    status = converse(
        child,
        ("Title (what was it?): ", "Edcamp session on retakes"),
        ("Date (yesterday, last friday, 2026-11-20...) ", ""),
        ("Space (id or name): ", "edcamp-tulsa"),
        ("With (person ids or names, comma-separated): ", "jane-doe"),
        ("How long? (", ""),
        ("What did you do? (", ""),
        ("Growth, affective: ", ""),
        ("Growth, cognitive: ", "Retakes for mastery"),
        ("Growth, identity: ", ""),
        ("Growth, social: ", ""),
        ("Next (what will you try?): ", "Offer one retake"),
        (
            "pln: error: the editor exited with status 1, so the entry is not saved; what you typed is",
            None,
        ),
    )
    assert status == 1
    draft = ".pln/drafts/log-2026-11-23-edcamp-session-on-retakes.md"
    assert draft in " ".join(child.before.split())
    assert entries(journal) == []
    assert drafts(journal) == [journal / draft]
    check = pln("check")
    assert f"{draft}:1: warning: an entry that was not saved: 'pln log --resume' saves it" in check.stdout

    result = pln("log", "--resume")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "entries/2026/2026-11-23-edcamp-session-on-retakes.md\n"
    assert f"pln: saving the draft {draft}" in result.stderr
    record, problems = read_record(journal, journal / result.stdout.strip())
    assert problems == [] and record is not None
    assert (record.title, record.space, record.people) == (
        "Edcamp session on retakes",
        "edcamp-tulsa",
        ("jane-doe",),
    )
    assert (record.growth, record.next) == ({"cognitive": "Retakes for mastery"}, "Offer one retake")
    assert record.body == "What I wrote before the crash.\n"
    assert drafts(journal) == []
    assert subjects(journal)[0] == "log: Edcamp session on retakes"


def test_log_with_a_title_whose_editor_fails_keeps_the_options_and_the_text(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    child = spawn(
        journal, "log", "#sschat on grading", "--minutes", "45", EDITOR=editor(tmp_path, "Notes.\n", 3)
    )
    status = converse(
        child, ("what you typed is kept in .pln/drafts/log-2026-11-23-sschat-on-grading.md", None)
    )
    assert status == 3 - 2  # exit 1, whatever the editor's status
    assert entries(journal) == []
    text = drafts(journal)[0].read_text(encoding="utf-8")
    assert text == "---\ndate: 2026-11-23\ntitle: '#sschat on grading'\nminutes: 45\n---\nNotes.\n"
    assert pln("log", "--resume", "--no-commit").exit_code == 0
    assert [path.name for path in entries(journal)] == ["2026-11-23-sschat-on-grading.md"]


def test_an_editor_that_returns_at_once_without_text_is_named(journal: Path) -> None:
    child = spawn(journal, "log", "Quick chat", "--no-commit", EDITOR="true")
    child.logfile_read = io.StringIO()
    status = converse(child, ("entries/2026/2026-11-23-quick-chat.md", None))
    assert status == 0
    said = " ".join(child.logfile_read.getvalue().split())
    assert "pln: warning: the editor returned without any text; the entry is saved without notes" in said
    assert "EDITOR='code --wait'" in said and "'pln edit 2026-11-23-quick-chat'" in said


def test_resume_without_a_draft_says_where_drafts_come_from(pln: Run) -> None:
    result = pln("log", "--resume")
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: no draft to resume: pln keeps one in .pln/drafts/ when an entry could not be saved\n",
    )


def test_a_draft_naming_a_person_who_is_gone_stays_a_draft(pln: Run, journal: Path) -> None:
    write(
        journal / ".pln/drafts/log-2026-11-23-chat.md",
        "---\ndate: 2026-11-23\ntitle: Chat\npeople: [nobody-here]\n---\nKept.\n",
    )
    result = pln("log", "--resume")
    assert result.exit_code == 1
    assert "unknown person 'nobody-here'" in result.stderr
    assert entries(journal) == [] and len(drafts(journal)) == 1
