"""Every command reads `--from/--to` the same way: period words, dates in words and ISO dates.

For each command, the words give exactly the output of the ISO dates they stand for, and those
dates are pinned here once (PLN_TODAY=2026-06-30, the example journal's school year starts 1 July).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from plnjournal.query import parse_range
from tests.helpers import invoke

TODAY = {"PLN_TODAY": "2026-06-30"}
WORDS = {  # what a user types -> the ISO dates every command must read it as
    "last month": ("2026-05-01", "2026-05-31"),
    "this month": ("2026-06-01", "2026-06-30"),
    "last school year": ("2024-07-01", "2025-06-30"),
    "this school year": ("2025-07-01", "2026-06-30"),
    "last quarter": ("2026-01-01", "2026-03-31"),
    "May 1 2026": ("2026-05-01", "2026-05-01"),
    "2026-03-15": ("2026-03-15", "2026-03-15"),
}
COMMANDS = {  # command -> the arguments that show what it chose (stdout only)
    "report": ["report", "--impact", "-f", "json"],
    "report-table": ["report", "--growth"],
    "list": ["list", "entries", "-f", "json"],
    "export": ["export", "-f", "csv"],
    "graph": ["graph"],
    "portfolio": ["portfolio", "-f", "csv"],
}


def run(journal: Path, *args: str) -> str:
    result = invoke("--journal", str(journal), *args, env=TODAY)
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.mark.parametrize("words", list(WORDS))
def test_the_one_parser_reads_the_words(words: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLN_TODAY", "2026-06-30")
    first, last = parse_range(words, words)
    assert (first.isoformat(), last.isoformat()) == WORDS[words]  # type: ignore[union-attr]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("words", ["last month", "last school year", "this school year", "May 1 2026"])
def test_from_words_mean_the_same_in_every_command(example_journal: Path, command: str, words: str) -> None:
    first, _ = WORDS[words]
    args = COMMANDS[command]
    assert run(example_journal, *args, "--from", words) == run(example_journal, *args, "--from", first)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_from_and_to_words_mean_the_same_in_every_command(example_journal: Path, command: str) -> None:
    args = COMMANDS[command]
    typed = run(example_journal, *args, "--from", "last month", "--to", "last month")
    assert typed == run(example_journal, *args, "--from", "2026-05-01", "--to", "2026-05-31")


def test_last_month_in_list_and_report_is_the_same_month(example_journal: Path) -> None:
    import json

    listed = json.loads(run(example_journal, "list", "entries", "-f", "json", "--from", "last month"))
    report = json.loads(run(example_journal, "report", "--impact", "-f", "json", "--from", "last month"))
    assert min(entry["date"] for entry in listed) == "2026-05-04"  # the first entry on or after 1 May
    assert report["logged"] == len(listed)


def test_reflect_reads_the_words_like_the_rest(example_journal: Path) -> None:
    def reflection(*bounds: str) -> str:
        created = run(example_journal, "reflect", "--no-commit", *bounds).strip()
        path = example_journal / created
        text = path.read_text(encoding="utf-8")
        path.unlink()
        return text

    assert reflection("--from", "last school year") == reflection("--from", "2024-07-01")


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_range_that_ends_before_it_starts_is_a_usage_error(example_journal: Path, command: str) -> None:
    result = invoke(
        "--journal",
        str(example_journal),
        *COMMANDS[command],
        "--from",
        "this month",
        "--to",
        "last month",
        env=TODAY,
    )
    assert result.exit_code == 2
    assert "--from 2026-06-01 is after --to 2026-05-31" in result.stderr
