"""`pln add person|space|tool|goal`."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Run


def test_add_person_writes_keys_in_design_order(pln: Run, journal: Path) -> None:
    result = pln(
        "add",
        "person",
        "Jane Doe",
        "--role",
        "teacher,mentor",
        "--subject",
        "social studies",
        "--level",
        "9-12",
        "--organization",
        "Lincoln High School",
        "--location",
        "Tulsa, OK",
        "--handle",
        "bluesky=@jdoe.bsky.social",
        "--provides",
        "feedback",
        "--provides",
        "ideas",
        "--met",
        "2025-03-14",
        "--tag",
        "inquiry",
        "-m",
        "Met at the ELA table.",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "people/jane-doe.md\n"
    assert (journal / "people" / "jane-doe.md").read_text(encoding="utf-8") == (
        "---\n"
        "name: Jane Doe\n"
        "roles: [teacher, mentor]\n"
        "subjects: [social studies]\n"
        "levels: [9-12]\n"
        "organization: Lincoln High School\n"
        "location: Tulsa, OK\n"
        "handles:\n"
        "  bluesky: '@jdoe.bsky.social'\n"
        "provides: [feedback, ideas]\n"
        "met: 2025-03-14\n"
        "tags: [inquiry]\n"
        "---\n"
        "Met at the ELA table.\n"
    )


def test_add_space_tool_goal(pln: Run, journal: Path) -> None:
    space = pln(
        "add",
        "space",
        "#sschat",
        "--kind",
        "chat",
        "--mode",
        "digital",
        "--platform",
        "Bluesky",
        "--hashtag",
        "#sschat",
        "--schedule",
        "Mondays 7pm ET",
    )
    assert space.stdout == "spaces/sschat.md\n"
    assert (
        "name: '#sschat'\nkind: chat\nmode: digital\nplatform: Bluesky\nhashtag: '#sschat'\n"
        in (journal / "spaces" / "sschat.md").read_text()
    )
    assert pln("add", "tool", "Wakelet", "--kind", "digital", "--category", "curation").stdout == (
        "tools/wakelet.md\n"
    )
    goal = pln("add", "goal", "Support English learners", "--started", "2026-09-01")
    assert goal.stdout == "goals/support-english-learners.md\n"
    assert (journal / "goals" / "support-english-learners.md").read_text() == (
        "---\nname: Support English learners\nstatus: active\nstarted: 2026-09-01\n---\n"
    )


def test_person_met_at_must_be_a_space(pln: Run) -> None:
    pln("add", "space", "Edcamp Tulsa", "--kind", "unconference")
    assert pln("add", "person", "Tom Lee", "--met-at", "Edcamp Tulsa").exit_code == 0
    result = pln("add", "person", "Ann Bell", "--met-at", "edcamp-tulsb")
    assert result.exit_code == 1
    assert "unknown space 'edcamp-tulsb'; did you mean 'edcamp-tulsa'?" in result.stderr


def test_same_name_twice_is_refused_but_a_namesake_can_take_an_id(pln: Run, journal: Path) -> None:
    pln("add", "person", "Maria Garcia")
    again = pln("add", "person", "maria garcia")
    assert again.exit_code == 1 and "already exists" in again.stderr and "--id" in again.stderr
    other = pln("add", "person", "Maria Garcia", "--id", "maria-garcia-austin")
    assert other.exit_code == 0 and other.stdout == "people/maria-garcia-austin.md\n"


def test_a_different_name_with_the_same_slug_gets_a_number(pln: Run) -> None:
    pln("add", "person", "Jane Doe")
    assert pln("add", "person", "Jane-Doe").stdout == "people/jane-doe-2.md\n"


def test_vocabulary_errors_suggest_the_closest_value(pln: Run, journal: Path) -> None:
    result = pln("add", "person", "Jane Doe", "--provides", "mentorin")
    assert result.exit_code == 2
    assert "'mentorin' is not one of" in result.stderr and "did you mean 'mentoring'?" in result.stderr
    assert not (journal / "people" / "jane-doe.md").exists()
    kind = pln("add", "space", "X", "--kind", "party")
    assert kind.exit_code == 2 and "--kind" in kind.stderr


def test_bad_handle_and_bad_met_date(pln: Run) -> None:
    assert "SERVICE=HANDLE" in pln("add", "person", "A", "--handle", "nohandle").stderr
    result = pln("add", "person", "B", "--met", "2025-02-30")
    assert result.exit_code == 2 and "--met: '2025-02-30' is not a real date" in result.stderr
