"""`pln undo`: pln's last commit reverted by a commit of its own, and every refusal with its reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write
from tests.helpers.gitrepo import git, last_commit_files, porcelain, staged, subjects
from tests.helpers.terminal import converse, spawn


@pytest.fixture
def renamed(pln: Run, journal: Path) -> Path:
    """Jane, an entry naming her, and then a rename: pln's last commit touches three files."""
    assert pln("add", "person", "Jane Doe").exit_code == 0
    assert pln("log", "Chat", "--date", "2026-01-05", "--with", "jane", "-m", "").exit_code == 0
    assert pln("rename", "jane-doe", "jane-smith").exit_code == 0
    return journal


def files(journal: Path) -> dict[str, str]:
    return {
        path.relative_to(journal).as_posix(): path.read_text()
        for path in sorted(journal.rglob("*.md"))
        if not {".git", ".pln"} & set(path.relative_to(journal).parts)
    }


def test_every_commit_pln_makes_is_marked(renamed: Path) -> None:
    assert git(renamed, "log", "-1", "--format=%B") == "rename person jane-doe -> jane-smith\n\nMade-by: pln"
    assert git(renamed, "log", "-1", "--format=%s") == "rename person jane-doe -> jane-smith"


def test_undo_puts_every_file_back_in_a_commit_that_undo_redoes(pln: Run, renamed: Path) -> None:
    renamed_files = files(renamed)
    sha = git(renamed, "rev-parse", "HEAD")
    result = pln("undo", "--yes")
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert re.fullmatch(
        rf'pln: this undoes {sha[:7]} "rename person jane-doe -> jane-smith" \(Test Teacher, .+ ago\):',
        lines[0],
    )
    assert lines[1:] == [
        "pln:   puts back the earlier entries/2026/2026-01-05-chat.md",
        "pln:   brings back people/jane-doe.md",
        "pln:   removes people/jane-smith.md",
        f"pln: undone: 3 files as they were before {sha[:7]}; 'pln undo' again redoes it",
    ]
    assert (renamed / "people/jane-doe.md").exists() and not (renamed / "people/jane-smith.md").exists()
    assert "people: [jane-doe]" in (renamed / "entries/2026/2026-01-05-chat.md").read_text()
    assert git(renamed, "log", "-1", "--format=%B") == (
        f"undo: rename person jane-doe -> jane-smith\n\nThis reverts commit {sha}.\n\nMade-by: pln"
    )
    assert sorted(last_commit_files(renamed)) == [
        "A\tpeople/jane-doe.md",
        "D\tpeople/jane-smith.md",
        "M\tentries/2026/2026-01-05-chat.md",
    ]
    assert porcelain(renamed) == []
    assert pln("list", "people").stdout.splitlines()[1].startswith("jane-doe")
    assert pln("undo", "--yes").exit_code == 0  # the undo undone: the rename is back
    assert files(renamed) == renamed_files
    assert subjects(renamed)[:2] == [
        "undo: undo: rename person jane-doe -> jane-smith",
        "undo: rename person jane-doe -> jane-smith",
    ]


def test_without_a_terminal_or_yes_it_refuses_in_one_line(pln: Run, renamed: Path) -> None:
    result = pln("undo")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        'pln: error: "rename person jane-doe -> jane-smith" was not undone: pln asks first, and there is '
        "no terminal to ask on; add --yes\n"
    )
    assert subjects(renamed)[0] == "rename person jane-doe -> jane-smith"


def test_a_commit_on_top_that_pln_did_not_make_is_refused(pln: Run, renamed: Path) -> None:
    write(renamed / "notes.txt", "mine\n")
    git(renamed, "add", "notes.txt")
    git(renamed, "commit", "-qm", "rm old notes")  # pln's own words, but not pln's commit
    mine = git(renamed, "rev-parse", "--short=7", "HEAD")
    rename = git(renamed, "rev-parse", "--short=7", "HEAD~1")
    result = pln("undo", "--yes")
    assert result.exit_code == 1
    assert result.stderr == (
        f'pln: error: not undone: pln\'s last commit ({rename} "rename person jane-doe -> jane-smith") has '
        f'another on top that pln did not make ({mine} "rm old notes"); '
        "'git revert' undoes commits by hand\n"
    )
    assert subjects(renamed)[0] == "rm old notes"


def test_a_file_with_changes_not_committed_is_never_overwritten(pln: Run, renamed: Path) -> None:
    entry = renamed / "entries/2026/2026-01-05-chat.md"
    write(entry, entry.read_text() + "Typed after the rename.\n")
    result = pln("undo", "--yes")
    assert result.exit_code == 1
    assert result.stderr == (
        "pln: error: not undone: entries/2026/2026-01-05-chat.md has changes not committed, which undoing "
        "would lose; commit them ('git commit') or set them aside first\n"
    )
    assert entry.read_text().endswith("Typed after the rename.\n")
    write(renamed / "people/jane-doe.md", "---\nname: Jane, by hand\n---\n")  # where the undo brings one back
    git(renamed, "checkout", "--", "entries/2026/2026-01-05-chat.md")
    assert "people/jane-doe.md has changes not committed" in pln("undo", "--yes").stderr


def test_what_is_not_the_undos_stays_as_it_was(pln: Run, renamed: Path) -> None:
    write(renamed / "README.md", "my own words\n")
    git(renamed, "add", "README.md")
    write(renamed / "ideas.md", "untracked, mine\n")
    assert pln("undo", "--yes").exit_code == 0
    assert staged(renamed) == ["README.md"]
    assert (renamed / "ideas.md").read_text() == "untracked, mine\n"
    assert sorted(porcelain(renamed)) == ["?? ideas.md", "M  README.md"]


def test_nothing_to_undo(pln: Run, journal: Path, tmp_path: Path) -> None:
    first = git(journal, "rev-parse", "--short=7", "HEAD")
    fresh = pln("undo", "--yes")
    assert (fresh.exit_code, fresh.stderr) == (
        1,
        f'pln: error: nothing to undo: the only commit is the journal\'s first ({first} "init journal")\n',
    )
    write(journal / "notes.txt", "mine\n")
    git(journal, "add", "notes.txt")
    git(journal, "commit", "-qm", "add notes")
    mine = git(journal, "rev-parse", "--short=7", "HEAD")
    assert pln("undo", "--yes").stderr == (
        f"pln: error: nothing to undo: the last commit ({mine} \"add notes\") has no 'Made-by: pln' mark, so "
        "pln cannot tell it from one of yours; 'git revert HEAD' undoes it by hand\n"
    )
    assert invoke("init", str(tmp_path / "plain"), "--no-git").exit_code == 0
    plain = invoke("--journal", str(tmp_path / "plain"), "undo", "--yes")
    assert plain.exit_code == 1
    assert plain.stderr == (
        f"pln: error: nothing to undo: {tmp_path / 'plain'} is not in a git repository, so there is no "
        "history of changes\n"
    )


def test_a_journal_inside_a_larger_repository(tmp_path: Path) -> None:
    top = tmp_path / "school"
    top.mkdir()
    git(top, "init", "-q")
    write(top / "lesson-plans.md", "mine\n")
    git(top, "add", "-A")
    git(top, "commit", "-qm", "plans")
    assert invoke("init", str(top / "pln"), "--owner", "Ana").exit_code == 0
    assert invoke("--journal", str(top / "pln"), "add", "tool", "Wakelet").exit_code == 0
    result = invoke("--journal", str(top / "pln"), "undo", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "pln:   removes tools/wakelet.md" in result.stderr
    assert not (top / "pln/tools/wakelet.md").exists()
    assert porcelain(top) == [] and (top / "lesson-plans.md").read_text() == "mine\n"


def test_on_a_terminal_it_says_what_it_undoes_and_waits_for_yes(renamed: Path) -> None:
    status = converse(
        spawn(renamed, "undo"),
        ('"rename person jane-doe -> jane-smith"', None),
        ("pln:   removes people/jane-smith.md", None),
        ("Undo it? [y/N]:", "n"),
        ('pln: "rename person jane-doe -> jane-smith" was not undone; nothing was changed', None),
    )
    assert status == 1 and (renamed / "people/jane-smith.md").exists()
    assert converse(spawn(renamed, "undo"), ("Undo it? [y/N]:", "y"), ("undone", None)) == 0
    assert subjects(renamed)[0] == "undo: rename person jane-doe -> jane-smith"


def test_a_long_list_of_files_is_shortened(pln: Run, journal: Path) -> None:
    for day in range(1, 26):
        write(
            journal / f"entries/2026/2026-01-{day:02d}-chat.md",
            f"---\ndate: 2026-01-{day:02d}\ntags: [grit]\n---\n",
        )
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "by hand")
    assert pln("tag", "rename", "grit", "perseverance").exit_code == 0
    lines = pln("undo", "--yes").stderr.splitlines()
    assert lines[1:3] == [
        f"pln:   puts back the earlier entries/2026/2026-01-0{day}-chat.md" for day in (1, 2)
    ]
    assert lines[21:] == [
        "pln:   and 5 more",
        "pln: undone: 25 files as they were before " + lines[0][17:24] + "; 'pln undo' again redoes it",
    ]
