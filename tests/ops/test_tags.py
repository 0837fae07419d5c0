"""`pln tag rename` and `pln tag merge`: every record's tags, every hand-written form, one commit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write
from tests.helpers.gitrepo import git, last_commit_files, porcelain, subjects
from tests.ops.test_all_or_nothing import files, pln_limited


@pytest.fixture
def tagged(pln: Run, journal: Path) -> Path:
    """Grading in four spellings and three kinds of record, some written by hand, committed."""
    assert pln("add", "person", "Jane Doe", "--tag", "Grading,inquiry").exit_code == 0
    assert pln("log", "Chat", "--date", "2026-01-05", "--tag", "grading", "--tag", "qft").exit_code == 0
    assert pln("log", "Plc", "--date", "2026-01-06", "--tag", "assessment").exit_code == 0
    write(
        journal / "entries/2026/2026-01-07-by-hand.md",
        "---\ndate: 2026-01-07\ntags: GRADING, retakes\n---\nx\n",
    )
    write(journal / "spaces/sschat.md", '---\nname: "#sschat"\ntags: ["#grading", grade-ing]\n---\n')
    write(journal / "reflections/2026-01-10-term.md", "---\ndate: 2026-01-10\ntags: [grading]\n---\n")
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "by hand")
    return journal


def test_rename_changes_every_spelling_in_every_kind_in_one_commit(pln: Run, tagged: Path) -> None:
    untouched = (tagged / "entries/2026/2026-01-06-plc.md").stat().st_mtime_ns
    result = pln("tag", "rename", "grading", "assessment")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "pln: warning: left 'grade-ing' (1 record) as it is, though it looks like the same tag: "
        "'pln tag merge grade-ing --into assessment' joins it\n"
        "pln: renamed grading (3), GRADING (1), Grading (1) to assessment: "
        "5 records changed (2 entries, 1 person, 1 reflection, 1 space)\n"
    )
    assert subjects(tagged)[0] == "tag rename grading, GRADING, Grading -> assessment"
    assert sorted(last_commit_files(tagged)) == [
        "M\tentries/2026/2026-01-05-chat.md",
        "M\tentries/2026/2026-01-07-by-hand.md",
        "M\tpeople/jane-doe.md",
        "M\treflections/2026-01-10-term.md",
        "M\tspaces/sschat.md",
    ]
    assert porcelain(tagged) == []
    assert (tagged / "entries/2026/2026-01-06-plc.md").stat().st_mtime_ns == untouched
    assert "tags: [assessment, retakes]\n" in (tagged / "entries/2026/2026-01-07-by-hand.md").read_text()
    assert "tags: [assessment, grade-ing]\n" in (tagged / "spaces/sschat.md").read_text()
    rows = json.loads(pln("list", "tags", "--format", "json").stdout)
    assert [(row["tag"], row["count"]) for row in rows][:1] == [("assessment", 6)]


def test_rename_to_another_case_joins_the_case_variants(pln: Run, tagged: Path) -> None:
    result = pln("tag", "rename", "GRADING", "Grading")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        "pln: renamed grading (3), GRADING (1) to Grading: 4 records changed "
        "(2 entries, 1 reflection, 1 space)\n"
    )
    rows = json.loads(pln("list", "tags", "--format", "json").stdout)
    assert {key: rows[0][key] for key in ("tag", "count")} == {"tag": "Grading", "count": 6}
    assert rows[0]["variants"] == [{"tag": "Grading", "count": 5}, {"tag": "grade-ing", "count": 1}]


def test_merge_into_a_named_tag_and_into_the_most_used(pln: Run, tagged: Path) -> None:
    result = pln("tag", "merge", "grade-ing", "grading", "--into", "assessment")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "pln: merged grading (3), grade-ing (1), GRADING (1), Grading (1) into assessment: "
        "5 records changed (2 entries, 1 person, 1 reflection, 1 space)\n"
    )
    assert "tags: [assessment]\n" in (tagged / "spaces/sschat.md").read_text()  # each tag once
    assert subjects(tagged)[0] == "tag merge grading, grade-ing, GRADING, Grading into assessment"
    merged = pln("tag", "merge", "qft", "retakes")  # one record each: the lowercase, first by name
    assert merged.stderr == "pln: merged retakes (1) into qft: 1 record changed (1 entry)\n"
    assert len(subjects(tagged)) == 7


def test_an_unknown_tag_names_the_close_ones_and_changes_nothing(pln: Run, tagged: Path) -> None:
    result = pln("tag", "rename", "gradng", "assessment")
    assert result.exit_code == 1
    assert result.stderr == "pln: error: no record has the tag 'gradng'; did you mean grading, grade-ing?\n"
    far = pln("tag", "merge", "grading", "zebra", "--into", "x")
    assert far.stderr == "pln: error: no record has the tag 'zebra' ('pln list tags' lists them)\n"
    assert porcelain(tagged) == [] and subjects(tagged)[0] == "by hand"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("rename", "grading", "a, b"),
            "'a, b': a tag cannot hold a comma or a line break (a comma separates tags)",
        ),
        (("rename", "grading", "#"), "'#' is not a tag: say the new tag's name"),
        (("merge", "grading"), "name two tags or more to merge (or one and --into NEW)"),
    ],
)
def test_bad_requests_are_one_line(pln: Run, tagged: Path, args: tuple[str, ...], message: str) -> None:
    result = pln("tag", *args)
    assert (result.exit_code, result.stderr) == (2, f"pln: error: {message}\n")


def test_nothing_to_change_makes_no_commit(pln: Run, tagged: Path) -> None:
    result = pln("tag", "rename", "qft", "qft")
    assert (result.exit_code, result.stderr) == (0, "pln: nothing to change: every record already says qft\n")
    assert subjects(tagged)[0] == "by hand"


def test_a_tag_yaml_took_as_a_comment_is_said_not_lost(pln: Run, tagged: Path) -> None:
    write(tagged / "tools/wakelet.md", "---\nname: Wakelet\ntags: #grading\n---\n")
    result = pln("tag", "rename", "grading", "assessment", "--no-commit")
    assert result.exit_code == 0
    assert (
        "pln: warning: tools/wakelet.md:3: not changed: tags: '#grading' is a YAML comment, so tags is "
        "empty; write tags: [grading]\n"
    ) in result.stderr
    assert (tagged / "tools/wakelet.md").read_text() == "---\nname: Wakelet\ntags: #grading\n---\n"


def test_a_rename_that_cannot_write_one_file_changes_none(pln: Run, tagged: Path) -> None:
    write(
        tagged / "entries/2026/2026-01-08-long.md",
        "---\ndate: 2026-01-08\ntags: [grading]\n---\n" + "x\n" * 3000,
    )
    before = files(tagged)
    result = pln_limited(tagged, "tag", "rename", "grading", "assessment")
    assert result.returncode == 1
    assert "nothing was changed" in result.stderr and result.stderr.count("\n") == 1
    assert files(tagged) == before
