"""`-o FILE` on `pln report` and `pln credits`: the file holds what stdout would, in every format,
the table included (it used to go to the screen, the `-o` silently ignored); a file is made to be
shared, so private entries stay out of it unless --include-private."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import invoke

TODAY = {"PLN_TODAY": "2026-06-30"}


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_a_report_written_with_o_is_what_the_pipe_shows(
    example_journal: Path, tmp_path: Path, fmt: str
) -> None:
    journal = ("--journal", str(example_journal))
    every = ("report", "--growth", "--format", fmt, "--include-private")
    shown = invoke(*journal, *every, env=TODAY)
    target = tmp_path / f"growth.{fmt}"
    written = invoke(*journal, *every, "-o", str(target), env=TODAY)
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert f"wrote {target}" in written.stderr
    kept = target.read_text(encoding="utf-8")
    if fmt == "json":  # indented in a file, one compact line in a pipe: the same value
        assert json.loads(kept) == json.loads(shown.stdout)
    else:
        assert kept.strip() == shown.stdout.strip()


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_file_is_made_to_be_shared_so_private_entries_stay_out(
    example_journal: Path, tmp_path: Path, fmt: str
) -> None:
    journal = ("--journal", str(example_journal))
    on_screen = invoke(*journal, "report", "--growth", "-f", fmt, env=TODAY)
    target = tmp_path / "growth.out"
    written = invoke(*journal, "report", "--growth", "-f", fmt, "-o", str(target), env=TODAY)
    assert written.exit_code == 0, written.stderr
    assert "left out 2 private entries" in written.stderr
    assert "left out" not in on_screen.stderr
    kept = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert (json.loads(on_screen.stdout)["entries"], json.loads(kept)["entries"]) == (96, 94)
    else:
        assert "96 entries" in on_screen.stdout and "94 entries" in kept


def test_the_credits_table_goes_to_the_file_it_is_given(example_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "credits.txt"
    written = invoke(
        "--journal", str(example_journal), "credits", "--pack", "va", "-o", str(target), env=TODAY
    )
    assert written.exit_code == 0, written.stderr
    assert written.stdout == ""
    assert "points to go" in target.read_text(encoding="utf-8")


def test_o_into_a_folder_that_does_not_exist_writes_nothing(example_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "growth.md"
    result = invoke(
        "--journal", str(example_journal), "report", "--growth", "-f", "markdown", "-o", str(target)
    )
    assert result.exit_code == 1
    assert f"the folder {target.parent} does not exist" in result.stderr
    assert not target.parent.exists()
