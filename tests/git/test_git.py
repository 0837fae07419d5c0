"""Autocommit and `pln init` with real git: exactly the changed files, messages that say what
happened, and a write that is never lost when git cannot or will not commit."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run, invoke, write
from tests.helpers.gitrepo import git, last_commit_files, porcelain, staged, subjects

TEMPLATE_NAMES = ("book", "conference", "edcamp", "plc-meeting", "podcast", "twitter-chat", "webinar")


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("pln: warning:")]


def test_init_makes_a_repository_with_a_first_commit(journal: Path) -> None:
    assert (journal / ".git").is_dir()
    assert subjects(journal) == ["init journal"]
    templates = [f"templates/{name}.md" for name in TEMPLATE_NAMES]
    assert git(journal, "ls-files").splitlines() == [".gitignore", "README.md", "pln.yaml", *templates]
    assert porcelain(journal) == []


def test_init_inside_a_repository_does_not_nest_one_and_commits_only_its_files(tmp_path: Path) -> None:
    outer = tmp_path / "school"
    outer.mkdir()
    git(outer, "init", "--quiet")
    write(outer / "notes.txt", "my own notes\n")
    git(outer, "add", "notes.txt")
    result = invoke("init", str(outer / "pln"))
    assert result.exit_code == 0, result.stderr
    assert "existing git repository" in result.stderr
    assert not (outer / "pln" / ".git").exists()
    assert subjects(outer) == ["init journal"]
    templates = [f"A\tpln/templates/{name}.md" for name in TEMPLATE_NAMES]
    assert last_commit_files(outer) == [
        "A\tpln/.gitignore",
        "A\tpln/README.md",
        "A\tpln/pln.yaml",
        *templates,
    ]
    assert staged(outer) == ["notes.txt"]


def test_autocommit_messages_say_what_happened(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Jane Doe").exit_code == 0
    assert subjects(journal)[0] == "add person jane-doe"
    assert last_commit_files(journal) == ["A\tpeople/jane-doe.md"]

    entry = pln(
        "log", "#sschat on inquiry grading", "--with", "jane-doe", "--date", "2026-03-02"
    ).stdout.strip()
    assert subjects(journal)[0] == "log: #sschat on inquiry grading"
    assert last_commit_files(journal) == [f"A\t{entry}"]

    assert pln("rename", "jane-doe", "jane-smith").exit_code == 0
    assert subjects(journal)[0] == "rename person jane-doe -> jane-smith"
    assert sorted(last_commit_files(journal)) == sorted(
        [f"M\t{entry}", "D\tpeople/jane-doe.md", "A\tpeople/jane-smith.md"]
    )

    assert pln("add", "tool", "Wakelet").exit_code == 0
    result = pln("rm", "wakelet", "--yes")
    assert result.exit_code == 0 and warnings(result.stderr) == []
    assert subjects(journal)[0] == "rm tool wakelet"
    assert last_commit_files(journal) == ["D\ttools/wakelet.md"]
    assert porcelain(journal) == []


def test_autocommit_leaves_what_the_user_staged_or_changed_alone(pln: Run, journal: Path) -> None:
    write(journal / "draft.md", "a draft of my own\n")
    git(journal, "add", "draft.md")
    write(journal / "README.md", "my own words\n")
    entry = pln("log", "Edcamp Boston", "-m", "Notes").stdout.strip()
    assert last_commit_files(journal) == [f"A\t{entry}"]
    assert staged(journal) == ["draft.md"]
    assert porcelain(journal) == [" M README.md", "A  draft.md"]


def test_no_commit_skips_one_commit_and_later_commits_still_work(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Jane Doe", "--no-commit").exit_code == 0
    assert subjects(journal) == ["init journal"]
    assert porcelain(journal) == ["?? people/jane-doe.md"]
    result = pln("rename", "jane-doe", "jane-smith")  # the old file was never committed
    assert result.exit_code == 0 and warnings(result.stderr) == []
    assert last_commit_files(journal) == ["A\tpeople/jane-smith.md"]
    assert porcelain(journal) == []


def test_a_journal_that_is_not_a_repository_says_so_once(pln: Run, journal: Path) -> None:
    shutil.rmtree(journal / ".git")
    first = pln("log", "First", "-m", "x")
    second = pln("log", "Second", "-m", "x")
    assert first.exit_code == second.exit_code == 0
    assert warnings(first.stderr) == [
        f"pln: warning: {journal} is not in a git repository, so pln saves changes without committing "
        "them ('git init' there to keep a history) (said once)"
    ]
    assert second.stderr == ""
    assert (journal / first.stdout.strip()).is_file() and (journal / second.stdout.strip()).is_file()


def test_a_machine_without_git_works_and_says_so_once(
    pln: Run, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "no-git-here").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    first = pln("log", "First", "-m", "x")
    second = pln("add", "person", "Jane Doe")
    assert first.exit_code == second.exit_code == 0
    assert warnings(first.stderr) == [
        "pln: warning: git is not installed here, so pln saves changes without committing them (said once)"
    ]
    assert warnings(second.stderr) == []
    assert (journal / first.stdout.strip()).is_file() and (journal / "people/jane-doe.md").is_file()

    made = invoke("init", str(tmp_path / "other"))
    assert made.exit_code == 0
    assert "git is not installed here" in made.stderr
    assert not (tmp_path / "other" / ".git").exists()


def test_a_commit_without_a_git_identity_keeps_the_file_and_warns(
    pln: Run, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # no name or email anywhere, and no guessing one from the host name
    monkeypatch.setenv(
        "GIT_CONFIG_GLOBAL", str(write(tmp_path / "empty-gitconfig", "[user]\n\tuseConfigOnly = true\n"))
    )
    result = pln("log", "Edcamp Boston", "-m", "Notes")
    assert result.exit_code == 0
    assert (journal / result.stdout.strip()).read_text(encoding="utf-8").endswith("---\nNotes\n")
    [warning] = result.stderr.splitlines()
    assert warning.startswith("pln: warning: saved, but not committed: git does not know who you are")
    assert "git config --global user.name" in warning
    assert subjects(journal) == ["init journal"]


def test_a_commit_rejected_by_a_hook_keeps_the_file_and_warns(pln: Run, journal: Path) -> None:
    hook = write(
        journal / ".git" / "hooks" / "pre-commit", "#!/bin/sh\necho 'no commits on Sunday' >&2\nexit 1\n"
    )
    hook.chmod(0o755)
    result = pln("log", "Edcamp Boston", "-m", "Notes")
    assert result.exit_code == 0
    assert (journal / result.stdout.strip()).is_file()
    assert result.stderr.splitlines() == [
        "pln: warning: saved, but not committed: git said: no commits on Sunday"
    ]
    assert subjects(journal) == ["init journal"]


def _log_when_all_are_ready(journal: Path, number: int, start: Any, results: Any) -> None:
    start.wait()
    result = invoke("--journal", str(journal), "log", f"Chat {number}", "--date", "2026-03-02", "-m", "x")
    results.put((result.exit_code, result.stderr))


def test_parallel_logs_are_all_committed(journal: Path) -> None:
    """Ten processes at once (forked, so they start fast) all race for git's index.lock."""
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(10), context.Queue()
    processes = [
        context.Process(target=_log_when_all_are_ready, args=(journal, number, start, results))
        for number in range(10)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=60) for _ in processes]
    for process in processes:
        process.join()
    assert outcomes == [(0, "")] * 10
    assert sorted(subjects(journal)[:10]) == sorted(f"log: Chat {number}" for number in range(10))
    assert len(subjects(journal)) == 11
    assert len(git(journal, "ls-files", "entries").splitlines()) == 10
    assert porcelain(journal) == []


def test_log_commits_on_a_detached_head(pln: Run, journal: Path) -> None:
    git(journal, "checkout", "--quiet", "--detach")
    result = pln("log", "Edcamp Boston", "-m", "Notes")
    assert result.exit_code == 0 and result.stderr == ""
    assert subjects(journal)[0] == "log: Edcamp Boston"
    assert git(journal, "symbolic-ref", "--quiet", "HEAD", check=False) == ""  # still detached


def test_log_during_a_rebase_writes_but_does_not_commit(pln: Run, journal: Path) -> None:
    git(journal, "switch", "--quiet", "-c", "other")
    write(journal / "README.md", "other words\n")
    git(journal, "commit", "--quiet", "-am", "other README")
    git(journal, "switch", "--quiet", "-")
    write(journal / "README.md", "my words\n")
    git(journal, "commit", "--quiet", "-am", "my README")
    git(journal, "rebase", "other", check=False)  # stops on the README conflict
    head = git(journal, "rev-parse", "HEAD")

    result = pln("log", "Edcamp Boston", "-m", "Notes")
    assert result.exit_code == 0
    assert (journal / result.stdout.strip()).is_file()
    assert warnings(result.stderr) == [
        "pln: warning: saved, but not committed: a rebase is in progress here; "
        "finish it ('git status' says how), then commit"
    ]
    assert git(journal, "rev-parse", "HEAD") == head
    assert Path(journal, git(journal, "rev-parse", "--git-path", "rebase-merge")).is_dir()
    assert f"?? {result.stdout.strip()}" in porcelain(journal)


def test_log_in_a_worktree_commits_on_its_branch(journal: Path, tmp_path: Path) -> None:
    other = tmp_path / "second-desk"
    git(journal, "worktree", "add", "--quiet", "-b", "second-desk", str(other))
    result = invoke("--journal", str(other), "log", "Edcamp Boston", "-m", "Notes")
    assert result.exit_code == 0 and result.stderr == ""
    assert subjects(other)[0] == "log: Edcamp Boston"
    assert subjects(journal) == ["init journal"]
    assert porcelain(other) == []


def test_the_cache_folder_never_shows_up_in_git(tmp_path: Path) -> None:
    """Even when the journal's folder already had a .gitignore of its own that does not name .pln/."""
    root = tmp_path / "journal"
    write(root / ".gitignore", "*.tmp\n")
    assert invoke("init", str(root)).exit_code == 0
    assert invoke("--journal", str(root), "rename", "missing", "other").exit_code == 1  # takes the lock
    assert (root / ".pln" / "lock").exists()
    assert porcelain(root) == ["?? .gitignore"]  # the user's own, left for them to commit


def test_reading_commands_report_conflict_markers_and_keep_going(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Ana Lee").exit_code == 0
    text = (
        "---\nname: Jane Doe\n<<<<<<< HEAD\nroles: [teacher]\n=======\nroles: [mentor]\n>>>>>>> abc123\n---\n"
    )
    conflicted = write(journal / "people" / "jane-doe.md", text)
    result = pln("list", "people", "--format", "json")
    assert result.exit_code == 0
    assert '"ana-lee"' in result.stdout and "jane-doe" not in result.stdout
    assert warnings(result.stderr) == [
        "pln: warning: skipped people/jane-doe.md:3: git conflict marker: "
        "resolve the merge first (see 'pln check')"
    ]
    assert conflicted.read_text(encoding="utf-8") == text
