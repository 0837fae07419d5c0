"""`pln set ID KEY=VALUE...`: any field without an editor, checked like `pln log`, one commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from plnjournal.ops.set import Assignment, dated_id, parse_assignment
from tests.helpers import Run, write
from tests.helpers.gitrepo import last_commit_files, porcelain, subjects

ENTRY = Path("entries") / "2026" / "2026-01-05-rubrics-chat.md"


@pytest.fixture
def logged(pln: Run) -> Run:
    for args in (("add", "person", "Jane Doe"), ("add", "person", "Tom Lee"), ("add", "space", "#sschat")):
        assert pln(*args).exit_code == 0
    result = pln(
        "log", "Rubrics chat", "--date", "2026-01-05", "--space", "sschat", "--with", "jane", "-m", "Notes.\n"
    )
    assert result.exit_code == 0, result.stderr
    return pln


@pytest.mark.parametrize(
    ("text", "assignment"),
    [
        ("minutes=60", Assignment("minutes", "=", "60")),
        ("tags+=grading, inquiry", Assignment("tags", "+=", "grading, inquiry")),
        ("people-=tom-lee", Assignment("people", "-=", "tom-lee")),
        ("growth.social=Met two = teachers", Assignment("growth.social", "=", "Met two = teachers")),
        ("vetted=", Assignment("vetted", "=", "")),
    ],
)
def test_parse_assignment(text: str, assignment: Assignment) -> None:
    assert parse_assignment(text) == assignment


def test_a_new_date_keeps_the_rest_of_the_id() -> None:
    import datetime as dt

    old, new = dt.date(2026, 1, 5), dt.date(2025, 12, 30)
    assert dated_id("2026-01-05-rubrics-chat", old, new) == "2025-12-30-rubrics-chat"
    assert dated_id("my-chat", old, new) == "2025-12-30-my-chat"
    assert dated_id("2026-01-05", old, new) == "2025-12-30"


def test_set_several_fields_in_one_write_and_one_commit(logged: Run, journal: Path) -> None:
    result = logged(
        "set", "rubrics chat", "minutes=90", "engagement=contributed", "tags+=grading,inquiry",
        "people+=Tom", "growth.cognitive=Single-point rubrics", "growth+=social", "private=yes",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert (journal / ENTRY).read_text() == (
        "---\ndate: 2026-01-05\ntitle: Rubrics chat\nspace: sschat\npeople: [jane-doe, tom-lee]\n"
        "growth:\n  cognitive: Single-point rubrics\n  social: null\nengagement: contributed\nminutes: 90\n"
        "tags: [grading, inquiry]\nprivate: true\n---\nNotes.\n"
    )
    assert subjects(journal)[0].startswith("set entry 2026-01-05-rubrics-chat: minutes=90, engagement=")
    assert last_commit_files(journal) == [f"M\t{ENTRY.as_posix()}"]
    assert "pln: set minutes=90" in result.stderr and result.stdout == ""


def test_lists_take_away_and_keys_unset(logged: Run, journal: Path) -> None:
    assert logged("set", "2026-01-05", "tags=a,b,c", "people+=tom-lee").exit_code == 0
    result = logged("set", "2026-01-05", "tags-=B", "people-=Jane Doe", "--unset", "space")
    assert result.exit_code == 0, result.stderr
    text = (journal / ENTRY).read_text()
    assert "tags: [a, c]\n" in text and "people: [tom-lee]\n" in text and "space:" not in text
    missing = logged("set", "2026-01-05", "tags-=zzz")
    assert (missing.exit_code, missing.stderr) == (1, "pln: error: tags-=zzz: 'zzz' is not in tags\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("engagement=contribted",), 2, "engagement: 'contribted' is not one of read, asked, connected, "
         "shared, contributed, created, led; did you mean 'contributed'?"),
        (("people+=jane-deo",), 1, "unknown person 'jane-deo'; did you mean 'jane-doe'?"),
        (("space=sschatt",), 1, "unknown space 'sschatt'; did you mean 'sschat'?"),
        (("minutes=lots",), 2, "minutes: 'lots' is not a duration (write 90, 90 min, 1h30"),
        (("time=25:00",), 2, "time: '25:00' is not a time (HH:MM, 24-hour)"),
        (("date=someday soon",), 2, "date: cannot read 'someday soon' as a date"),
        (("growth+=spiritual",), 2, "growth: 'spiritual' is not one of affective, cognitive"),
        (("--unset", "date"), 2, "--unset date: every entry has a date; it cannot be removed"),
        (("minutes+=5",), 2, "minutes+=5: minutes holds one value; use minutes=VALUE"),
        (("id=other",), 2, "id: use 'pln rename' to change an id"),
        (("60",), 2, "'60' is not KEY=VALUE (or KEY+=VALUE, KEY-=VALUE)"),
        ((), 2, "say what to change: pln set ID KEY=VALUE ... (or --unset KEY)"),
        (("minutes=60", "engagement=nope"), 2, "engagement: 'nope' is not one of"),
    ],
)  # fmt: skip
def test_a_bad_value_changes_nothing(
    logged: Run, journal: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    before = (journal / ENTRY).read_bytes()
    result = logged("set", "2026-01-05-rubrics-chat", *args)
    assert result.exit_code == code and result.stderr.startswith(f"pln: error: {message}"), result.stderr
    assert (journal / ENTRY).read_bytes() == before
    assert subjects(journal)[0] == "log: Rubrics chat" and porcelain(journal) == []


def test_a_date_in_words_moves_the_entry_to_its_year(logged: Run, journal: Path) -> None:
    result = logged("set", "2026-01-05", "date=last tuesday", env={"PLN_TODAY": "2026-01-02"})
    assert result.exit_code == 0, result.stderr
    moved = "entries/2025/2025-12-30-rubrics-chat.md"
    assert result.stdout == moved + "\n"
    assert f"pln: moved {ENTRY.as_posix()} -> {moved}" in result.stderr
    assert not (journal / ENTRY).exists()
    assert (journal / moved).read_text().startswith("---\ndate: 2025-12-30\ntitle: Rubrics chat\n")
    assert sorted(last_commit_files(journal)) == [f"A\t{moved}", f"D\t{ENTRY.as_posix()}"]
    assert porcelain(journal) == []


def test_a_moved_entry_never_overwrites_another(logged: Run, journal: Path) -> None:
    logged("log", "Rubrics chat", "--date", "2026-01-09")
    assert (
        logged("set", "2026-01-05", "date=2026-01-09").stdout == "entries/2026/2026-01-09-rubrics-chat-2.md\n"
    )
    assert (journal / "entries" / "2026" / "2026-01-09-rubrics-chat.md").exists()


def test_a_blocked_year_folder_leaves_everything_as_it_was(logged: Run, journal: Path) -> None:
    write(journal / "entries" / "2024", "a file where a folder should be\n")
    before = (journal / ENTRY).read_bytes()
    result = logged("set", "2026-01-05", "date=2024-05-01", "--no-commit")
    assert result.exit_code == 1 and "is a file, not a folder" in result.stderr
    assert (journal / ENTRY).read_bytes() == before


def test_unknown_keys_are_kept_as_extra(logged: Run, journal: Path) -> None:
    result = logged(
        "set", "jane", "observed_on=2026-11-01", "credit_hours=3", "handles.bluesky=@jane.bsky.social"
    )
    assert result.exit_code == 0, result.stderr
    assert (journal / "people" / "jane-doe.md").read_text() == (
        "---\nname: Jane Doe\nhandles:\n  bluesky: '@jane.bsky.social'\n"
        "observed_on: '2026-11-01'\ncredit_hours: 3\n---\n"
    )
    again = logged("set", "jane", "--unset", "observed_on", "tag=x")
    assert (
        "warning: 'tag' is not a key pln knows for a person; kept as written (did you mean 'tags'?)"
        in again.stderr
    )
    assert "observed_on" not in (journal / "people" / "jane-doe.md").read_text()


@pytest.mark.parametrize(
    ("typed", "minutes"), [("minutes=1h30", 90), ("minutes=45 min", 45), ("hours=1.5", 90)]
)
def test_durations_as_teachers_write_them(logged: Run, journal: Path, typed: str, minutes: int) -> None:
    assert logged("set", "2026-01-05", typed).exit_code == 0
    assert f"minutes: {minutes}\n" in (journal / ENTRY).read_text()


def test_nothing_to_change_makes_no_commit(logged: Run, journal: Path) -> None:
    result = logged("set", "2026-01-05", "space=#sschat")
    assert result.exit_code == 0
    assert result.stderr == "pln: 2026-01-05-rubrics-chat already has those values; nothing changed\n"
    assert subjects(journal)[0] == "log: Rubrics chat"


def test_set_a_person_and_a_goal(logged: Run, journal: Path) -> None:
    assert logged("add", "goal", "Support English learners", "--started", "2026-01-01").exit_code == 0
    assert logged("set", "support", "status=done", "started=2025-09-01").exit_code == 0
    assert (journal / "goals" / "support-english-learners.md").read_text() == (
        "---\nname: Support English learners\nstatus: done\nstarted: 2025-09-01\n---\n"
    )
    result = logged("set", "Tom", "provides+=feedback,mentoring", "met_at=sschat", "roles=teacher,coach")
    assert result.exit_code == 0, result.stderr
    assert "provides: [feedback, mentoring]\n" in (journal / "people" / "tom-lee.md").read_text()
    bad = logged("set", "Tom", "provides+=mentorin")
    assert bad.exit_code == 2 and "did you mean 'mentoring'?" in bad.stderr
