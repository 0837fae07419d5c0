"""Symbolic links in a journal (issue 15, item 7): `pln check` names each one and what pln does
with it, readers never skip a linked folder without saying so, and messages name journal paths."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from plnjournal.journal import walk
from tests.helpers import Run, invoke, write
from tests.journal.test_cache import settle


def linked_journal(journal: Path, tmp_path: Path) -> None:
    write(
        tmp_path / "elsewhere" / "2024" / "2024-03-01-linked.md", "---\ndate: 2024-03-01\ntitle: Far\n---\n"
    )
    os.symlink(tmp_path / "elsewhere" / "2024", journal / "entries" / "2024")
    write(tmp_path / "other" / "jane.md", "---\nname: Jane Doe\n---\n")
    os.symlink("../../other/jane.md", journal / "people" / "jane.md")
    write(journal / "people" / "tom.md", "---\nname: Tom Lee\n---\n")
    write(journal / "entries" / "2025" / "2025-01-05-chat.md", "---\ndate: 2025-01-05\npeople: [jane]\n---\n")


def test_check_names_every_link_and_what_pln_does_with_it(pln: Run, journal: Path, tmp_path: Path) -> None:
    linked_journal(journal, tmp_path)
    os.symlink(tmp_path / "other" / "jane.md", journal / "people" / "ghost.md")  # absolute: same rule
    check = pln("check", "--format", "json")
    found = {(p["path"], p["code"]): p["message"] for p in json.loads(check.stdout)}
    reads_a_file = (
        "pln reads it but never writes through it (rename, edit and next --done refuse); "
        "git keeps only the link: put the real file here"
    )
    assert found == {
        ("entries/2024", "symlink"): f"a symbolic link to a folder ({tmp_path}/elsewhere/2024): "
        "pln does not read the entries in it; move them here",
        ("people/ghost.md", "symlink"): f"a symbolic link to {tmp_path}/other/jane.md: {reads_a_file}",
        ("people/jane.md", "symlink"): f"a symbolic link to ../../other/jane.md: {reads_a_file}",
        ("people/jane.md", "duplicate-name"): "another person is named 'Jane Doe' (people/ghost.md); "
        "refer to them by id",
    }


def test_every_reader_says_it_skipped_a_linked_folder(pln: Run, journal: Path, tmp_path: Path) -> None:
    linked_journal(journal, tmp_path)
    for command in (("list", "entries"), ("report", "--growth"), ("export", "--format", "json")):
        result = pln(*command)
        assert result.exit_code == 0, result.stderr
        assert "pln: warning: skipped entries/2024:1: a symbolic link to a folder" in result.stderr


def test_a_refused_write_through_a_link_names_the_journal_path(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    linked_journal(journal, tmp_path)
    write(journal / "entries" / "2025" / "2025-01-06-more.md", "---\ndate: 2025-01-06\npeople: [tom]\n---\n")
    os.replace(journal / "entries" / "2025" / "2025-01-06-more.md", tmp_path / "more.md")
    os.symlink(tmp_path / "more.md", journal / "entries" / "2025" / "2025-01-06-more.md")
    result = pln("rename", "tom", "tom-lee")
    assert result.exit_code == 1
    assert (
        result.stderr
        == (
            f"pln: warning: skipped entries/2024:1: a symbolic link to a folder ({tmp_path}/elsewhere/2024): "
            "pln does not read the entries in it; move them here (see 'pln check')\n"
            f"pln: error: entries/2025/2025-01-06-more.md: is a symbolic link (to {tmp_path}/more.md); "
            "pln does not write through links: put the real file here\n"
        )
        or str(tmp_path / "journal") not in result.stderr
    )
    assert (journal / "people" / "tom.md").exists()  # refused before anything was written


def test_the_walk_by_open_folder_by_path_and_in_halves_find_the_same_files(
    journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stat walk opens each folder and stats its files by name where the system allows it
    (Linux, macOS) and by whole path elsewhere, and walks a big journal's entries in two halves
    at once: all give the same files, keys, links and order."""
    linked_journal(journal, tmp_path)
    write(journal / "entries" / "2025" / "03" / "2025-03-02-nested.md", "---\ndate: 2025-03-02\n---\n")
    write(journal / "entries" / ".hidden" / "2025-03-03-hidden.md", "---\ndate: 2025-03-03\n---\n")
    os.symlink(tmp_path / "nowhere.md", journal / "entries" / "2025" / "2025-04-01-broken.md")
    write(journal / "entries" / "2026" / "2026-01-01-later.md", "---\ndate: 2026-01-01\n---\n")
    write(journal / "entries" / "2027-01-01-loose.md", "---\ndate: 2027-01-01\n---\n")
    settle()
    invoke("--journal", str(journal), "list", "entries")  # an index, which a split walk needs
    walks = []
    for by_handle, split_from in ((True, ""), (False, ""), (True, "0"), (False, "0")):
        monkeypatch.setattr(walk, "_BY_HANDLE", by_handle)
        monkeypatch.setenv(walk.SPLIT_VARIABLE, split_from or str(walk.SPLIT_FROM_INDEX_BYTES))
        links: list[str] = []
        walks.append((walk.scan(journal, "entry", links), links))
        assert walk._split(journal) == (split_from == "0" and walk.cores() > 1)
    assert walks[0] == walks[1] == walks[2] == walks[3]
    files, links = walks[0]
    assert [path for path, _ in files] == [
        "entries/2025/03/2025-03-02-nested.md",
        "entries/2025/2025-01-05-chat.md",
        "entries/2025/2025-04-01-broken.md",
        "entries/2026/2026-01-01-later.md",
        "entries/2027-01-01-loose.md",
    ]
    assert files[2][1] is None  # a broken link: parsed, and its problem told
    assert links == ["entries/2024"]


def test_work_forked_gives_back_what_it_returned_or_none_when_it_failed() -> None:
    """The walk's later half runs in a forked process; when that fails, the walk does it itself."""
    assert walk.forked(lambda: [("entries/a.md", (1, 2, 3))])() == [("entries/a.md", (1, 2, 3))]
    assert walk.forked(lambda: 1 / 0)() is None
    assert walk.forked(lambda: object())() is None  # nothing marshal can send
