"""`pln edit ID`: the file is checked after the editor closes; broken text is kept, never lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from tests.helpers import Run, write
from tests.helpers.gitrepo import porcelain, subjects
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


def script_editor(tmp_path: Path, code: str) -> str:
    """An $EDITOR running `code` with `path` bound to the file it is given."""
    script = write(
        tmp_path / "script_editor.py", f"import pathlib, sys\npath = pathlib.Path(sys.argv[1])\n{code}\n"
    )
    return f"{sys.executable} {script}"


def test_a_file_that_does_not_parse_still_opens_and_a_fix_is_committed(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    jane = write(journal / "people" / "jane-doe.md", BROKEN)
    result = pln("edit", "jane-doe", env={"EDITOR": editor(tmp_path, FIXED)})
    assert (result.exit_code, result.stderr) == (0, "")
    assert jane.read_text(encoding="utf-8") == FIXED
    assert subjects(journal)[0] == "edit person jane-doe"
    assert porcelain(journal) == []


def test_an_edit_that_leaves_the_file_broken_is_saved_but_not_committed(
    pln: Run, journal: Path, tmp_path: Path
) -> None:
    assert pln("add", "person", "Jane Doe").exit_code == 0
    result = pln("edit", "jane-doe", env={"EDITOR": editor(tmp_path, BROKEN)})
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "pln: error: people/jane-doe.md was kept as written but does not read, so pln did not commit it; "
        "fix it with 'pln edit jane-doe'\n"
    )
    assert (journal / "people" / "jane-doe.md").read_text(encoding="utf-8") == BROKEN
    assert subjects(journal)[0] == "add person jane-doe"
    assert porcelain(journal) == [" M people/jane-doe.md"]


def test_an_editor_that_fails_leaves_the_file_alone_and_keeps_its_text(
    pln: Run, jane: Path, journal: Path, tmp_path: Path
) -> None:
    crash = script_editor(
        tmp_path, "path.write_text('---\\nname: Jane Doe\\n---\\nHalf a thought\\n')\nsys.exit(2)"
    )
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": crash})
    draft = journal / ".pln" / "drafts" / "edit-jane-doe.md"
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: the editor exited with status 2; people/jane-doe.md is unchanged and what the editor "
        "left is kept at .pln/drafts/edit-jane-doe.md: copy what you want from it, then delete it\n",
    )
    assert jane.read_text(encoding="utf-8") == PERSON
    assert draft.read_text(encoding="utf-8") == "---\nname: Jane Doe\n---\nHalf a thought\n"
    assert ".pln/drafts/edit-jane-doe.md:1: warning: an edit that was not saved" in pln("check").stdout


def test_an_editor_that_fails_before_any_change_leaves_nothing_behind(
    pln: Run, jane: Path, journal: Path
) -> None:
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": "false"})
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: the editor exited with status 1; people/jane-doe.md is unchanged\n",
    )
    assert list((journal / ".pln" / "drafts").iterdir()) == []


def test_an_editor_that_returns_at_once_is_named(pln: Run, jane: Path) -> None:
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": "true"})
    assert (result.exit_code, result.stderr) == (
        0,
        "pln: the editor closed without changing people/jane-doe.md; nothing to save (an editor that "
        "returns at once needs its wait flag, e.g. EDITOR='code --wait')\n",
    )


def test_a_change_on_disk_while_the_editor_is_open_is_never_overwritten(
    pln: Run, jane: Path, journal: Path, tmp_path: Path
) -> None:
    synced = "---\nname: Jane Doe\nroles: [teacher, coach]\n---\nFrom the other laptop.\n"
    code = (
        f"pathlib.Path({str(jane)!r}).write_text({synced!r})  # a sync lands meanwhile\n"
        "path.write_text(path.read_text() + 'Mine.\\n')"
    )
    result = pln("edit", "jane-doe", "--no-commit", env={"EDITOR": script_editor(tmp_path, code)})
    assert (result.exit_code, result.stderr) == (
        1,
        "pln: error: people/jane-doe.md changed on disk while you were editing it (a sync, another device "
        "or editor?); it is left as it is now, and your version is kept at .pln/drafts/edit-jane-doe.md: "
        "compare the two and copy over what you want\n",
    )
    assert jane.read_text(encoding="utf-8") == synced
    assert (journal / ".pln/drafts/edit-jane-doe.md").read_text(encoding="utf-8") == PERSON + "Mine.\n"
