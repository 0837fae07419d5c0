"""`pln check`: every problem of a journal with its path:line, a summary, and the exit code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, Run, invoke, write

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken-journal"

# Worked out from the files themselves (see tests/data/broken-journal/README.md): the line is the
# line of the offending key, counting the opening '---' as line 1.
EXPECTED = [
    ("entries/2026/.2026-01-05-sschat.md.pln-tmp-1a2b3c4d", 1, "warning", "temp-file",
     "left by an interrupted pln write; pln ignores it, delete it"),
    ("entries/2026/2025-12-15-edcamp.md", 1, "error", "duplicate-id",
     "the entry id '2025-12-15-edcamp' is also used by entries/2025/2025-12-15-edcamp.md"),
    ("entries/2026/2025-12-15-edcamp.md", 2, "error", "wrong-folder",
     "dated 2025-12-15, so it belongs in 'entries/2025/'"),
    ("entries/2026/2026-01-06-unknown-space.md", 4, "error", "unknown-reference",
     "space: unknown space 'sschatt'; did you mean 'sschat'?"),
    ("entries/2026/2026-01-07-unknown-person.md", 5, "error", "unknown-reference",
     "people: unknown person 'jane-do'; did you mean 'jane-doe' or 'jane-doe-2'?"),
    ("entries/2026/2026-01-08-bad-time.md", 3, "error", "bad-time",
     "time: '25:00' is not a time (HH:MM, 24-hour)"),
    ("entries/2026/2026-01-09-engagement-typo.md", 4, "error", "bad-value",
     "engagement: 'contribute' is not one of read, asked, connected, shared, contributed, created, led;"
     " did you mean 'contributed'?"),
    ("entries/2026/2026-01-10-wrong-date.md", 2, "error", "wrong-folder",
     "the file name should start with its date 2026-01-11 (pln rename 2026-01-10-wrong-date 2026-01-11-...)"),
    ("entries/2026/2026-01-12-no-date.md", 1, "error", "missing-key", "an entry needs a 'date'"),
    ("entries/2026/2026-02-30-impossible-date.md", 2, "error", "bad-date",
     "date: '2026-02-30' is not a real date"),
    ("notes/ideas.md", 1, "warning", "unknown-folder", "pln does not read the folder 'notes/'"),
    ("people/conflict.md", 3, "error", "conflict-marker", "git conflict marker: resolve the merge first"),
    ("people/duplicate-key.md", 4, "error", "duplicate-key", "duplicate key 'name'"),
    ("people/impossible-met-date.md", 3, "error", "bad-date", "met: '2026-02-30' is not a real date"),
    ("people/jane-doe.md", 2, "warning", "duplicate-name",
     "another person is named 'Jane Doe' (people/jane-doe-2.md); refer to them by id"),
    ("people/met-at-unknown.md", 4, "error", "unknown-reference",
     "met_at: unknown space 'edcamp-tulsaa'; did you mean 'edcamp-tulsa'?"),
    ("people/no-front-matter.md", 1, "error", "no-front-matter",
     "no front-matter (a '---' block) at the top"),
    ("people/no-name.md", 1, "error", "missing-key", "a person needs a 'name'"),
    ("people/not-a-mapping.md", 2, "error", "not-a-mapping",
     "front-matter is not a mapping of keys to values"),
    ("people/not-utf8.md", 2, "error", "not-utf8", "not valid UTF-8"),
    ("people/notes.txt", 1, "warning", "unknown-folder",
     "not a record: pln reads only .md files in 'people/'"),
    ("people/provides-typo.md", 3, "error", "bad-value",
     "provides: 'feedbak' is not one of feedback, advice, ideas, emotional-support, mentoring;"
     " did you mean 'feedback'?"),
    ("people/too-deep.md", 3, "error", "too-deep", "front-matter is nested too deeply"),
    ("people/unknown-key.md", 4, "warning", "unknown-key",
     "unknown key 'favourite_colour': kept as it is, but pln does not use it"),
    ("people/yaml-syntax.md", 4, "error", "yaml-syntax", "YAML: did not find expected ',' or ']'"),
    ("spaces/mode-typo.md", 4, "error", "bad-value",
     "mode: 'digitl' is not one of physical, digital, hybrid; did you mean 'digital'?"),
]  # fmt: skip


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "broken"
    shutil.copytree(BROKEN, root, symlinks=True)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_every_problem_of_the_broken_journal_with_its_line(broken: Path) -> None:
    result = invoke("--journal", str(broken), "check", "--format", "json")
    assert result.exit_code == 1
    found = [tuple(problem.values()) for problem in json.loads(result.stdout)]
    assert found == EXPECTED
    assert result.stderr == "pln: 21 errors, 5 warnings in 25 files\n"


def test_text_output_is_one_sorted_line_per_problem(broken: Path) -> None:
    result = invoke("--journal", str(broken), "check")
    assert result.exit_code == 1
    expected = [f"{path}:{line}: {level}: {message}" for path, line, level, _, message in EXPECTED]
    assert result.stdout.splitlines() == expected


def test_check_never_writes(broken: Path) -> None:
    before = snapshot(broken)
    invoke("--journal", str(broken), "check")
    assert snapshot(broken) == before
    assert not (broken / ".pln").exists()


def test_the_example_journal_is_clean(tmp_path: Path) -> None:
    result = invoke("--journal", str(EXAMPLES), "check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "pln: all 135 files are fine\n"


def test_warnings_alone_pass_unless_strict(pln: Run, journal: Path) -> None:
    write(journal / "people/kelsey-ward.md", "---\nname: Kelsey Ward\nshoe_size: 7\n---\n")
    result = pln("check")
    assert result.exit_code == 0
    assert result.stdout == (
        "people/kelsey-ward.md:3: warning: unknown key 'shoe_size': kept as it is, but pln does not use it\n"
    )
    assert result.stderr == "pln: 0 errors, 1 warning in 1 file\n"
    assert pln("check", "--strict").exit_code == 1


def test_references_by_exact_name_are_fine(pln: Run, journal: Path) -> None:
    write(journal / "people/jane-doe.md", "---\nname: Jane Doe\n---\n")
    write(journal / "spaces/sschat.md", "---\nname: '#sschat'\n---\n")
    write(
        journal / "entries/2026/2026-01-05-chat.md",
        "---\ndate: 2026-01-05\nspace: '#SSCHAT'\npeople: Jane Doe\n---\n",
    )
    result = pln("check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "pln: all 3 files are fine\n"


def test_a_growth_dimension_outside_the_vocabulary(pln: Run, journal: Path) -> None:
    write(
        journal / "entries/2026/2026-01-05-chat.md",
        "---\ndate: 2026-01-05\ngrowth:\n  cognitiv: notes\n---\n",
    )
    result = pln("check")
    assert result.stdout == (
        "entries/2026/2026-01-05-chat.md:3: error: growth: 'cognitiv' is not one of affective, cognitive,"
        " identity, social; did you mean 'cognitive'?\n"
    )


def test_the_same_id_in_two_kinds_is_not_a_duplicate(pln: Run, journal: Path) -> None:
    write(journal / "people/sschat.md", "---\nname: Sam Schat\n---\n")
    write(journal / "spaces/sschat.md", "---\nname: '#sschat'\n---\n")
    assert pln("check").stdout == ""


def test_files_in_subfolders_and_evidence(pln: Run, journal: Path) -> None:
    write(journal / "people/old/jane-doe.md", "---\nname: Jane Doe\n---\n")
    write(journal / "evidence/slides.pdf", "%PDF")
    write(journal / "entries/2026-01-05-loose.md", "---\ndate: 2026-01-05\n---\n")
    assert pln("check").stdout.splitlines() == [
        "entries/2026-01-05-loose.md:2: error: dated 2026-01-05, so it belongs in 'entries/2026/'",
        "people/old/jane-doe.md:1: warning: pln reads only the files directly in 'people/'",
    ]


def test_messages_from_hostile_values_are_escaped(pln: Run, journal: Path) -> None:
    write(
        journal / "entries/2026/2026-01-05-chat.md", '---\ndate: 2026-01-05\nspace: "\\e[31m[bold]x"\n---\n'
    )
    for args in (("check",), ("check", "--format", "json")):
        result = pln(*args)
        assert "\x1b" not in result.stdout
    assert "unknown space '\\x1b[31m[bold]x'" in pln("check").stdout


def test_other_commands_skip_a_broken_file_and_point_to_check(broken: Path) -> None:
    result = invoke("--journal", str(broken), "list", "people", "--format", "json")
    assert result.exit_code == 0
    names = [person["name"] for person in json.loads(result.stdout)]
    assert "Jane Doe" in names and "Priya Raman" in names
    assert "pln: warning: skipped people/duplicate-key.md:4: duplicate key 'name' (see 'pln check')\n" in (
        result.stderr
    )


def test_the_summary_reads_well_for_one_file_and_for_none(journal: Path) -> None:
    assert invoke("--journal", str(journal), "check").stderr == "pln: no files to check yet\n"
    invoke("--journal", str(journal), "add", "person", "Jane Doe", "--no-commit")
    assert invoke("--journal", str(journal), "check").stderr == "pln: the one file is fine\n"


@pytest.mark.parametrize("separator", ["\u2028", "\u0085", "\u2029"], ids=["LS", "NEL", "PS"])
def test_a_line_separator_inside_a_value_keeps_the_real_line(pln: Run, journal: Path, separator: str) -> None:
    """Issue 15, item 8: libyaml counts U+0085, U+2028 and U+2029 as line breaks; an editor does not."""
    write(
        journal / "entries" / "2026" / "2026-01-05-chat.md",
        f'---\ndate: 2026-01-05\ntitle: "One{separator}two{separator}three"\nspace: nowhere\n'
        f"favourite: blue\nminutes: lots\n---\n",
    )
    write(journal / "people" / "jane.md", f'---\nname: "Jane{separator}Doe"\nname: Jane\n---\n')
    result = pln("check", "--format", "json")
    found = {(p["path"], p["line"], p["code"]) for p in json.loads(result.stdout)}
    assert found == {
        ("entries/2026/2026-01-05-chat.md", 4, "unknown-reference"),
        ("entries/2026/2026-01-05-chat.md", 5, "unknown-key"),
        ("entries/2026/2026-01-05-chat.md", 6, "bad-duration"),
        ("people/jane.md", 3, "duplicate-key"),
    }
    line = (journal / "entries" / "2026" / "2026-01-05-chat.md").read_text().split("\n")[5]
    assert line == "minutes: lots"  # line 6 as an editor counts
