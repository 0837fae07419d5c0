"""Names wherever an id goes: an exact id, an exact name in any case, a unique prefix of an id, or a
unique first name; an ambiguous or unknown one lists the candidates and exits 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnjournal.journal.refs import matching
from plnjournal.model import Person, Space
from tests.helpers import Run, write
from tests.helpers.gitrepo import subjects


@pytest.fixture
def network(pln: Run) -> Run:
    for args in (
        ("add", "person", "Jane Doe"),
        ("add", "person", "Priya Natarajan"),
        ("add", "person", "Tom Lee"),
        ("add", "person", "Tom Baker"),
        ("add", "space", "#sschat"),
        ("add", "tool", "Wakelet"),
    ):
        assert pln(*args).exit_code == 0
    logged = pln("log", "Rubrics chat", "--date", "2026-01-05", "--with", "jane", "--next", "Try it")
    assert logged.exit_code == 0, logged.stderr
    return pln


PEOPLE = [Person(id="jane-doe", name="Jane Doe"), Person(id="tom-lee", name="Tom Lee")]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("jane-doe", ["jane-doe"]),
        ("JANE DOE", ["jane-doe"]),  # a name in any case
        ("jane-d", ["jane-doe"]),  # a prefix of an id
        ("Tom", ["tom-lee"]),  # a first name
        ("ja", ["jane-doe"]),
        ("nobody", []),
        ("", []),
    ],
)
def test_matching_rules(typed: str, found: list[str]) -> None:
    assert [record.id for record in matching(typed, PEOPLE)] == found


def test_an_exact_id_wins_over_a_longer_one_it_prefixes() -> None:
    spaces = [Space(id="edcamp", name="Edcamp"), Space(id="edcamp-tulsa", name="Edcamp Tulsa")]
    assert [record.id for record in matching("edcamp", spaces)] == ["edcamp"]
    assert [record.id for record in matching("edc", spaces)] == ["edcamp", "edcamp-tulsa"]


def test_show_by_name_prefix_and_first_name(network: Run) -> None:
    for typed in ("priya-natarajan", "Priya Natarajan", "priya natarajan", "priya-n", "Priya"):
        result = network("show", typed, "--format", "json")
        assert result.exit_code == 0, (typed, result.stderr)
        assert json.loads(result.stdout)["id"] == "priya-natarajan"


def test_an_ambiguous_name_lists_the_candidates(network: Run) -> None:
    result = network("show", "tom")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "pln: error: 'tom' names 2 people: tom-baker (Tom Baker), tom-lee (Tom Lee); say which\n"
    )


def test_an_unknown_name_suggests_close_ones(network: Run) -> None:
    result = network("show", "Priya Natrajan")
    assert result.exit_code == 1
    assert result.stderr == (
        "pln: error: no record with the id 'Priya Natrajan'; did you mean 'priya-natarajan'?\n"
    )


def test_an_entry_by_a_prefix_of_its_id_or_its_title(network: Run) -> None:
    for typed in ("2026-01-05", "2026-01-05-rub", "rubrics chat"):
        result = network("show", typed, "--format", "json")
        assert json.loads(result.stdout)["id"] == "2026-01-05-rubrics-chat", typed


def test_log_and_list_take_first_names_and_prefixes(network: Run, journal: Path) -> None:
    result = network("log", "PLC", "--date", "2026-01-06", "--with", "Priya,tom-l", "--space", "sschat")
    assert result.exit_code == 0, result.stderr
    text = (journal / "entries" / "2026" / "2026-01-06-plc.md").read_text()
    assert "people: [priya-natarajan, tom-lee]\n" in text and "space: sschat\n" in text
    listed = network("list", "entries", "--with", "Priya", "--format", "json")
    assert [entry["title"] for entry in json.loads(listed.stdout)] == ["PLC"]
    ambiguous = network("log", "Again", "--with", "tom")
    assert ambiguous.exit_code == 1 and "'tom' names 2 people: tom-baker (Tom Baker)" in ambiguous.stderr


def test_rename_rm_attach_and_next_done_by_name(network: Run, journal: Path, tmp_path: Path) -> None:
    assert network("rename", "Wakelet", "wakelet-app").exit_code == 0
    assert (journal / "tools" / "wakelet-app.md").exists()
    assert network("rm", "Tom Baker", "--yes").exit_code == 0
    assert not (journal / "people" / "tom-baker.md").exists()
    photo = write(tmp_path / "photo.png", "png")
    assert network("attach", "2026-01-05", str(photo)).exit_code == 0
    done = network("next", "--done", "2026-01-05-rub", "Tried it")
    assert done.exit_code == 0, done.stderr
    assert "applied: Tried it\n" in (journal / "entries" / "2026" / "2026-01-05-rubrics-chat.md").read_text()
    assert subjects(journal)[:4] == [
        "next done: 2026-01-05-rubrics-chat",
        "attach evidence/2026-01-05-rubrics-chat-photo.png to 2026-01-05-rubrics-chat",
        "rm person tom-baker",
        "rename tool wakelet -> wakelet-app",
    ]


def test_kind_colon_name_narrows_the_search(network: Run) -> None:
    assert network("add", "tool", "Sschat tool", "--id", "sschat").exit_code == 0
    both = network("show", "sschat")
    assert both.exit_code == 1 and "space:sschat (#sschat), tool:sschat (Sschat tool)" in both.stderr
    result = network("show", "tool:Sschat tool", "--format", "json")
    assert json.loads(result.stdout)["id"] == "sschat"


def test_an_index_that_reads_kinds_when_asked_reads_only_those_and_each_once() -> None:
    from plnjournal.journal.refs import Index

    spaces = [Space(id="sschat", name="#sschat")]
    read: list[str] = []

    def reading(kind: str) -> list[Person] | list[Space]:
        read.append(kind)
        return {"person": PEOPLE, "space": spaces}.get(kind, [])

    lazy, eager = Index(read=reading), Index({"person": PEOPLE, "space": spaces})
    assert read == []
    assert lazy.require("person", "jane") == eager.require("person", "jane") == "jane-doe"
    assert lazy.canonical("person", "Tom Lee") == "tom-lee"
    assert read == ["person"]
    assert lazy.get("space", "#SSCHAT") == eager.get("space", "#SSCHAT") == spaces[0]
    assert lazy.resolve("tool", "Wakelet") is eager.resolve("tool", "Wakelet") is None
    assert read == ["person", "space", "tool"]
    with pytest.raises(KeyError):
        lazy.by_id["entry"]


def test_log_resolves_each_kind_it_names(network: Run, journal: Path) -> None:
    logged = network("log", "Wakelet demo", "--with", "priya", "--tool", "wakelet", "--space", "sschat")
    assert logged.exit_code == 0, logged.stderr
    written = (journal / logged.stdout.strip()).read_text(encoding="utf-8")
    assert "space: sschat" in written and "people: [priya-natarajan]" in written
    assert "tools: [wakelet]" in written
