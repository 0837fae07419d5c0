"""`pln merge KEEP DROP` and the near-duplicate warning of `pln add`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.helpers.gitrepo import last_commit_files, porcelain, subjects


@pytest.fixture
def twice(pln: Run, journal: Path) -> Run:
    for args in (
        ("add", "space", "Edcamp Tulsa"),
        ("add", "person", "Maria Gonzalez", "--role", "teacher", "--organization", "Lincoln HS",
         "-m", "Met at Edcamp.\n"),
        ("add", "person", "Maria Gonzales", "--role", "coach", "--location", "Tulsa, OK",
         "--organization", "LHS", "--met-at", "edcamp-tulsa", "-m", "Runs the ELA PLC.\n"),
    ):  # fmt: skip
        assert pln(*args).exit_code == 0
    for title, who in (("Chat", "maria-gonzales"), ("PLC", "maria-gonzales,maria-gonzalez")):
        assert pln("log", title, "--date", "2026-01-05", "--with", who).exit_code == 0
    return pln


def test_add_warns_about_a_near_duplicate_name_and_still_adds_it(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Priya Natarajan").exit_code == 0
    result = pln("add", "person", "Priya Natrajan")
    assert result.exit_code == 0 and result.stdout == "people/priya-natrajan.md\n"
    assert result.stderr == (
        "pln: warning: 'Priya Natrajan' is close to Priya Natarajan (priya-natarajan); if they are "
        "one person: pln merge priya-natarajan priya-natrajan\n"
    )
    assert pln("add", "person", "Tom Lee").stderr == ""


def test_merge_joins_the_records_and_moves_every_reference(twice: Run, journal: Path) -> None:
    result = twice("merge", "Maria Gonzalez", "maria-gonzales")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "pln: warning: kept maria-gonzalez's organization 'Lincoln HS' (maria-gonzales had 'LHS')\n"
        "pln: merged people/maria-gonzales.md into people/maria-gonzalez.md;"
        " 2 file(s) that named it updated\n"
    )
    assert (journal / "people" / "maria-gonzalez.md").read_text() == (
        "---\nname: Maria Gonzalez\nroles: [teacher, coach]\norganization: Lincoln HS\nlocation: Tulsa, OK\n"
        "met_at: edcamp-tulsa\n---\nMet at Edcamp.\n\nRuns the ELA PLC.\n"
    )
    assert not (journal / "people" / "maria-gonzales.md").exists()
    entries = json.loads(twice("list", "entries", "--format", "json").stdout)
    assert [entry["people"] for entry in entries] == [["maria-gonzalez"], ["maria-gonzalez"]]
    assert subjects(journal)[0] == "merge person maria-gonzales into maria-gonzalez"
    assert sorted(last_commit_files(journal)) == [
        "D\tpeople/maria-gonzales.md",
        "M\tentries/2026/2026-01-05-chat.md",
        "M\tentries/2026/2026-01-05-plc.md",
        "M\tpeople/maria-gonzalez.md",
    ]
    assert porcelain(journal) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("maria-gonzalez", "maria-gonzalez"), "'maria-gonzalez' and 'maria-gonzalez' are the same person"),
        (("maria-gonzalez", "edcamp-tulsa"), "maria-gonzalez is a person and edcamp-tulsa a space"),
        (("maria", "maria-gonzales"), "'maria' names 2 people"),
        (("maria-gonzalez", "2026-01-05-chat"), "no record with the id '2026-01-05-chat'"),
    ],
)
def test_merge_refusals_change_nothing(
    twice: Run, journal: Path, args: tuple[str, str], message: str
) -> None:
    before = {path: path.read_bytes() for path in journal.rglob("*.md")}
    result = twice("merge", *args)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert {path: path.read_bytes() for path in journal.rglob("*.md")} == before


def test_merge_spaces_updates_met_at(twice: Run, journal: Path) -> None:
    assert twice("add", "space", "EdcampTulsa").exit_code == 0
    assert twice("merge", "edcamptulsa", "Edcamp Tulsa").exit_code == 0
    assert "met_at: edcamptulsa\n" in (journal / "people" / "maria-gonzales.md").read_text()
