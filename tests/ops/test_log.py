"""`pln log`: one new entry, its references checked, its body from -m, stdin or nowhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run

TODAY = {"PLN_TODAY": "2026-11-25"}


@pytest.fixture
def network(pln: Run) -> Run:
    pln("add", "person", "Jane Doe", "--no-commit")
    pln("add", "person", "Tom Lee", "--no-commit")
    pln("add", "space", "#sschat", "--kind", "chat", "--no-commit")
    pln("add", "tool", "Wakelet", "--no-commit")
    pln("add", "goal", "Support English learners", "--no-commit")
    return pln


def test_log_with_every_option(network: Run, journal: Path) -> None:
    result = network(
        "log",
        "#sschat on inquiry grading",
        "--date",
        "2026-11-22",
        "--time",
        "19:00",
        "--space",
        "#sschat",
        "--with",
        "jane-doe,Tom Lee",
        "--tool",
        "wakelet",
        "--cognitive",
        "Single-point rubrics",
        "--social",
        "Three ELA teachers",
        "--growth",
        "affective",
        "--engagement",
        "contributed",
        "--minutes",
        "60",
        "--goal",
        "support-english-learners",
        "--tag",
        "grading",
        "--tag",
        "inquiry",
        "--next",
        "Try it in period 3",
        "--applied",
        "Used it",
        "--impact",
        "Better questions",
        "--evidence",
        "evidence/a.png",
        "--verified-by",
        "Certificate",
        "--private",
        "-m",
        "What happened.",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "entries/2026/2026-11-22-sschat-on-inquiry-grading.md\n"
    assert (journal / result.stdout.strip()).read_text(encoding="utf-8") == (
        "---\n"
        "date: 2026-11-22\n"
        "time: '19:00'\n"
        "title: '#sschat on inquiry grading'\n"
        "space: sschat\n"
        "people: [jane-doe, tom-lee]\n"
        "tools: [wakelet]\n"
        "growth:\n"
        "  affective: null\n"
        "  cognitive: Single-point rubrics\n"
        "  social: Three ELA teachers\n"
        "engagement: contributed\n"
        "minutes: 60\n"
        "goal: support-english-learners\n"
        "tags: [grading, inquiry]\n"
        "next: Try it in period 3\n"
        "applied: Used it\n"
        "impact: Better questions\n"
        "evidence: [evidence/a.png]\n"
        "verified_by: Certificate\n"
        "private: true\n"
        "---\n"
        "What happened.\n"
    )


def test_growth_without_notes_is_written_as_a_list(network: Run, journal: Path) -> None:
    path = network("log", "Chat", "--growth", "social,cognitive", "--date", "2026-01-02").stdout.strip()
    assert "growth: [cognitive, social]\n" in (journal / path).read_text()


def test_body_from_stdin(network: Run, journal: Path) -> None:
    result = network("log", "Edcamp", "--date", "2026-05-04", input="Line one\n\n- a list\n")
    assert (journal / result.stdout.strip()).read_text().endswith("---\nLine one\n\n- a list\n")


def test_no_body_and_no_title(network: Run, journal: Path) -> None:
    result = network("log", "--space", "sschat", env=TODAY)
    assert result.stdout == "entries/2026/2026-11-25-sschat.md\n"
    assert (journal / result.stdout.strip()).read_text() == "---\ndate: 2026-11-25\nspace: sschat\n---\n"


@pytest.mark.parametrize(
    ("words", "day"),
    [("yesterday", "2026-11-24"), ("3 days ago", "2026-11-22"), ("last friday", "2026-11-20")],
)
def test_dates_in_everyday_words(network: Run, words: str, day: str) -> None:
    result = network("log", "Chat", "--date", words, env=TODAY)
    assert result.stdout == f"entries/2026/{day}-chat.md\n", result.stderr


def test_same_title_same_day_gets_a_second_file(network: Run) -> None:
    first = network("log", "Chat", "--date", "2026-01-05").stdout
    second = network("log", "Chat", "--date", "2026-01-05").stdout
    assert (first, second) == ("entries/2026/2026-01-05-chat.md\n", "entries/2026/2026-01-05-chat-2.md\n")


def test_unknown_reference_is_refused_with_suggestions(network: Run, journal: Path) -> None:
    result = network("log", "Chat", "--with", "jane-deo")
    assert result.exit_code == 1
    assert result.stderr == "pln: error: unknown person 'jane-deo'; did you mean 'jane-doe'?\n"
    assert list((journal / "entries").rglob("*.md")) == []


def test_add_missing_creates_stub_records(network: Run, journal: Path) -> None:
    result = network(
        "log",
        "Edcamp Tulsa",
        "--date",
        "2026-05-04",
        "--space",
        "Edcamp Tulsa",
        "--with",
        "Priya Shah,Marcus Cole,jane-doe",
        "--add-missing",
    )
    assert result.exit_code == 0, result.stderr
    assert (journal / "people" / "priya-shah.md").read_text() == "---\nname: Priya Shah\n---\n"
    assert (journal / "spaces" / "edcamp-tulsa.md").exists()
    entry = (journal / result.stdout.strip()).read_text()
    assert "space: edcamp-tulsa\npeople: [priya-shah, marcus-cole, jane-doe]\n" in entry


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engagement", "shouted"], "Invalid value for '--engagement'"),
        (["--minutes", "-5"], "--minutes: a duration cannot be negative"),
        (["--date", "2026-02-30"], "--date: '2026-02-30' is not a real date"),
        (["--date", "the day after never"], "--date: cannot read 'the day after never' as a date"),
        (["--time", "25:00"], "--time: '25:00' is not a time"),
        (["--growth", "spiritual"], "--growth: 'spiritual' is not one of affective, cognitive"),
    ],
)
def test_bad_values_are_one_line_usage_errors(
    network: Run, journal: Path, args: list[str], message: str
) -> None:
    result = network("log", "Chat", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert list((journal / "entries").rglob("*.md")) == []


def test_hostile_title_stays_text_and_cannot_escape_the_folder(network: Run, journal: Path) -> None:
    title = "../../[bold]pwn[/bold]: #x \x1b[31m"
    result = network("log", title, "--date", "2026-01-01", "-m", "")
    path = journal / result.stdout.strip()
    assert path.parent == journal / "entries" / "2026"
    assert path.name == "2026-01-01-bold-pwn-bold-x.md"
    shown = network("show", path.stem, "--format", "json")
    assert '"title": "../../[bold]pwn[/bold]: #x \\u001b[31m"' in shown.stdout


def test_body_on_stdin_that_is_not_utf8(network: Run, journal: Path) -> None:
    from typer.testing import CliRunner

    from plnjournal.cli.main import app

    result = CliRunner().invoke(app, ["--journal", str(journal), "log", "X"], input=b"caf\xe9\n")
    assert result.exit_code == 2
    assert result.stderr == "pln: error: the text on standard input is not UTF-8\n"


@pytest.mark.parametrize(
    ("when", "day"), [("2062-11-23", "2062-11-23"), ("tomorrow", "2026-11-26")], ids=["typo", "tomorrow"]
)
def test_a_date_after_today_is_logged_with_a_warning(pln: Run, journal: Path, when: str, day: str) -> None:
    """Issue 15, item 6: `--date 2062-11-23` was accepted silently."""
    result = pln("log", "Chat", "--date", when, "-m", "", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"entries/{day[:4]}/{day}-chat.md\n"
    assert result.stderr == (
        f"pln: warning: date: {day} is after today (2026-11-25): a typo? "
        "(saved as dated; fix it with 'pln edit')\n"
    )
    check = pln("check", "--format", "json", env=TODAY)
    assert check.exit_code == 0  # a warning: an event planned ahead is allowed
    assert [(p["path"], p["line"], p["level"], p["code"]) for p in json.loads(check.stdout)] == [
        (f"entries/{day[:4]}/{day}-chat.md", 2, "warning", "future-date")
    ]


def test_today_is_not_the_future(pln: Run) -> None:
    result = pln("log", "Chat", "-m", "", env=TODAY)
    assert result.exit_code == 0 and result.stderr == ""
