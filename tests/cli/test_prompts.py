"""Prompts on a terminal (driven through a real pseudo-terminal), and never a wait without one."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from plnjournal.journal.parse import read_record
from tests.helpers import Run
from tests.helpers.terminal import PLN, converse, spawn


@pytest.fixture
def network(pln: Run) -> None:
    for args in (
        ("add", "space", "#sschat", "--kind", "chat", "--template", "twitter-chat"),
        ("add", "space", "Edcamp Tulsa", "--kind", "unconference"),
        ("add", "person", "Jane Doe", "--role", "teacher"),
        ("add", "person", "Tom Lee"),
    ):
        assert pln(*args, "--no-commit").exit_code == 0


def test_log_on_a_terminal_asks_and_writes_the_entry(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "log", "--no-commit"),
        ("Title (what was it?): ", "#sschat on grading"),
        ("Date (yesterday, last friday, 2026-11-20...) [2026-11-23] ", ""),
        ("spaces: edcamp-tulsa (Edcamp Tulsa), sschat (#sschat)", None),
        ("Space (id or name): ", "#SSCHAT"),
        ("people: jane-doe (Jane Doe), tom-lee (Tom Lee)", None),
        ("With (person ids or names, comma-separated): ", "jane-deo"),
        ("unknown person 'jane-deo'; did you mean 'jane-doe'?", "jane, Tom Lee"),  # a first name will do
        ("How long? (90, 90 min, 1h30, 1.5 hours or 1:30) [60 minutes] ", ""),  # the template's
        ("What did you do? (read, asked, connected, shared, contributed, created, led) [contributed] ", ""),
        ("Growth, affective: How did the chat leave you feeling? ", ""),  # the template's question
        ("Growth, cognitive: Which idea from the chat will you steal? ", "Single-point rubrics"),
        ("Growth, identity: Did it change how you see yourself or your role? ", ""),
        ("Growth, social: Who will you follow or reach out to? ", ""),
        ("Next (what will you try?): ", "Try one with period 3"),
        ("entries/2026/2026-11-23-sschat-on-grading.md", None),
    )
    assert status == 0
    path = journal / "entries" / "2026" / "2026-11-23-sschat-on-grading.md"
    record, problems = read_record(journal, path)
    assert problems == [] and record is not None
    assert record.title == "#sschat on grading" and record.space == "sschat"
    assert record.people == ("jane-doe", "tom-lee")
    assert record.growth == {"cognitive": "Single-point rubrics"}
    assert record.next == "Try one with period 3"
    assert record.engagement == "contributed"  # from the space's twitter-chat template
    assert "- Jane Doe, Tom Lee\n" in record.body


def test_every_question_can_be_skipped_but_a_title_or_space_is_needed(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "log", "--no-commit"),
        ("Title (what was it?): ", ""),
        ("Date (yesterday, last friday, 2026-11-20...) [2026-11-23] ", ""),
        ("Space (id or name): ", ""),
        ("pln: error: missing TITLE", None),
    )
    assert status == 2
    assert not list((journal / "entries").rglob("*.md"))


def test_log_asks_the_date_how_long_and_what_you_did(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "log", "--no-commit"),
        ("Title (what was it?): ", "Edcamp session"),
        ("Date (yesterday, last friday, 2026-11-20...) [2026-11-23] ", "someday"),
        ("date: cannot read 'someday' as a date (try 2026-11-22 or 'yesterday')", "last friday"),
        ("Space (id or name): ", "edcamp-tulsa"),
        ("With (person ids or names, comma-separated): ", ""),
        ("How long? (90, 90 min, 1h30, 1.5 hours or 1:30): ", "a while"),
        ("1h30", "1.5 hours"),  # the warning names the formats; asked again
        ("What did you do? (read, asked, connected, shared, contributed, created, led): ", "lead"),
        ("did you mean 'led'?", "LED"),
        ("Growth, affective", ""),
        ("Growth, cognitive", ""),
        ("Growth, identity", ""),
        ("Growth, social", ""),
        ("Next (what will you try?): ", ""),
        ("entries/2026/2026-11-20-edcamp-session.md", None),  # last friday before Monday 2026-11-23
    )
    assert status == 0
    record, problems = read_record(journal, journal / "entries/2026/2026-11-20-edcamp-session.md")
    assert problems == [] and record is not None
    assert (record.minutes, record.engagement, record.space) == (90, "led", "edcamp-tulsa")


def test_a_title_on_the_command_line_means_no_questions(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "log", "Quick one", "-m", "Body", "--no-commit"),
        ("entries/2026/2026-11-23-quick-one.md", None),
    )
    assert status == 0


def test_add_person_with_only_a_name_asks_the_useful_fields(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "add", "person", "Maria Soto", "--no-commit"),
        ("Roles (teacher, coach, librarian, administrator...): ", "coach, teacher"),
        ("Organization (school, district, company): ", "Tulsa Public Schools"),
        ("What they give you (feedback, advice, ideas, emotional-support, mentoring): ", "feedbak"),
        ("did you mean 'feedback'?", "feedback,mentoring"),
        ("Where you met (a space id or name): ", "Edcamp Tulsa"),
        ("people/maria-soto.md", None),
    )
    assert status == 0
    text = (journal / "people" / "maria-soto.md").read_text(encoding="utf-8")
    assert text == (
        "---\nname: Maria Soto\nroles: [coach, teacher]\norganization: Tulsa Public Schools\n"
        "provides: [feedback, mentoring]\nmet_at: edcamp-tulsa\n---\n"
    )


def test_no_input_on_a_terminal_never_asks(journal: Path, network: None) -> None:
    status = converse(
        spawn(journal, "log", "--no-input"), ("pln: error: missing TITLE: give a title or --space", None)
    )
    assert status == 2


def run_without_terminal(journal: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed pln with stdin an open pipe that is never closed: any wait would hang,
    so the timeout turns a wait into a failure."""
    env = {**os.environ, "PLN_TODAY": "2026-11-23"}
    command = [PLN, "--journal", str(journal), *args]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    with subprocess.Popen(command, text=True, env=env, **pipes) as process:
        try:
            process.wait(timeout=20)
        finally:
            process.kill()
        stdout, stderr = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def test_without_a_terminal_a_missing_title_is_an_error_not_a_wait(journal: Path) -> None:
    result = run_without_terminal(journal, "log")
    assert result.returncode == 2
    assert (
        result.stderr == "pln: error: missing TITLE: give a title or --space (pln asks only on a terminal)\n"
    )
    assert result.stdout == ""


def test_no_input_never_reads_stdin(journal: Path) -> None:
    result = run_without_terminal(journal, "log", "Staff PD", "--template", "plc-meeting", "--no-input")
    assert result.returncode == 0, result.stderr
    text = (journal / result.stdout.strip()).read_text(encoding="utf-8")
    assert "## What we decided" in text


def test_add_person_without_a_terminal_asks_nothing(pln: Run, journal: Path) -> None:
    result = run_without_terminal(journal, "add", "person", "Maria Soto", "--no-commit")
    assert result.returncode == 0, result.stderr
    assert (journal / "people" / "maria-soto.md").read_text(
        encoding="utf-8"
    ) == "---\nname: Maria Soto\n---\n"
