"""`pln import --from pln`: a journal exported whole and imported into an empty one reads the same."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import invoke, same_settings, write
from tests.helpers.terminal import spawn

# Every listing and report with --format json (the outputs a reader or a script compares).
JSON_OUTPUTS = (
    ("report", "--growth"),
    ("report", "--network"),
    ("report", "--engagement"),
    ("report", "--impact"),
    ("status",),
    ("next",),
    *(("list", kind) for kind in ("people", "spaces", "tools", "goals", "entries", "reflections")),
    ("export", "--include-private"),
)


def run(journal: Path, *args: str) -> str:
    result = invoke("--journal", str(journal), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def exported(example_journal: Path, tmp_path: Path) -> Path:
    write(
        example_journal / "reflections" / "2026-06-20-enrichment.md",
        "---\ndate: 2026-06-20\ntitle: End of year\nnext: [Find a mentor outside the chats]\n---\n"
        "Mostly one space.\n",
    )
    write(  # a value pln cannot read comes back as written too
        example_journal / "entries" / "2026" / "2026-06-29-summer-reading.md",
        "---\ndate: 2026-06-29\ntitle: Summer reading\nminutes: lots\nmood: good\n---\nStarted a book.\n",
    )
    out = tmp_path / "all.json"
    run(example_journal, "export", "--include-private", "-o", str(out))
    return out


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    root = tmp_path / "fresh"
    assert invoke("init", str(root), "--owner", "Ana Ruiz").exit_code == 0
    return root


def test_every_report_reads_the_same_after_a_round_trip(
    example_journal: Path, exported: Path, tmp_path: Path
) -> None:
    # Without git on either side: who is dormant counts from the commit that added a person,
    # which is history a JSON export does not carry (in a git journal the import adds them today).
    empty = tmp_path / "fresh-no-git"
    assert invoke("init", str(empty), "--owner", "Ana Ruiz", "--no-git").exit_code == 0
    same_settings(example_journal, empty)  # pln.yaml is settings, not records: no export carries it
    result = invoke("--journal", str(empty), "import", "--from", "pln", str(exported))
    assert result.exit_code == 0, result.stderr
    assert "all.json: 137 new, 0 skipped (already imported), 0 rejected" in result.stderr
    for command in JSON_OUTPUTS:
        before = run(example_journal, *command, "--format", "json")
        assert json.loads(before), command  # a real report, not an empty answer
        assert run(empty, *command, "--format", "json") == before, command
    for command in (("portfolio", "--format", "csv", "--from", "2025-07-01"), ("graph", "--format", "dot")):
        assert run(empty, *command) == run(example_journal, *command), command  # no JSON: their text


def test_every_file_comes_back_byte_for_byte(example_journal: Path, exported: Path, empty: Path) -> None:
    invoke("--journal", str(empty), "import", "--from", "pln", str(exported))
    for path in sorted(example_journal.glob("[!.]*/**/*.md")):
        relative = path.relative_to(example_journal)
        if relative.parts[0] != "evidence":
            assert (empty / relative).read_bytes() == path.read_bytes(), relative


def test_the_evidence_files_are_named_not_lost(exported: Path, empty: Path) -> None:
    result = invoke("--journal", str(empty), "import", "--from", "pln", str(exported))
    assert (
        "pln: entries name evidence files this journal does not hold; copy them in: "
        "evidence/2025-10-18-edcamp-tulsa-board.txt, evidence/2026-03-16-sschat-questions.txt, "
        "evidence/2026-04-25-edcamp-qft-session-notes.txt\n"
    ) in result.stderr


def test_dry_run_says_what_and_writes_nothing(exported: Path, empty: Path) -> None:
    result = invoke("--journal", str(empty), "import", "--from", "pln", str(exported), "--dry-run")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 137
    assert "would write people/jane-doe.md" not in lines  # the example's own people, not DESIGN's
    assert "would write people/priya-raman.md" in lines
    assert "would write entries/2026/2026-06-22-sschat-book-club-week-three.md" in lines
    assert (
        "137 would be new, 0 skipped (already imported), 0 would be rejected (dry run: nothing written)"
        in (result.stderr)
    )
    assert not list((empty / "entries").rglob("*.md")) and not list((empty / "people").glob("*.md"))


def test_one_commit_and_the_second_import_adds_nothing(exported: Path, empty: Path) -> None:
    invoke("--journal", str(empty), "import", "--from", "pln", str(exported))
    again = invoke("--journal", str(empty), "import", "--from", "pln", str(exported))
    assert again.exit_code == 0
    assert "0 new, 137 skipped (already imported), 0 rejected" in again.stderr
    log = subprocess.run(
        ["git", "-C", str(empty), "log", "--format=%s"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert log == ["import 137 records from all.json", "init journal"]


def test_a_different_record_under_the_same_id_is_refused(exported: Path, empty: Path) -> None:
    write(empty / "people" / "priya-raman.md", "---\nname: Priya Raman\nroles: [coach]\n---\n")
    result = invoke("--journal", str(empty), "import", "--from", "pln", str(exported), "--no-commit")
    assert result.exit_code == 1
    assert "136 new, 0 skipped (already imported), 1 rejected" in result.stderr
    assert (
        "all.json person priya-raman: the journal already has a different person 'priya-raman' "
        "(people/priya-raman.md)"
    ) in result.stderr
    assert (
        empty / "people" / "priya-raman.md"
    ).read_text() == "---\nname: Priya Raman\nroles: [coach]\n---\n"


@pytest.mark.parametrize(
    ("text", "looks"),
    [
        ('{"tags": {}, "entries": [{"date": "2024-01-01", "title": "x", "body": ""}]}', "a jrnl JSON export"),
        ('{"metadata": {}, "entries": [{"uuid": "A1", "creationDate": "x"}]}', "a Day One JSON export"),
        ('{"type": "Assertion", "badge": "https://example.org/b"}', "an Open Badges 2.0 assertion"),
        ("Date,Title\n2025-01-01,Workshop\n", "a CSV file"),
        ("---\ntitle: A note\n---\nText\n", "a Markdown note"),
    ],
)
def test_a_file_of_another_kind_is_named(empty: Path, tmp_path: Path, text: str, looks: str) -> None:
    source = write(tmp_path / "file.txt", text)
    result = invoke("--journal", str(empty), "import", "--from", "pln", str(source))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"pln: error: {source}: not a pln JSON export (pln export --format json); "
    )
    assert f"it looks like {looks}" in result.stderr


def test_a_progress_bar_on_a_terminal_and_none_on_a_pipe(exported: Path, empty: Path) -> None:
    child = spawn(empty, "import", "--from", "pln", str(exported), "--no-commit", TERM="xterm")
    child.expect_exact("importing")
    child.expect_exact("137 new")
    child.expect(pexpect_eof())
    piped = subprocess.run(
        [
            str(Path(sys.executable).with_name("pln")),
            "--journal",
            str(empty),
            "import",
            "--from",
            "pln",
            str(exported),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        piped.stderr == "pln: all.json: 0 new, 137 skipped (already imported), 0 rejected\n" + EVIDENCE_HINT
    )


def pexpect_eof() -> object:
    import pexpect

    return pexpect.EOF


EVIDENCE_HINT = (
    "pln: entries name evidence files this journal does not hold; copy them in: "
    "evidence/2025-10-18-edcamp-tulsa-board.txt, evidence/2026-03-16-sschat-questions.txt, "
    "evidence/2026-04-25-edcamp-qft-session-notes.txt\n"
)
