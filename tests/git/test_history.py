"""What `.pln/git-added` keeps of git's "added" dates (git/history.py, keyed by git/head.py): the
answer is always git's for the HEAD checked out now, after a new commit, a rewritten history, a
branch switch, packed refs or git gone, the same as with `--no-cache`."""

from __future__ import annotations

import datetime as dt
import json
import marshal
import shutil
from pathlib import Path

import pytest

from plnjournal.git import head
from plnjournal.git.history import added_dates
from plnjournal.journal import outputs
from tests.helpers import Run
from tests.helpers.gitrepo import git
from tests.journal.test_cache import settle

FAR = dt.date(2100, 1, 1)


def add_on(pln: Run, day: str, name: str) -> None:
    """`pln add person NAME`, committed as if on `day`."""
    stamp = f"{day}T12:00:00"
    result = pln("add", "person", name, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    assert result.exit_code == 0, result.stderr


def added(root: Path) -> dict[str, str]:
    """The dates through `.pln/`, checked against git asked afresh (as under --no-cache)."""
    fresh = added_dates(root, "people", until=FAR, keep=False)
    kept = added_dates(root, "people", until=FAR)
    assert kept == fresh
    return {name: day.isoformat() for name, day in kept.items()}


def kept_file(root: Path) -> Path:
    return root / ".pln" / "git-added"


def test_a_new_commit_is_seen(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    assert kept_file(journal).is_file()
    add_on(pln, "2026-02-01", "Omar Later")
    assert added(journal) == {"ines-early": "2026-01-10", "omar-later": "2026-02-01"}


def test_a_rewritten_history_is_seen(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    git(journal, "commit", "--quiet", "--amend", "--no-edit", "--date=2026-03-03T12:00:00")
    assert added(journal) == {"ines-early": "2026-03-03"}
    git(journal, "reset", "--quiet", "--hard", "HEAD~1")  # the person's commit is gone, and the file
    assert added(journal) == {}


def test_cache_clear_removes_the_kept_dates(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    result = pln("cache", "clear")
    assert result.exit_code == 0, result.stderr
    assert not kept_file(journal).exists()
    assert added(journal) == {"ines-early": "2026-01-10"}


def test_another_branch_is_seen(pln: Run, journal: Path) -> None:
    git(journal, "branch", "before")
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    git(journal, "checkout", "--quiet", "before")
    add_on(pln, "2026-02-02", "Omar Later")
    assert added(journal) == {"omar-later": "2026-02-02"}
    git(journal, "checkout", "--quiet", "-")
    assert added(journal) == {"ines-early": "2026-01-10"}


def test_without_git_nothing_kept_is_used(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    shutil.rmtree(journal / ".git")
    assert added(journal) == {}


def test_a_damaged_kept_file_is_asked_again(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert added(journal) == {"ines-early": "2026-01-10"}
    for damage in (b"", b"not marshal at all", marshal.dumps((1, {"people": ("a key", {"x": 1})}))):
        kept_file(journal).write_bytes(damage)
        assert added(journal) == {"ines-early": "2026-01-10"}
    assert marshal.loads(kept_file(journal).read_bytes())[0] == 1  # written whole again


def test_the_kept_answer_is_used_only_under_its_key(pln: Run, journal: Path) -> None:
    """The shortcut is real: under the current key the kept dates are read, git is not asked (a
    hand-edited date shows); under any other key git is asked again."""
    add_on(pln, "2026-01-10", "Ines Early")
    added(journal)
    key = head.state(journal)
    assert key is not None
    planted = dt.date(2020, 5, 5).toordinal()
    kept_file(journal).write_bytes(marshal.dumps((1, {"people": (key, {"ines-early": planted})})))
    assert added_dates(journal, "people", until=FAR) == {"ines-early": dt.date(2020, 5, 5)}
    other = (key[0], "0" * 40, *key[2:])
    kept_file(journal).write_bytes(marshal.dumps((1, {"people": (other, {"ines-early": planted})})))
    assert added_dates(journal, "people", until=FAR) == {"ines-early": dt.date(2026, 1, 10)}


def test_status_after_a_rewritten_history_is_as_without_the_cache(pln: Run, journal: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")

    def dormant(*options: str) -> list[str]:
        result = pln(*options, "status", "--format", "json", env={"PLN_TODAY": "2026-04-20"})
        assert result.exit_code == 0, result.stderr
        return [row["id"] for row in json.loads(result.stdout)["dormant"]]

    assert dormant() == dormant("--no-cache") == ["ines-early"]
    git(journal, "commit", "--quiet", "--amend", "--no-edit", "--date=2026-03-01T12:00:00")
    assert dormant() == dormant("--no-cache") == []  # added 50 days before: not dormant yet


def test_a_kept_status_is_made_anew_when_git_tells_another_day_a_person_joined(
    pln: Run, journal: Path
) -> None:
    """`pln status` is kept in the index (cli/status.py) with HEAD as part of its key: a commit
    that leaves every file as it was still changes who is dormant."""
    add_on(pln, "2026-01-10", "Ines Early")
    settle()

    def dormant(*options: str) -> list[str]:
        result = pln(*options, "status", "--format", "json", env={"PLN_TODAY": "2026-04-20"})
        assert result.exit_code == 0, result.stderr
        return [row["id"] for row in json.loads(result.stdout)["dormant"]]

    assert dormant() == dormant() == dormant("--no-cache") == ["ines-early"]
    assert outputs.kept(journal, "status json") is not None
    git(journal, "commit", "--quiet", "--amend", "--no-edit", "--date=2026-03-01T12:00:00")
    assert dormant() == dormant("--no-cache") == []


def test_outside_any_repository_git_is_not_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "journal" / "people"
    folder.mkdir(parents=True)
    assert head.outside(folder)
    git(tmp_path, "init", "--quiet")
    assert not head.outside(folder)
    (tmp_path / ".git").rename(tmp_path / "elsewhere")
    assert head.outside(folder)
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    assert not head.outside(folder)  # git would look there


def head_commit(root: Path) -> str:
    return git(root, "rev-parse", "HEAD")


def test_head_is_read_as_git_reads_it(pln: Run, journal: Path, tmp_path: Path) -> None:
    add_on(pln, "2026-01-10", "Ines Early")
    assert head.state(journal)[1:3] == (head_commit(journal), ".")  # type: ignore[index]
    assert head.state(journal / "people")[2] == "people"  # type: ignore[index]
    git(journal, "pack-refs", "--all")  # the branch's loose ref is gone: packed-refs holds it
    assert head.state(journal)[1] == head_commit(journal)  # type: ignore[index]
    git(journal, "checkout", "--quiet", "--detach", "HEAD~1")
    assert head.state(journal)[1] == head_commit(journal)  # type: ignore[index]
    linked = tmp_path / "linked"
    git(journal, "worktree", "add", "--quiet", str(linked), "HEAD@{1}")
    assert head.state(linked)[1] == head_commit(linked) != head_commit(journal)  # type: ignore[index]


def test_head_is_none_where_only_git_can_tell(
    pln: Run, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert head.state(tmp_path / "no-repository-here") is None
    bare = tmp_path / "unborn"
    bare.mkdir()
    git(bare, "init", "--quiet")
    assert head.state(bare) is None  # no commit yet
    assert head.state(journal) is not None
    monkeypatch.setenv("GIT_DIR", str(journal / ".git"))
    assert head.state(journal) is None
