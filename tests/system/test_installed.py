"""A few real runs of the installed `pln` command, as a teacher's shell would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES

PLN = shutil.which("pln", path=str(Path(sys.executable).parent)) or shutil.which("pln")
pytestmark = pytest.mark.skipif(PLN is None, reason="the pln console script is not installed")


def pln(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PLN, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_the_issue_demo_from_a_shell(tmp_path: Path) -> None:
    assert pln("init", "my-pln", "--owner", "Ana Ruiz", cwd=tmp_path).returncode == 0
    home = tmp_path / "my-pln"
    steps = [
        [
            "add",
            "person",
            "Jane Doe",
            "--role",
            "teacher",
            "--subject",
            "social studies",
            "--provides",
            "feedback",
            "--provides",
            "ideas",
            "--met",
            "2025-03-14",
        ],
        [
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
        ],
        ["add", "tool", "Wakelet", "--kind", "digital", "--category", "curation"],
        ["add", "goal", "Support English learners"],
        [
            "log",
            "#sschat on inquiry grading",
            "--space",
            "sschat",
            "--with",
            "jane-doe",
            "--tool",
            "wakelet",
            "--cognitive",
            "Single-point rubrics",
            "--social",
            "Three ELA teachers want to swap work",
            "--engagement",
            "contributed",
            "--minutes",
            "60",
            "--next",
            "Try a single-point rubric in period 3",
            "-m",
            "What happened...",
        ],
    ]
    for step in steps:
        result = pln(*step, cwd=home)
        assert result.returncode == 0, (step, result.stderr)
    entries = json.loads(pln("list", "entries", "--with", "jane-doe", "--format", "json", cwd=home).stdout)
    assert entries[0]["people"] == ["jane-doe"]
    assert "Jane Doe" in pln("show", "jane-doe", cwd=home).stdout
    assert pln("rename", "jane-doe", "jane-smith", cwd=home).returncode == 0
    refused = pln("rm", "wakelet", cwd=home)
    assert refused.returncode == 1 and refused.stderr.startswith("pln: error: wakelet is named by 1 record")
    log = subprocess.run(["git", "log", "--format=%s"], cwd=home, capture_output=True, text=True).stdout
    assert log.splitlines()[0] == "rename person jane-doe -> jane-smith"
    assert "log: #sschat on inquiry grading" in log


def test_tag_rename_rm_and_undo_from_a_shell(tmp_path: Path) -> None:
    """No terminal here: `rm` and `undo` refuse without --yes; each change is one commit, undoable."""
    assert pln("init", "j", "--owner", "Ana Ruiz", cwd=tmp_path).returncode == 0
    home = tmp_path / "j"
    for title, tags in (("Chat", "Grading"), ("PLC", "grading,qft")):
        assert pln("log", title, "--date", "2026-01-05", "--tag", tags, "-m", "", cwd=home).returncode == 0
    renamed = pln("tag", "rename", "grading", "assessment", cwd=home)
    assert (
        renamed.stderr
        == "pln: renamed grading (1), Grading (1) to assessment: 2 records changed (2 entries)\n"
    )
    refused = pln("rm", "2026-01-05-chat", cwd=home)
    assert refused.returncode == 1 and refused.stderr.endswith("no terminal to ask on; add --yes\n")
    assert pln("rm", "2026-01-05-chat", "--yes", cwd=home).returncode == 0
    assert pln("undo", cwd=home).returncode == 1
    undone = pln("undo", "--yes", cwd=home)
    assert undone.returncode == 0 and "brings back entries/2026/2026-01-05-chat.md" in undone.stderr
    assert "tags: [assessment]" in (home / "entries/2026/2026-01-05-chat.md").read_text()
    log = subprocess.run(["git", "log", "--format=%s"], cwd=home, capture_output=True, text=True).stdout
    assert log.splitlines()[:3] == [
        "undo: rm entry 2026-01-05-chat",
        "rm entry 2026-01-05-chat",
        "tag rename grading, Grading -> assessment",
    ]


def test_body_piped_on_stdin_and_path_on_stdout(tmp_path: Path) -> None:
    pln("init", "j", "--no-git", cwd=tmp_path)
    result = pln("log", "After the chat", "--date", "2026-01-02", cwd=tmp_path / "j", stdin="From a pipe\n")
    assert result.stdout == "entries/2026/2026-01-02-after-the-chat.md\n"
    assert (tmp_path / "j" / result.stdout.strip()).read_text().endswith("From a pipe\n")


def test_piped_listing_of_the_examples_is_plain_text(tmp_path: Path) -> None:
    result = pln("--journal", str(EXAMPLES), "list", "entries", cwd=tmp_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert result.stdout.splitlines()[0].split()[:3] == ["date", "title", "space"]
    assert len(result.stdout.splitlines()) == 97


def test_unexpected_errors_are_one_line_without_a_traceback(tmp_path: Path) -> None:
    pln("init", "j", "--no-git", cwd=tmp_path)
    (tmp_path / "j" / "pln.yaml").write_text("daily_minutes_goal: lots\n")
    result = pln("list", "people", cwd=tmp_path / "j")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert "pln.yaml: bad setting" in result.stderr
