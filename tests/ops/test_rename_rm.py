"""`pln rename` and `pln rm`: references kept right, untouched files never rewritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write


@pytest.fixture
def referenced(pln: Run, journal: Path) -> Run:
    pln("add", "space", "Edcamp Tulsa", "--no-commit")
    pln("add", "person", "Jane Doe", "--met-at", "edcamp-tulsa", "--no-commit")
    pln("add", "person", "Tom Lee", "--no-commit")
    pln("add", "tool", "Wakelet", "--no-commit")
    pln(
        "log",
        "With Jane",
        "--date",
        "2026-01-05",
        "--with",
        "jane-doe,tom-lee",
        "--tool",
        "wakelet",
        "--no-commit",
    )
    pln("log", "Alone", "--date", "2026-01-06", "--no-commit")
    # A hand-written entry naming Jane by her name, with a comment and an unknown key.
    write(
        journal / "entries" / "2026" / "2026-01-07-by-hand.md",
        "---\n# written by hand\ntitle: By hand\ndate: 2026-01-07\npeople: Jane Doe\nmood: great\n"
        "---\nBody\n",
    )
    return pln


def test_rename_moves_the_file_and_every_reference(referenced: Run, journal: Path) -> None:
    alone = journal / "entries" / "2026" / "2026-01-06-alone.md"
    before = alone.stat().st_mtime_ns, alone.read_bytes()
    result = referenced("rename", "jane-doe", "jane-smith", "--name", "Jane Smith")
    assert result.exit_code == 0, result.stderr
    assert not (journal / "people" / "jane-doe.md").exists()
    assert (journal / "people" / "jane-smith.md").read_text().startswith("---\nname: Jane Smith\n")
    with_jane = (journal / "entries" / "2026" / "2026-01-05-with-jane.md").read_text()
    assert "people: [jane-smith, tom-lee]\n" in with_jane
    by_hand = (journal / "entries" / "2026" / "2026-01-07-by-hand.md").read_text()
    assert by_hand == "---\ndate: 2026-01-07\ntitle: By hand\npeople: [jane-smith]\nmood: great\n---\nBody\n"
    assert (alone.stat().st_mtime_ns, alone.read_bytes()) == before
    listed = json.loads(referenced("list", "entries", "--with", "jane-smith", "--format", "json").stdout)
    assert [entry["title"] for entry in listed] == ["With Jane", "By hand"]


def test_rename_a_space_updates_met_at(referenced: Run, journal: Path) -> None:
    assert referenced("rename", "edcamp-tulsa", "edcamp-tulsa-2026").exit_code == 0
    assert "met_at: edcamp-tulsa-2026\n" in (journal / "people" / "jane-doe.md").read_text()


def test_rename_refuses_a_taken_or_bad_id(referenced: Run) -> None:
    taken = referenced("rename", "jane-doe", "tom-lee")
    assert taken.exit_code == 1 and "already exists" in taken.stderr
    bad = referenced("rename", "jane-doe", "Jane Smith")
    assert bad.exit_code == 2 and "is not an id" in bad.stderr


def test_rm_is_refused_while_referenced(referenced: Run, journal: Path) -> None:
    result = referenced("rm", "wakelet")
    assert result.exit_code == 1
    assert "wakelet is named by 1 record(s) (2026-01-05-with-jane)" in result.stderr
    assert (journal / "tools" / "wakelet.md").exists()


def test_rm_force_removes_it_and_the_references(referenced: Run, journal: Path) -> None:
    result = referenced("rm", "wakelet", "--force", "--yes")
    assert result.exit_code == 0, result.stderr
    assert not (journal / "tools" / "wakelet.md").exists()
    assert "tools:" not in (journal / "entries" / "2026" / "2026-01-05-with-jane.md").read_text()


def test_rm_an_unreferenced_record_and_an_entry(referenced: Run, journal: Path) -> None:
    assert referenced("rm", "2026-01-06-alone", "--yes").exit_code == 0
    assert not (journal / "entries" / "2026" / "2026-01-06-alone.md").exists()
    assert referenced("rm", "nobody").stderr == "pln: error: no record with the id 'nobody'\n"
