"""Dormant means dormant: nobody is dormant before `dormant_after_days` have passed since they were
added (the commit that added their file, else `met`), on real git with back-dated commits."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import Result

from tests.helpers import Run, invoke
from tests.helpers.gitrepo import git


def dormant(pln: Run, today: str, command: tuple[str, ...] = ("report", "--network")) -> list[dict]:
    result = pln(*command, "--format", "json", env={"PLN_TODAY": today})
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["dormant"]


def add_on(pln: Run, day: str, *args: str) -> None:
    """`pln add person ...` committed as if on `day` (git's author date is the day it was added)."""
    stamp = f"{day}T12:00:00"
    result = pln("add", "person", *args, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    assert result.exit_code == 0, result.stderr


def test_nobody_is_dormant_on_the_day_they_are_added(pln: Run) -> None:
    assert pln("add", "person", "Nora New").exit_code == 0
    today = dt.date.today()
    assert dormant(pln, today.isoformat()) == []
    assert dormant(pln, today.isoformat(), ("status",)) == []
    later = (today + dt.timedelta(days=90)).isoformat()
    assert [row["id"] for row in dormant(pln, later)] == ["nora-new"]


def test_dormant_only_after_dormant_after_days_since_the_commit(pln: Run) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert dormant(pln, "2026-04-09") == []  # 89 days after it was added
    assert dormant(pln, "2026-04-10") == [
        {"id": "ines-early", "name": "Ines Early", "last_seen": None, "days": None, "added": "2026-01-10"}
    ]
    assert [row["id"] for row in dormant(pln, "2026-04-10", ("status",))] == ["ines-early"]


def test_an_old_met_does_not_make_someone_added_today_dormant(pln: Run) -> None:
    add_on(pln, "2026-06-01", "Old Acquaintance", "--met", "2020-05-01")
    assert dormant(pln, "2026-06-01") == []
    rows = dormant(pln, "2026-09-01")  # 92 days after the commit
    # met 2020-05-01 -> 2026-05-01: 6 x 365 + 1 (2024-02-29) = 2191, then 31 + 30 + 31 + 31 = 123
    assert [(row["last_seen"], row["days"], row["added"]) for row in rows] == [
        ("2020-05-01", 2314, "2026-06-01")
    ]


def test_a_renamed_person_keeps_the_day_they_were_added(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Sam Stone")
    stamp = "2026-05-01T12:00:00"
    renamed = pln(
        "rename", "sam-stone", "samuel-stone", env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    )
    assert renamed.exit_code == 0, renamed.stderr
    assert "samuel-stone" in git(journal, "log", "-1", "--name-only")
    assert [row["added"] for row in dormant(pln, "2026-05-01")] == ["2026-01-10"]


def test_without_git_met_is_when_they_joined(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    assert invoke("init", str(root), "--no-git").exit_code == 0

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return invoke("--journal", str(root), *args, env=env)

    assert run("add", "person", "Met Lately", "--met", "2026-05-01").exit_code == 0
    assert dormant(run, "2026-07-29") == []  # 89 days after met
    assert [row["added"] for row in dormant(run, "2026-07-30")] == ["2026-05-01"]
