"""`pln goal done|drop GOAL`: the goal's status in its file, one commit; refusals change nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run
from tests.helpers.gitrepo import git, subjects


def test_done_and_drop_set_the_status_and_commit(pln: Run, journal: Path) -> None:
    env = {"PLN_TODAY": "2026-09-01"}
    assert pln("add", "goal", "Support English learners", env=env).exit_code == 0
    assert pln("add", "goal", "Blog monthly", env=env).exit_code == 0
    done = pln("goal", "done", "Support English learners")  # by its name
    assert done.exit_code == 0, done.stderr
    assert done.stderr == "pln: support-english-learners is now done\n"
    assert (journal / "goals/support-english-learners.md").read_text(encoding="utf-8") == (
        "---\nname: Support English learners\nstatus: done\nstarted: 2026-09-01\n---\n"
    )
    assert subjects(journal)[0] == "goal done: support-english-learners"
    assert pln("goal", "drop", "blog-monthly").exit_code == 0
    assert subjects(journal)[0] == "goal drop: blog-monthly"
    listed = json.loads(pln("list", "goals", "-f", "json").stdout)
    assert [(g["id"], g["status"]) for g in listed] == [
        ("blog-monthly", "dropped"),
        ("support-english-learners", "done"),
    ]


def test_refusals_name_the_goal_and_write_nothing(pln: Run, journal: Path) -> None:
    assert pln("add", "goal", "Blog monthly").exit_code == 0
    assert pln("goal", "done", "blog-monthly").exit_code == 0
    again = pln("goal", "done", "blog-monthly")
    assert (again.exit_code, again.stderr) == (1, "pln: error: the goal blog-monthly is already done\n")
    unknown = pln("goal", "drop", "blog-montly")
    assert unknown.exit_code == 1
    assert "unknown goal 'blog-montly'; did you mean 'blog-monthly'?" in unknown.stderr
    assert git(journal, "status", "--porcelain") == ""
    assert "done  Mark a goal done" in pln("goal", "--help").stdout
