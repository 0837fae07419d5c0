"""`pln portfolio`: clock hours worked out by hand, the PD-log CSV, the school-year default,
private entries left out; and `pln attach`."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write

TODAY = {"PLN_TODAY": "2026-03-01"}  # school year 2025-07-01 .. 2026-06-30 (default start July 1)


@pytest.fixture
def year(pln: Run) -> Run:
    """Entries of one school year, one private, and one on each side of it."""
    steps = [
        ("add", "space", "Edcamp Tulsa", "--kind", "unconference", "--mode", "physical"),
        ("add", "person", "Jane Doe", "--organization", "Lincoln High"),
        ("add", "goal", "Support English learners"),
        ("log", "Before the year", "--date", "2025-06-30", "--minutes", "60", "-m", ""),
        (
            "log", "Edcamp", "--date", "2025-09-10", "--space", "Edcamp Tulsa", "--minutes", "330",
            "--cognitive", "The QFT", "--verified-by", "Sign-in sheet", "--evidence", "https://ex.org/board",
            "--evidence", "evidence/board.png", "--goal", "support-english-learners",
            "--applied", "Used the QFT in period 3", "-m", "",
        ),
        ("log", "Coffee with Jane", "--date", "2025-10-01", "--with", "jane-doe", "--minutes", "45",
         "--social", "A colleague across town", "--goal", "support-english-learners", "-m", ""),
        ("log", "A hard week", "--date", "2025-10-02", "--private", "--minutes", "100",
         "--affective", "x", "-m", ""),
        ("log", "Read a chapter", "--date", "2025-11-05", "--growth", "cognitive", "-m", ""),
        ("log", "Chat", "--date", "2026-01-05", "--minutes", "20", "-m", ""),
        ("log", "Chat again", "--date", "2026-01-12", "--minutes", "20", "-m", ""),
        ("log", "Chat once more", "--date", "2026-06-30", "--minutes", "20", "-m", ""),
        ("log", "Next year", "--date", "2026-07-01", "--minutes", "60", "-m", ""),
    ]  # fmt: skip
    for step in steps:
        result = pln(*step)
        assert result.exit_code == 0, (step, result.stderr)
    return pln


def test_csv_is_the_state_pd_log(year: Run) -> None:
    result = year("portfolio", "--format", "csv", env=TODAY)
    assert result.exit_code == 0, result.stderr
    # 330 min = 5.50 h; 45 min = 0.75 h; three 20-minute chats are 0.33 + 0.34 + 0.33 h, so that the
    # rows add up to the total (435 min = 7.25 h) and the running total
    assert result.stdout == (
        "date,title,provider,location,hours,verified_by\n"
        "2025-09-10,Edcamp,Edcamp Tulsa,in person,5.50,Sign-in sheet\n"
        "2025-10-01,Coffee with Jane,Lincoln High,,0.75,\n"
        "2025-11-05,Read a chapter,,,,\n"
        "2026-01-05,Chat,,,0.33,\n"
        "2026-01-12,Chat again,,,0.34,\n"
        "2026-06-30,Chat once more,,,0.33,\n"
    )


def test_markdown_totals_worked_out_by_hand(year: Run) -> None:
    text = year("portfolio", env=TODAY).stdout
    assert text.startswith("# Professional learning portfolio: Ana Ruiz\n")
    # 330 + 45 + 3 x 20 = 435 minutes = 7.25 hours (not 5.50 + 0.75 + 3 x 0.33 = 7.24)
    assert "2025-07-01 to 2026-06-30 · 6 activities · 7.25 clock hours" in text
    assert "| 2025-09-10 | Edcamp | Edcamp Tulsa | in person | 5.50 | 5.50 | Sign-in sheet |" in text
    assert "| 2025-10-01 | Coffee with Jane | Lincoln High |  | 0.75 | 6.25 |  |" in text
    assert "| 2025-11-05 | Read a chapter |  |  |  | 6.25 |  |" in text
    assert "| 2026-01-05 | Chat |  |  | 0.33 | 6.58 |  |" in text  # 395 minutes
    assert "| 2026-06-30 | Chat once more |  |  | 0.33 | 7.25 |  |" in text
    assert "**Total: 7.25 clock hours**" in text
    assert "| cognitive | 2 | 5.50 |" in text  # Edcamp (330) and the chapter (no minutes)
    assert "| social | 1 | 0.75 |" in text
    assert "| affective | 0 | 0.00 |" in text  # the only affective entry is private
    assert "| Support English learners | 2 | 6.25 |" in text
    assert "- Evidence: <https://ex.org/board>, `evidence/board.png`" in text
    assert "- Learned (cognitive): The QFT" in text
    assert "- Applied: Used the QFT in period 3" in text
    for absent in ("Before the year", "Next year", "A hard week"):
        assert absent not in text


@pytest.mark.parametrize("fmt", ["markdown", "csv", "html"])
def test_private_entries_are_never_in_a_portfolio(year: Run, fmt: str) -> None:
    result = year("portfolio", "--format", fmt, "--from", "2025-01-01", "--to", "2026-12-31")
    assert result.exit_code == 0, result.stderr
    assert "Before the year" in result.stdout and "Next year" in result.stdout
    assert "A hard week" not in result.stdout


def test_range_and_output_file(year: Run, tmp_path: Path) -> None:
    target = tmp_path / "portfolio.csv"
    result = year("portfolio", "-f", "csv", "--from", "2026-01-01", "--to", "2026-01-31", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["title"] for row in rows] == ["Chat", "Chat again"]


def test_an_empty_range_is_a_valid_empty_portfolio(year: Run) -> None:
    result = year("portfolio", "--from", "2030-01-01", "--to", "2030-12-31")
    assert result.exit_code == 0
    assert "no entries from 2030-01-01 to 2030-12-31" in result.stderr
    assert "0 activities · 0.00 clock hours" in result.stdout


def test_school_year_start_from_settings(year: Run, journal: Path) -> None:
    write(journal / "pln.yaml", "owner: Ana Ruiz\nschool_year_start: 08-15\n")
    text = year("portfolio", "-f", "csv", env={"PLN_TODAY": "2025-08-14"}).stdout
    assert text.splitlines()[1:] == ["2025-06-30,Before the year,,,1.00,"]  # 2024-08-15 .. 2025-08-14


def test_examples_portfolio(example_journal: Path) -> None:
    result = invoke("--journal", str(example_journal), "portfolio", env={"PLN_TODAY": "2026-06-30"})
    assert result.exit_code == 0, result.stderr
    assert "2025-07-01 to 2026-06-30 · 94 activities" in result.stdout
    assert "| 2025-10-18 | Edcamp Tulsa, fall 2025 | Edcamp Tulsa | in person | 5.50 |" in result.stdout
    assert "Vented on r/Teachers" not in result.stdout


def test_attach_copies_the_file_and_lists_it(year: Run, journal: Path, tmp_path: Path) -> None:
    photo = tmp_path / "Board Photo.PNG"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    entry = journal / "entries/2025/2025-09-10-edcamp.md"
    before = entry.read_text(encoding="utf-8")
    result = year("attach", "2025-09-10-edcamp", str(photo))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "evidence/2025-09-10-edcamp-board-photo.png\n"
    assert (journal / "evidence/2025-09-10-edcamp-board-photo.png").read_bytes() == photo.read_bytes()
    after = entry.read_text(encoding="utf-8")
    assert after == before.replace(
        "evidence: ['https://ex.org/board', evidence/board.png]",
        "evidence: ['https://ex.org/board', evidence/board.png, evidence/2025-09-10-edcamp-board-photo.png]",
    )
    again = year("attach", "2025-09-10-edcamp", str(photo))
    assert again.stdout == "evidence/2025-09-10-edcamp-board-photo-2.png\n"
    assert (journal / "evidence/2025-09-10-edcamp-board-photo.png").read_bytes() == photo.read_bytes()


def test_attach_is_one_commit(year: Run, journal: Path, tmp_path: Path) -> None:
    write(journal / "pln.yaml", "owner: Ana Ruiz\ngit:\n  autocommit: true\n")
    notes = write(tmp_path / "notes.txt", "Session notes\n")
    assert year("attach", "2025-10-01-coffee-with-jane", str(notes)).exit_code == 0
    shown = subprocess.run(
        ["git", "show", "--format=%s", "--name-only", "HEAD"], cwd=journal, capture_output=True, text=True
    ).stdout.split()
    assert shown[:3] == ["attach", "evidence/2025-10-01-coffee-with-jane-notes.txt", "to"]
    assert set(shown[-2:]) == {
        "entries/2025/2025-10-01-coffee-with-jane.md",
        "evidence/2025-10-01-coffee-with-jane-notes.txt",
    }


def test_attach_refusals(year: Run, journal: Path, tmp_path: Path) -> None:
    notes = write(tmp_path / "notes.txt", "x")
    missing = year("attach", "2025-10-01-coffee-with-jane", str(tmp_path / "nope.txt"))
    assert (missing.exit_code, missing.stderr) == (1, f"pln: error: {tmp_path / 'nope.txt'}: no such file\n")
    unknown = year("attach", "2031-01-01-nothing", str(notes))
    assert unknown.exit_code == 1 and "no record with the id '2031-01-01-nothing'" in unknown.stderr
    person = year("attach", "jane-doe", str(notes))
    assert person.exit_code == 1 and "'jane-doe' is a person, not an entry" in person.stderr
    assert not any((journal / "evidence").iterdir())


def test_range_in_words(year: Run) -> None:
    text = year("portfolio", "-f", "csv", "--from", "last school year", "--to", "last school year", env=TODAY)
    assert text.stdout.splitlines()[1:] == ["2025-06-30,Before the year,,,1.00,"]  # 2024-07-01 .. 2025-06-30


def test_markdown_turns_no_html_loose(pln: Run) -> None:
    title = "Chat <script>alert(1)</script> | pipes"
    assert pln("log", title, "--date", "2025-09-01", "--minutes", "30", "-m", "").exit_code == 0
    text = pln("portfolio", env=TODAY).stdout
    assert "<script>" not in text
    assert "| 2025-09-01 | Chat &lt;script>alert(1)&lt;/script> \\| pipes |" in text
    assert "### 2025-09-01 · Chat &lt;script>alert(1)&lt;/script> \\| pipes" in text


def test_hours_rows_running_total_and_total_agree(pln: Run) -> None:
    """Issue 15, item 10: whatever the portfolio prints adds up (each row rounded on its own made
    rows of 20, 25 and 50 minutes sum to more or less than the total)."""
    minutes = [20, 25, 50, 20, 10, 35, 20, 5, 55, 40, 20, 17]
    for day, amount in enumerate(minutes, 1):
        logged = pln("log", f"Chat {day}", "--date", f"2026-01-{day:02d}", "--minutes", str(amount), "-m", "")
        assert logged.exit_code == 0, logged.stderr
    text = pln("portfolio", "--from", "2026-01-01", "--to", "2026-01-31", env=TODAY).stdout
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| 2026-01-")]
    hundredths = [round(float(row[4]) * 100) for row in rows]
    running = [round(float(row[5]) * 100) for row in rows]
    total = sum(minutes)  # 317 minutes = 5.28 h
    assert f"**Total: {total / 60:.2f} clock hours**" in text
    assert sum(hundredths) == running[-1] == round(total / 60 * 100)
    assert running == [sum(hundredths[: i + 1]) for i in range(len(rows))]
    assert all(abs(h - m * 100 / 60) <= 1 for h, m in zip(hundredths, minutes, strict=True))
    csv_text = pln("portfolio", "--from", "2026-01-01", "--to", "2026-01-31", "-f", "csv", env=TODAY).stdout
    csv_hours = [float(row["hours"]) for row in csv.DictReader(io.StringIO(csv_text))]
    assert round(sum(csv_hours) * 100) == sum(hundredths)


@pytest.mark.parametrize(
    ("bounds", "span"),
    [
        (("--to", "2025-06-30"), "2024-07-01 to 2025-06-30"),
        (("--from", "2026-09-01"), "2026-09-01 to 2027-06-30"),
        ((), "2025-07-01 to 2026-06-30"),
    ],
    ids=["lone --to", "lone --from", "neither"],
)
def test_a_lone_bound_means_the_school_year_it_falls_in(
    year: Run, bounds: tuple[str, ...], span: str
) -> None:
    """Issue 15, item 11: `--to 2025-06-30` in the 2025-26 school year printed an empty portfolio."""
    result = year("portfolio", *bounds, env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert f"{span} · " in result.stdout
    if bounds == ("--to", "2025-06-30"):
        assert "Before the year" in result.stdout


@pytest.mark.parametrize(
    "command",
    [("portfolio",), ("report", "--growth"), ("list", "entries"), ("export",), ("graph",)],
    ids=lambda c: c[0] + (c[1] if len(c) > 1 else ""),
)
def test_a_range_that_ends_before_it_starts_is_a_usage_error(pln: Run, command: tuple[str, ...]) -> None:
    result = pln(*command, "--from", "2026-03-01", "--to", "2026-01-31")
    assert result.exit_code == 2
    assert result.stderr == "pln: error: --from 2026-03-01 is after --to 2026-01-31\n"
