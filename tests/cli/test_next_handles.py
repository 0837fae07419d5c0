"""Intentions with handles: `pln next` numbers them, `--done N`, `--drop N`, prefixes, a
reflection's intentions closed the same way, and what `check`, `status`, the impact report and
shell completion make of it. Real files, real git."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_completion import complete
from tests.helpers import Run, write
from tests.helpers.gitrepo import git, subjects
from tests.helpers.reports import entry

TODAY = {"PLN_TODAY": "2025-10-10"}
REFLECTION = "reflections/2025-10-05-enrichment.md"


@pytest.fixture
def intentions(journal: Path) -> Path:
    entry(journal, "2025-09-01-rubric", "date: 2025-09-01\nnext: Try a single-point rubric\n")
    entry(journal, "2025-10-02-call-jane", "date: 2025-10-02\nnext: Call Jane\n")
    write(
        journal / REFLECTION,
        "---\ndate: 2025-10-05\nnext: [Find a mentor, Try a non-Bluesky space]\n---\nMy notes.\n",
    )
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "intentions")
    return journal


def handles(pln: Run) -> list[tuple[int, str]]:
    rows = json.loads(pln("next", "-f", "json", env=TODAY).stdout)
    return [(row["n"], row["handle"]) for row in rows]


def test_rows_are_numbered_with_a_handle_each(pln: Run, intentions: Path) -> None:
    assert handles(pln) == [
        (1, "2025-09-01-rubric"),
        (2, "2025-10-02-call-jane"),
        (3, "2025-10-05-enrichment:1"),
        (4, "2025-10-05-enrichment:2"),
    ]
    assert pln("next", env=TODAY).stdout.splitlines()[3].split() == [
        "3", "2025-10-05", "5d", "Find", "a", "mentor", "2025-10-05-enrichment:1",
    ]  # fmt: skip


def test_done_by_number_records_applied_and_applied_on_and_commits(pln: Run, intentions: Path) -> None:
    result = pln("next", "--done", "2", "Called her after school", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert "recorded what you did about 2025-10-02-call-jane" in result.stderr
    text = (intentions / "entries/2025/2025-10-02-call-jane.md").read_text(encoding="utf-8")
    assert text == (
        "---\ndate: 2025-10-02\nnext: Call Jane\n"
        "applied: Called her after school\napplied_on: 2025-10-10\n---\n"
    )
    assert subjects(intentions)[0] == "next done: 2025-10-02-call-jane"
    assert [h for _, h in handles(pln)] == [
        "2025-09-01-rubric",
        "2025-10-05-enrichment:1",
        "2025-10-05-enrichment:2",
    ]


def test_done_by_a_unique_prefix_and_an_explicit_date(pln: Run, intentions: Path) -> None:
    result = pln("next", "--done", "2025-09", "Used it on the DBQ", "--date", "2025-10-01", env=TODAY)
    assert result.exit_code == 0, result.stderr
    text = (intentions / "entries/2025/2025-09-01-rubric.md").read_text(encoding="utf-8")
    assert "applied: Used it on the DBQ\napplied_on: 2025-10-01\n" in text


def test_drop_records_why_and_the_intention_leaves_the_list(pln: Run, intentions: Path) -> None:
    result = pln("next", "--drop", "1", "Our department chose another rubric", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert "dropped 2025-09-01-rubric: it leaves 'pln next'" in result.stderr
    text = (intentions / "entries/2025/2025-09-01-rubric.md").read_text(encoding="utf-8")
    assert text.endswith(
        "next: Try a single-point rubric\ndropped: Our department chose another rubric\n---\n"
    )
    assert subjects(intentions)[0] == "next dropped: 2025-09-01-rubric"
    assert handles(pln)[0] == (1, "2025-10-02-call-jane")
    again = pln("next", "--done", "2025-09-01-rubric", "x", env=TODAY)
    assert (again.exit_code, again.stderr.strip()) == (
        1,
        "pln: error: 2025-09-01-rubric was dropped; change it with 'pln edit 2025-09-01-rubric'",
    )
    impact = json.loads(pln("report", "--impact", "-f", "json").stdout)
    assert (impact["intended"], impact["applied"], impact["dropped"]) == (2, 0, 1)
    assert [row["entry"] for row in impact["open"]] == ["2025-10-02-call-jane"]
    status = json.loads(pln("status", "-f", "json", env=TODAY).stdout)
    assert status["open_intentions"] == 3


def test_a_reflections_intentions_close_in_the_reflection(pln: Run, intentions: Path) -> None:
    assert (
        pln("next", "--done", "2025-10-05-enrichment:2", "Joined #edchat on Mastodon", env=TODAY).exit_code
        == 0
    )
    assert pln("next", "--drop", "3", "No mentor program this year", env=TODAY).exit_code == 0
    assert (intentions / REFLECTION).read_text(encoding="utf-8") == (
        "---\ndate: 2025-10-05\nnext: [Find a mentor, Try a non-Bluesky space]\n"
        "applied:\n  Try a non-Bluesky space: 'Joined #edchat on Mastodon'\n"
        "applied_on:\n  Try a non-Bluesky space: 2025-10-10\n"
        "dropped:\n  Find a mentor: No mentor program this year\n---\nMy notes.\n"
    )
    assert [h for _, h in handles(pln)] == ["2025-09-01-rubric", "2025-10-02-call-jane"]
    assert subjects(intentions)[:2] == [
        "next dropped: 2025-10-05-enrichment:1",
        "next done: 2025-10-05-enrichment:2",
    ]
    assert json.loads(pln("status", "-f", "json", env=TODAY).stdout)["open_intentions"] == 2


def test_check_knows_the_new_keys_and_warns_about_nonsense(pln: Run, intentions: Path) -> None:
    assert pln("next", "--done", "1", "Used it", env=TODAY).exit_code == 0
    assert pln("next", "--drop", "2", "Moved away", env=TODAY).exit_code == 0
    assert pln("check").exit_code == 0
    assert "unknown key" not in pln("check").stderr + pln("check").stdout
    entry(intentions, "2025-10-06-odd", "date: 2025-10-06\nnext: X\napplied_on: 2025-10-01\n")
    write(
        intentions / "reflections" / "2025-10-07-enrichment.md",
        "---\ndate: 2025-10-07\nnext: [A]\ndropped: {B: gone}\n---\n",
    )
    result = pln("check")
    shown = result.stdout + result.stderr
    assert "entries/2025/2025-10-06-odd.md:4: warning: applied_on without applied: what did you do?" in shown
    assert "entries/2025/2025-10-06-odd.md:4: warning: applied_on is before the entry's date" in shown
    assert "2025-10-07-enrichment.md:4: warning: dropped: 'B' is not one of this reflection's next:" in shown


def test_an_ambiguous_prefix_lists_the_candidates(pln: Run, intentions: Path) -> None:
    result = pln("next", "--done", "2025-10-05-enrichment", "x", env=TODAY)
    assert result.exit_code == 1
    assert (
        "could be any of 2 intentions: 3 2025-10-05-enrichment:1, 4 2025-10-05-enrichment:2" in result.stderr
    )
    assert git(intentions, "status", "--porcelain") == ""


def test_completion_offers_the_open_intentions(journal: Path, intentions: Path) -> None:
    line = f"pln --journal {journal} next --done 2025-10"
    assert complete(line, PLN_TODAY="2025-10-10") == [
        "2025-10-02-call-jane",
        "2025-10-05-enrichment:1",
        "2025-10-05-enrichment:2",
    ]
    assert complete(f"pln --journal {journal} next --drop 2025-09") == ["2025-09-01-rubric"]


def test_a_narrow_terminal_shortens_the_intention_never_the_handle() -> None:
    import io

    from rich.console import Console

    from plnjournal.render.table import render_rich

    handle = "2025-09-08-sschat-on-primary-sources-with-middle-schoolers"
    rows = [[1, "2025-09-08", "295d", "Put the four sourcing questions on a poster by the door", handle]]
    console = Console(file=io.StringIO(), width=100)
    console.print(render_rich(("#", "date", "age", "next", "handle"), rows, width=100))
    lines = console.file.getvalue().splitlines()
    assert len(lines) == 2  # header and one row: nothing wrapped
    assert lines[1].endswith(handle)
    assert "Put the four sourc…" in lines[1]  # the text is cut, with an ellipsis
