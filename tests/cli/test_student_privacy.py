"""The student-privacy guard: `pln check --privacy` names each `path:line` holding a privacy word,
a student ID or an email; every output made to leave the machine refuses (exit 1, one line per
finding, nothing written) while what it would print holds one, unless --redact hides it or
--allow-student-data; privacy.words is in .gitignore and never committed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write
from tests.helpers.gitrepo import git

ENTRY = """---
date: 2026-01-12
title: PLC on the DBQ essays
engagement: contributed
minutes: 45
growth:
  cognitive: Jordan Price wrote her best essay
impact: Jordan asked for the rubric
evidence: [evidence/jordan-essay.pdf]
---
Jordan's ID is S1234567; her mother wrote to me at price.family@example.com.
"""
QUIET = """---
date: 2026-01-13
title: Read a chapter on rubrics
engagement: read
minutes: 30
---
Nothing about anyone.
"""
WORDS = "# students this year\nJordan Price\nJordan\n"
PATTERNS = "privacy:\n  student_id_patterns: ['S\\d{7}']\n"
FILE = "entries/2026/2026-01-12-plc-on-the-dbq-essays.md"


@pytest.fixture
def student_data(pln: Run, journal: Path) -> Run:
    write(journal / FILE, ENTRY)
    write(journal / "entries" / "2026" / "2026-01-13-read-a-chapter-on-rubrics.md", QUIET)
    write(journal / "evidence" / "jordan-essay.pdf", "%PDF-1.4\0binary")
    write(journal / "privacy.words", WORDS)
    settings = journal / "pln.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + PATTERNS, encoding="utf-8")
    return pln


def test_check_privacy_names_each_path_and_line_without_printing_the_secret(student_data: Run) -> None:
    result = student_data("check", "--privacy")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f'{FILE}:7: error: holds a word from privacy.words (its line 2): "J…"' in lines
    assert f'{FILE}:7: error: holds a word from privacy.words (its line 3): "J…"' not in lines  # once
    assert f'{FILE}:8: error: holds a word from privacy.words (its line 3): "J…"' in lines
    assert f'{FILE}:9: error: holds a word from privacy.words (its line 3): "j…"' in lines  # evidence: [...]
    assert f'{FILE}:11: error: holds a student ID (pattern S\\d{{7}} in pln.yaml): "S…"' in lines
    assert f'{FILE}:11: error: holds an email address: "p…@example.com"' in lines
    assert (
        'evidence/jordan-essay.pdf:1: error: the file name holds a word from privacy.words (its line 3): "j…"'
        in lines
    )
    assert (
        "S1234567" not in result.stdout
        and "Price" not in result.stdout
        and "price.family" not in result.stdout
    )
    assert "2026-01-13" not in result.stdout  # the quiet entry holds nothing


def test_plain_check_says_nothing_about_privacy(student_data: Run) -> None:
    result = student_data("check")
    assert result.exit_code == 0, result.stdout
    assert "privacy" not in result.stdout


SHARED = [
    ("export", "--format", "json"),
    ("export", "--format", "csv"),
    ("export", "--format", "markdown"),
    ("export", "--for-cohort"),
    ("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "markdown"),
    ("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "html"),
    ("report", "--growth", "--format", "markdown"),
    ("report", "--growth", "--format", "html"),
]  # fmt: skip


@pytest.mark.parametrize("args", SHARED[:-2] + SHARED[-2:], ids=[" ".join(a[:2] + a[-1:]) for a in SHARED])
def test_a_shared_output_refuses_while_it_would_print_student_data(
    student_data: Run, journal: Path, args: tuple[str, ...]
) -> None:
    out = journal.parent / "shared.out"
    refused = student_data(*args, "-o", str(out)) if args[0] != "report" else student_data(*args)
    if args == ("export", "--for-cohort"):  # counts only: nothing in it to find
        assert refused.exit_code == 0, refused.stderr
        return
    assert refused.exit_code == 1
    assert refused.stdout == "" and not out.exists()
    assert f"{FILE}:" in refused.stderr
    assert "not written" in refused.stderr and "--redact" in refused.stderr
    assert "Jordan" not in refused.stderr and "S1234567" not in refused.stderr


@pytest.mark.parametrize("args", [a for a in SHARED if a[1] != "--for-cohort"])
def test_allow_student_data_lets_it_through_and_redact_hides_it(
    student_data: Run, args: tuple[str, ...]
) -> None:
    allowed = student_data(*args, "--allow-student-data")
    assert allowed.exit_code == 0, allowed.stderr
    redacted = student_data(*args, "--redact")
    assert redacted.exit_code == 0, redacted.stderr
    for secret in ("Jordan", "S1234567", "price.family@example.com"):
        assert secret not in redacted.stdout
    assert "Jordan" in allowed.stdout or "S1234567" in allowed.stdout


def test_a_report_of_counts_is_shared_even_when_the_journal_holds_student_data(student_data: Run) -> None:
    for name in ("engagement", "impact"):  # the impact report counts, it quotes no impact
        result = student_data("report", f"--{name}", "--format", "markdown")
        assert result.exit_code == 0, result.stderr


def test_the_terminal_table_and_json_are_not_refused(student_data: Run) -> None:
    assert student_data("report", "--impact").exit_code == 0
    assert json.loads(student_data("report", "--impact", "--format", "json").stdout)


def test_refusal_counts_only_what_the_output_prints(student_data: Run) -> None:
    """The quiet entry alone is shared: the essay entry is not in range, so nothing is refused."""
    result = student_data("export", "--from", "2026-01-13")
    assert result.exit_code == 0, result.stderr
    assert "Nothing about anyone" in result.stdout


def test_a_bad_student_id_pattern_is_one_line_naming_pln_yaml_and_its_line(pln: Run, journal: Path) -> None:
    settings = journal / "pln.yaml"
    lines = settings.read_text(encoding="utf-8").count("\n")
    settings.write_text(
        settings.read_text(encoding="utf-8") + "privacy:\n  student_id_patterns:\n    - 'S\\d{7}('\n",
        encoding="utf-8",
    )
    result = pln("check", "--privacy")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert (
        f"pln.yaml:{lines + 3}: privacy: student_id_patterns: 'S\\d{{7}}(' is not a pattern" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_init_puts_privacy_words_in_gitignore_so_it_is_never_committed(pln: Run, journal: Path) -> None:
    assert "/privacy.words" in (journal / ".gitignore").read_text(encoding="utf-8").splitlines()
    write(journal / "privacy.words", WORDS)
    write(journal / "entries" / "2026" / "2026-01-13-read-a-chapter-on-rubrics.md", QUIET)
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "everything")
    assert "privacy.words" not in git(journal, "ls-files")
    assert "privacy.words" not in git(journal, "log", "--all", "--name-only", "--format=")


def test_an_older_journal_gets_privacy_words_ignored_the_first_time_pln_reads_it(
    pln: Run, journal: Path
) -> None:
    (journal / ".gitignore").write_text(".pln/\n", encoding="utf-8")
    git(journal, "commit", "-qam", "an older journal's .gitignore")
    write(journal / "privacy.words", WORDS)
    result = pln("check", "--privacy")
    assert result.exit_code == 0, result.stdout
    assert "added privacy.words to .gitignore" in result.stderr
    assert (journal / ".gitignore").read_text(encoding="utf-8").startswith(".pln/\n# privacy.words")
    git(journal, "add", "-A")
    assert "privacy.words" not in git(journal, "status", "--porcelain")
    again = pln("check", "--privacy")
    assert "added" not in again.stderr  # once


def test_privacy_words_already_committed_is_a_warning_with_the_fix(pln: Run, journal: Path) -> None:
    (journal / ".gitignore").write_text(".pln/\n", encoding="utf-8")
    write(journal / "privacy.words", WORDS)
    git(journal, "add", "-A")
    git(journal, "commit", "-qm", "oops")
    result = pln("export", "--format", "json")
    assert "privacy.words is committed" in result.stderr and "git rm --cached privacy.words" in result.stderr
