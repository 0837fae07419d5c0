"""`pln next`: open intentions oldest first, and `--done` recording the outcome in one file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write
from tests.helpers.reports import entry

TODAY = {"PLN_TODAY": "2025-10-10"}
RUBRIC = "date: 2025-09-01\nspace: sschat\ngoal: inquiry-grading\nnext: Try rubric\n"


@pytest.fixture
def intentions(journal: Path) -> Path:
    entry(journal, "2025-09-01-rubric", RUBRIC, "Body line.\n\nSecond paragraph.\n")
    entry(journal, "2025-09-05-tickets", "date: 2025-09-05\nnext: Try exit tickets\napplied: Used them\n")
    entry(journal, "2025-10-02-call-jane", "date: 2025-10-02\ntime: '09:00'\nnext: Call Jane\n")
    entry(journal, "2025-10-03-reading", "date: 2025-10-03\n")
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "entries")
    return journal


def git(journal: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=journal, capture_output=True, text=True, check=True).stdout


def test_open_intentions_oldest_first_with_their_age(pln: Run, intentions: Path) -> None:
    result = pln("next", "--format", "json", env=TODAY)
    assert json.loads(result.stdout) == [
        {
            "n": 1,
            "kind": "entry",
            "entry": "2025-09-01-rubric",
            "date": "2025-09-01",
            "age_days": 39,
            "next": "Try rubric",
            "handle": "2025-09-01-rubric",
        },
        {
            "n": 2,
            "kind": "entry",
            "entry": "2025-10-02-call-jane",
            "date": "2025-10-02",
            "age_days": 8,
            "next": "Call Jane",
            "handle": "2025-10-02-call-jane",
        },
    ]
    table = pln("next", env=TODAY).stdout.splitlines()
    assert table[0].split() == ["#", "date", "age", "next", "handle"]
    assert table[1].split() == ["1", "2025-09-01", "39d", "Try", "rubric", "2025-09-01-rubric"]
    assert pln("next", "-f", "csv", env=TODAY).stdout.splitlines() == [
        "n,kind,entry,date,age_days,next,handle",
        "1,entry,2025-09-01-rubric,2025-09-01,39,Try rubric,2025-09-01-rubric",
        "2,entry,2025-10-02-call-jane,2025-10-02,8,Call Jane,2025-10-02-call-jane",
    ]


def test_done_writes_applied_and_impact_into_that_file_and_commits_it(pln: Run, intentions: Path) -> None:
    result = pln(
        "next",
        "--done",
        "2025-09-01-rubric",
        "Used the rubric",
        "--impact",
        "Students asked better questions",
        env=TODAY,
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    path = intentions / "entries" / "2025" / "2025-09-01-rubric.md"
    assert path.read_text(encoding="utf-8") == (
        "---\n" + RUBRIC + "applied: Used the rubric\napplied_on: 2025-10-10\n"
        "impact: Students asked better questions\n---\n"
        "Body line.\n\nSecond paragraph.\n"
    )
    assert git(intentions, "log", "-1", "--format=%s") == "next done: 2025-09-01-rubric\n"
    assert (
        git(intentions, "show", "--name-only", "--format=", "HEAD") == "entries/2025/2025-09-01-rubric.md\n"
    )
    assert git(intentions, "status", "--porcelain") == ""
    remaining = json.loads(pln("next", "-f", "json", env=TODAY).stdout)
    assert [item["entry"] for item in remaining] == ["2025-10-02-call-jane"]


def test_done_without_impact_keeps_the_quoted_time(pln: Run, intentions: Path) -> None:
    done = pln("next", "--done", "2025-10-02-call-jane", "Called her", "--date", "yesterday", env=TODAY)
    assert done.exit_code == 0, done.stderr
    path = intentions / "entries" / "2025" / "2025-10-02-call-jane.md"
    assert path.read_text(encoding="utf-8") == (
        "---\ndate: 2025-10-02\ntime: '09:00'\nnext: Call Jane\napplied: Called her\n"
        "applied_on: 2025-10-09\n---\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--done", "2025-10-03-reading", "Read it"), 1, "2025-10-03-reading has no intention ('next:')"),
        (
            ("--done", "2025-09-01-rubrik", "x"),
            1,
            "no entry with the id '2025-09-01-rubrik'; did you mean '2025-09-01-rubric'?",
        ),
        (("--done", "2025-09-05-tickets", "Again"), 1, "2025-09-05-tickets is already applied"),
        (
            ("--done", "2025-09-01-rubric"),
            2,
            "say what you did: pln next --done 2025-09-01-rubric 'what I did'",
        ),
        (("--done", "2025-09-01-rubric", "  "), 1, "say what you did"),
        (("Used the rubric",), 2, "say which intention: pln next --done N 'what I did'"),
        (("--done", "7", "x"), 1, "there is no open intention 7: 'pln next' numbers them 1 to 2"),
        (
            ("--done", "2025", "x"),
            1,
            "'2025' could be any of 2 intentions: 1 2025-09-01-rubric, 2 2025-10-02-call-jane",
        ),
        (("--drop", "1"), 2, "say why: pln next --drop 1 'why'"),
        (("--drop", "1", "x", "--date", "today"), 2, "--impact and --date go with --done, not --drop"),
        (("--done", "1", "x", "--drop", "2"), 2, "choose one"),
        (("--done", "1", "x", "--date", "someday"), 2, "--date"),
    ],
)
def test_refusals_change_nothing(
    pln: Run, intentions: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = pln("next", *args, env=TODAY)
    assert result.exit_code == code, result.stderr
    assert result.stderr.startswith("pln: error: ")
    assert message in result.stderr
    assert git(intentions, "status", "--porcelain") == ""


def test_no_open_intentions(pln: Run) -> None:
    result = pln("next", "-f", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert "no open intentions" in result.stderr
    assert pln("next").stdout == ""
    assert pln("next", "-f", "csv").stdout == "n,kind,entry,date,age_days,next,handle\n"


def test_on_the_example_journal(example_journal: Path) -> None:
    result = invoke("--journal", str(example_journal), "next", "-f", "json", env={"PLN_TODAY": "2026-06-30"})
    rows = json.loads(result.stdout)
    # Sep 8 -> Jun 30: 22 (rest of Sep) + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 295
    assert (rows[0]["date"], rows[0]["age_days"]) == ("2025-09-08", 295)
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)


def test_the_newest_reflections_intentions_are_listed_too(pln: Run, intentions: Path) -> None:
    """A reflection's `next:` list is what the Enrichment Framework's intention step produces;
    a newer reflection supersedes an older one's list."""
    write(
        intentions / "reflections" / "2025-06-01-enrichment.md",
        "---\ndate: 2025-06-01\nnext: [Old idea]\n---\n",
    )
    write(
        intentions / "reflections" / "2025-10-05-enrichment.md",
        "---\ndate: 2025-10-05\nnext: [Find a mentor, Try a non-Bluesky space]\n---\n",
    )
    rows = json.loads(pln("next", "--format", "json", env=TODAY).stdout)
    assert [(row["kind"], row["next"]) for row in rows] == [
        ("entry", "Try rubric"),
        ("entry", "Call Jane"),
        ("reflection", "Find a mentor"),
        ("reflection", "Try a non-Bluesky space"),
    ]
    assert rows[-1]["entry"] == "2025-10-05-enrichment" and rows[-1]["age_days"] == 5


def test_next_and_the_impact_report_order_one_day_alike(pln: Run, journal: Path) -> None:
    """Issue 15, item 13: date, then time, then id, in `pln next` as in `pln report --impact`."""
    entry(journal, "2025-10-02-afternoon-chat", "date: 2025-10-02\ntime: '19:00'\nnext: Evening idea\n")
    entry(journal, "2025-10-02-breakfast", "date: 2025-10-02\ntime: '07:30'\nnext: Morning idea\n")
    entry(journal, "2025-10-02-corridor", "date: 2025-10-02\nnext: Untimed idea\n")
    listed = [row["entry"] for row in json.loads(pln("next", "--format", "json", env=TODAY).stdout)]
    impact = json.loads(pln("report", "--impact", "--format", "json", env=TODAY).stdout)
    expected = ["2025-10-02-corridor", "2025-10-02-breakfast", "2025-10-02-afternoon-chat"]
    assert listed == expected
    assert [row["entry"] for row in impact["open"]] == expected
