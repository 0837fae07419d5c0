"""`pln edit ID`: the file is checked after the editor closes; broken text is kept, never lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from tests.helpers import Run, write
from tests.helpers.terminal import converse, spawn

PERSON = "---\nname: Jane Doe\nroles: [teacher]\n---\nMet at Edcamp.\n"
BROKEN = "---\nname: Jane Doe\nroles: [teacher\n---\nMet at Edcamp.\n"
FIXED = "---\nname: Jane Doe\nroles: [teacher, mentor]\n---\nMet at Edcamp.\n"


def editor(tmp_path: Path, *versions: str) -> str:
    """An $EDITOR that writes the next of `versions` each time it runs (a count kept beside it)."""
    script = write(
        tmp_path / "editor.py",
        "import json, pathlib, sys\n"
        f"versions = {list(versions)!r}\n"
        f"count = pathlib.Path({str(tmp_path / 'count')!r})\n"
        "n = int(count.read_text()) if count.exists() else 0\n"
        "count.write_text(str(n + 1))\n"
        "pathlib.Path(sys.argv[1]).write_text(versions[min(n, len(versions) - 1)])\n",
    )
    return f"{sys.executable} {script}"


def runs(tmp_path: Path) -> int:
    return int((tmp_path / "count").read_text())


@pytest.fixture
def jane(journal: Path) -> Path:
    return write(journal / "people" / "jane-doe.md", PERSON)


def test_broken_yaml_without_a_terminal_is_kept_with_a_warning_and_exit_1(
    pln: Run, jane: Path, tmp_path: Path
) -> None:
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": editor(tmp_path, BROKEN)})
    assert result.exit_code == 1
    assert result.stderr.startswith("pln: warning: people/jane-doe.md:4: error: YAML: ")
    assert "pln: error: people/jane-doe.md was kept as written but does not read" in result.stderr
    assert jane.read_text(encoding="utf-8") == BROKEN
    assert runs(tmp_path) == 1


def test_a_good_edit_is_quiet(pln: Run, jane: Path, tmp_path: Path) -> None:
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": editor(tmp_path, FIXED)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert jane.read_text(encoding="utf-8") == FIXED


def test_a_missing_date_is_reported(pln: Run, journal: Path, tmp_path: Path) -> None:
    entry = write(journal / "entries" / "2026" / "2026-11-23-chat.md", "---\ndate: 2026-11-23\n---\nx\n")
    result = pln(
        "edit", "2026-11-23-chat", "--no-commit", env={"EDITOR": editor(tmp_path, "---\ntitle: x\n---\n")}
    )
    assert result.exit_code == 1
    assert "entries/2026/2026-11-23-chat.md:1: error: an entry needs a 'date'" in result.stderr
    assert entry.read_text(encoding="utf-8") == "---\ntitle: x\n---\n"


def spawn_edit(journal: Path, tmp_path: Path, *versions: str) -> pexpect.spawn:
    return spawn(journal, "edit", "jane-doe", "--no-commit", EDITOR=editor(tmp_path, *versions))


def test_on_a_terminal_the_user_edits_again_until_it_reads(journal: Path, jane: Path, tmp_path: Path) -> None:
    status = converse(
        spawn_edit(journal, tmp_path, BROKEN, FIXED),
        ("people/jane-doe.md:4: error: YAML:", None),
        ("[e]dit again, or [k]eep it as written? [e] ", ""),
    )
    assert status == 0
    assert jane.read_text(encoding="utf-8") == FIXED
    assert runs(tmp_path) == 2


def test_on_a_terminal_the_user_may_keep_it_as_written(journal: Path, jane: Path, tmp_path: Path) -> None:
    status = converse(
        spawn_edit(journal, tmp_path, BROKEN),
        ("[k]eep it as written? [e] ", "k"),
        ("was kept as written but does not read", None),
    )
    assert status == 1
    assert jane.read_text(encoding="utf-8") == BROKEN
    assert runs(tmp_path) == 1
