"""`pln sync` between two devices through a bare remote in tmp_path: real git, real conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import invoke, write
from tests.helpers.gitrepo import git, porcelain, subjects

ENTRY = "entries/2026/2026-03-02-edcamp-boston.md"


def pln(root: Path, *args: str, env: dict[str, str] | None = None):
    return invoke("--journal", str(root), *args, env=env)


def entry_titles(root: Path) -> list[str]:
    listed = pln(root, "list", "entries", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    return sorted(entry["title"] for entry in json.loads(listed.stdout))


@pytest.fixture
def devices(tmp_path: Path) -> tuple[Path, Path, Path]:
    """(laptop, desktop, remote): a journal made on the laptop, synced once, cloned on the desktop."""
    remote, laptop, desktop = tmp_path / "remote.git", tmp_path / "laptop", tmp_path / "desktop"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    assert invoke("init", str(laptop), "--owner", "Ana Ruiz").exit_code == 0
    git(laptop, "remote", "add", "origin", str(remote))
    first = pln(laptop, "sync")
    assert first.exit_code == 0, first.stderr
    assert first.stderr.endswith(": received 0 commits, sent 1 commit\n")
    git(tmp_path, "clone", "--quiet", str(remote), str(desktop))
    return laptop, desktop, remote


def test_first_sync_sets_the_upstream(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, remote = devices
    branch = git(laptop, "branch", "--show-current")
    assert git(laptop, "rev-parse", "--abbrev-ref", "@{upstream}") == f"origin/{branch}"
    assert subjects(remote) == ["init journal"]
    assert pln(laptop, "sync").stderr == f"pln: origin/{branch} ({remote}): already up to date\n"


def test_two_devices_see_each_others_entries(devices: tuple[Path, Path, Path]) -> None:
    laptop, desktop, _ = devices
    assert pln(laptop, "add", "person", "Jane Doe").exit_code == 0
    assert pln(laptop, "log", "#sschat on grading", "--with", "jane-doe", "-m", "SBG").exit_code == 0
    assert pln(desktop, "log", "Edcamp Boston", "--date", "2026-03-02", "-m", "Inquiry").exit_code == 0

    from_desktop = pln(desktop, "sync")
    assert from_desktop.exit_code == 0 and "received 0 commits, sent 1 commit" in from_desktop.stderr
    from_laptop = pln(laptop, "sync")  # diverged: the laptop's two commits rebase onto the desktop's
    assert from_laptop.exit_code == 0 and "received 1 commit, sent 2 commits" in from_laptop.stderr
    back = pln(desktop, "sync")
    assert back.exit_code == 0 and "received 2 commits, sent 0 commits" in back.stderr

    assert entry_titles(laptop) == entry_titles(desktop) == ["#sschat on grading", "Edcamp Boston"]
    assert (desktop / "people" / "jane-doe.md").is_file()
    assert subjects(laptop) == subjects(desktop)
    assert porcelain(laptop) == porcelain(desktop) == []


def test_sync_commits_files_changed_by_hand(devices: tuple[Path, Path, Path]) -> None:
    laptop, desktop, _ = devices
    write(laptop / "people" / "jane-doe.md", "---\nname: Jane Doe\n---\n")
    write(laptop / "README.md", "changed, but not a record\n")
    git(laptop, "add", "README.md")  # the user's own staged change: not pln's to commit
    refused = pln(laptop, "sync")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "pln: error: uncommitted changes pln does not commit for you: README.md; "
        "commit them or 'git stash' them, then run pln sync again\n"
    )
    assert subjects(laptop) == ["init journal"]
    git(laptop, "commit", "--quiet", "-m", "my README")

    result = pln(laptop, "sync")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("pln: committed 1 changed file\n")
    assert subjects(laptop)[0] == "sync: pending changes to people/jane-doe.md"
    assert pln(desktop, "sync").exit_code == 0
    assert (desktop / "people" / "jane-doe.md").read_text(encoding="utf-8") == "---\nname: Jane Doe\n---\n"


def test_the_same_entry_edited_on_both_devices_stops_with_a_clear_conflict(
    devices: tuple[Path, Path, Path],
) -> None:
    laptop, desktop, remote = devices
    assert pln(laptop, "log", "Edcamp Boston", "--date", "2026-03-02", "-m", "Inquiry.").exit_code == 0
    assert pln(laptop, "sync").exit_code == 0
    assert pln(desktop, "sync").exit_code == 0
    with (laptop / ENTRY).open("a", encoding="utf-8") as file:
        file.write("Laptop: tried the question wall.\n")
    with (desktop / ENTRY).open("a", encoding="utf-8") as file:
        file.write("Desktop: met two librarians.\n")
    assert pln(laptop, "sync").exit_code == 0

    stopped = pln(desktop, "sync")
    assert stopped.exit_code == 1
    lines = stopped.stderr.splitlines()
    branch = git(laptop, "rev-parse", "--abbrev-ref", "@{upstream}")
    assert lines[:2] == [
        "pln: committed 1 changed file",
        f"pln: error: sync stopped: these files were changed both here and on {branch}: {ENTRY}",
    ]
    assert "  pln sync --continue         finish the sync (no editor opens) and send it" in lines
    assert lines[-1] == "Or go back to how things were before this sync: pln sync --abort"

    # left where git explains it: mid-rebase, both versions in the file, nothing pushed
    assert "You are currently rebasing" in git(desktop, "status")
    text = (desktop / ENTRY).read_text(encoding="utf-8")
    assert "Laptop: tried the question wall." in text and "Desktop: met two librarians." in text
    assert "<<<<<<<" in text
    assert subjects(remote)[0] == "sync: pending changes to " + ENTRY
    listed = pln(desktop, "list", "entries")
    assert listed.exit_code == 0
    assert f"skipped {ENTRY}:" in listed.stderr and "git conflict marker" in listed.stderr
    again = pln(desktop, "sync")
    assert again.exit_code == 1 and "pln sync --continue" in again.stderr

    # the markers say which side is which
    branch_name = branch.split("/", 1)[1]
    assert f"<<<<<<< the remote, origin/{branch_name}\n" in text
    assert ">>>>>>> this device, " in text and "(sync: pending changes to " in text
    too_early = pln(desktop, "sync", "--continue")
    assert too_early.exit_code == 1
    assert f"{ENTRY}:6: still has a conflict marker" in too_early.stderr
    # resolved as the message says, then finished by pln: both devices keep both lines
    resolved = text.replace(f"<<<<<<< the remote, origin/{branch_name}\n", "").replace("=======\n", "")
    write(desktop / ENTRY, resolved[: resolved.index(">>>>>>>")])
    finished = pln(desktop, "sync", "--continue", env={"GIT_EDITOR": "false", "EDITOR": "false"})
    assert finished.exit_code == 0, finished.stderr
    assert finished.stderr.endswith("received 1 commit, sent 1 commit\n")
    assert "You are currently rebasing" not in git(desktop, "status")
    assert pln(laptop, "sync").exit_code == 0
    assert (
        (laptop / ENTRY)
        .read_text(encoding="utf-8")
        .endswith("Inquiry.\nLaptop: tried the question wall.\nDesktop: met two librarians.\n")
    )


def test_a_pending_file_with_conflict_markers_is_not_synced(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, remote = devices
    write(laptop / "people" / "jane-doe.md", "---\nname: Jane Doe\n<<<<<<< HEAD\n---\n")
    result = pln(laptop, "sync")
    assert result.exit_code == 1
    assert result.stderr == (
        "pln: error: people/jane-doe.md:3: git conflict marker; resolve the file, then run pln sync again\n"
    )
    assert subjects(laptop) == subjects(remote) == ["init journal"]


def test_a_pending_record_that_does_not_read_is_not_synced(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, remote = devices
    write(laptop / "people" / "jane-doe.md", "---\nname: Jane Doe\nroles: [teacher\n---\n")
    result = pln(laptop, "sync")
    assert result.exit_code == 1
    assert result.stderr.startswith("pln: error: people/jane-doe.md:4: YAML: ")
    assert result.stderr.endswith("; fix it ('pln edit'), then run pln sync again\n")
    assert subjects(laptop) == subjects(remote) == ["init journal"]


def test_sync_without_a_remote_says_how_to_add_one(journal: Path) -> None:
    result = pln(journal, "sync")
    assert result.exit_code == 1
    assert result.stderr == (
        "pln: error: this journal has no remote to sync with; add one: git remote add origin URL\n"
    )


def test_sync_outside_a_repository(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path / "plain"), "--no-git").exit_code == 0
    result = pln(tmp_path / "plain", "sync")
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr


def test_sync_on_a_detached_head_asks_for_a_branch(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, _ = devices
    git(laptop, "checkout", "--quiet", "--detach")
    result = pln(laptop, "sync")
    assert result.exit_code == 1
    assert "HEAD is detached" in result.stderr and "git switch BRANCH" in result.stderr


def test_a_hook_that_rejects_the_pending_commit_stops_sync(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, remote = devices
    hook = write(
        laptop / ".git" / "hooks" / "pre-commit", "#!/bin/sh\necho 'spell check failed' >&2\nexit 1\n"
    )
    hook.chmod(0o755)
    write(laptop / "people" / "jane-doe.md", "---\nname: Jane Doe\n---\n")
    result = pln(laptop, "sync")
    assert result.exit_code == 1
    assert result.stderr == "pln: error: git said: spell check failed\n"
    assert (laptop / "people" / "jane-doe.md").is_file()
    assert subjects(remote) == ["init journal"]


def conflicting(devices: tuple[Path, Path, Path]) -> tuple[Path, Path]:
    """Laptop and desktop each changed ENTRY; the laptop synced first, the desktop's sync stopped."""
    laptop, desktop, _ = devices
    assert pln(laptop, "log", "Edcamp Boston", "--date", "2026-03-02", "-m", "Inquiry.").exit_code == 0
    assert pln(laptop, "sync").exit_code == 0
    assert pln(desktop, "sync").exit_code == 0
    write(laptop / ENTRY, (laptop / ENTRY).read_text(encoding="utf-8") + "Laptop line.\n")
    write(desktop / ENTRY, (desktop / ENTRY).read_text(encoding="utf-8") + "Desktop line.\n")
    assert pln(laptop, "sync").exit_code == 0
    assert pln(desktop, "sync").exit_code == 1
    return laptop, desktop


def test_abort_goes_back_to_before_the_sync(devices: tuple[Path, Path, Path]) -> None:
    _, desktop = conflicting(devices)
    aborted = pln(desktop, "sync", "--abort")
    assert aborted.exit_code == 0, aborted.stderr
    assert aborted.stderr.startswith("pln: sync undone: back to before it; nothing was sent to origin/")
    assert (desktop / ENTRY).read_text(encoding="utf-8").endswith("Inquiry.\nDesktop line.\n")
    assert "rebasing" not in git(desktop, "status")
    assert subjects(desktop)[0] == "sync: pending changes to " + ENTRY
    nothing = pln(desktop, "sync", "--abort")
    assert (nothing.exit_code, nothing.stderr) == (
        1,
        "pln: error: no sync stopped here, so nothing to abort; 'pln sync' syncs\n",
    )


def test_continue_keeping_the_remote_version_skips_the_emptied_commit(
    devices: tuple[Path, Path, Path],
) -> None:
    laptop, desktop = conflicting(devices)
    write(desktop / ENTRY, (laptop / ENTRY).read_text(encoding="utf-8"))  # keep the laptop's version
    finished = pln(desktop, "sync", "--continue")
    assert finished.exit_code == 0, finished.stderr
    assert "received 1 commit, sent 0 commits" in finished.stderr
    assert (desktop / ENTRY).read_text(encoding="utf-8").endswith("Inquiry.\nLaptop line.\n")
    assert porcelain(desktop) == []


def test_continue_and_abort_need_a_stopped_sync(devices: tuple[Path, Path, Path]) -> None:
    laptop, _, _ = devices
    result = pln(laptop, "sync", "--continue")
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: no sync stopped here, so nothing to continue; 'pln sync' syncs\n",
    )
    both = pln(laptop, "sync", "--continue", "--abort")
    assert both.exit_code == 2 and "choose one" in both.stderr


def test_editing_the_journals_readme_never_blocks_a_sync(devices: tuple[Path, Path, Path]) -> None:
    laptop, desktop, remote = devices
    write(laptop / "README.md", (laptop / "README.md").read_text(encoding="utf-8") + "My own notes.\n")
    result = pln(laptop, "sync")
    assert result.exit_code == 0, result.stderr
    assert subjects(remote)[0] == "sync: pending changes to README.md"
    assert pln(desktop, "sync").exit_code == 0
    assert (desktop / "README.md").read_text(encoding="utf-8").endswith("My own notes.\n")


def test_sync_to_a_remote_that_does_not_exist_gives_the_reason_in_one_line(
    journal: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.git"
    git(journal, "remote", "add", "origin", str(missing))
    result = pln(journal, "sync")
    assert (result.exit_code, result.stderr) == (
        1,
        f"pln: error: cannot pull from origin ({missing}): there is no git repository at that address; "
        "check it with 'git remote -v', change it with 'git remote set-url origin URL'\n",
    )


def test_an_unknown_git_failure_shows_gits_first_reason_not_its_advice(journal: Path, tmp_path: Path) -> None:
    not_a_repository = tmp_path / "plain-folder"
    not_a_repository.mkdir()
    write(not_a_repository / "HEAD", "garbage\n")  # looks like a git folder to git, but is broken
    git(journal, "remote", "add", "origin", str(not_a_repository))
    result = pln(journal, "sync")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "and the repository exists" not in result.stderr
