"""`pln list`, `pln show`, `pln edit`."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write


@pytest.fixture
def logged(pln: Run) -> Run:
    pln("add", "person", "Jane Doe", "--role", "teacher", "--no-commit")
    pln("add", "person", "Tom Lee", "--no-commit")
    pln("add", "space", "#sschat", "--no-commit")
    pln("add", "space", "Edcamp Tulsa", "--no-commit")
    pln("add", "tool", "Wakelet", "--no-commit")
    pln("add", "goal", "Grading", "--no-commit")
    pln(
        "log",
        "A",
        "--date",
        "2026-01-05",
        "--space",
        "sschat",
        "--with",
        "jane-doe",
        "--cognitive",
        "x",
        "--engagement",
        "read",
        "--tag",
        "grading",
        "--no-commit",
    )
    pln(
        "log",
        "B",
        "--date",
        "2026-02-05",
        "--space",
        "edcamp-tulsa",
        "--with",
        "tom-lee",
        "--tool",
        "wakelet",
        "--social",
        "y",
        "--engagement",
        "led",
        "--goal",
        "grading",
        "--no-commit",
    )
    pln(
        "log",
        "C",
        "--date",
        "2026-03-05",
        "--with",
        "jane-doe,tom-lee",
        "--growth",
        "identity",
        "--no-commit",
    )
    return pln


def titles(run: Run, *filters: str) -> list[str]:
    result = run("list", "entries", *filters, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [entry["title"] for entry in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ([], ["A", "B", "C"]),
        (["--from", "2026-02-01"], ["B", "C"]),
        (["--to", "2026-02-05"], ["A", "B"]),
        (["--space", "sschat"], ["A"]),
        (["--space", "Edcamp Tulsa"], ["B"]),
        (["--with", "jane-doe"], ["A", "C"]),
        (["--with", "Tom Lee"], ["B", "C"]),
        (["--tool", "wakelet"], ["B"]),
        (["--tag", "GRADING"], ["A"]),
        (["--growth", "social"], ["B"]),
        (["--growth", "identity,cognitive"], ["A", "C"]),
        (["--engagement", "led"], ["B"]),
        (["--goal", "grading"], ["B"]),
        (["--from", "2027-01-01"], []),
    ],
)
def test_list_entries_filters(logged: Run, filters: list[str], expected: list[str]) -> None:
    assert titles(logged, *filters) == expected


def test_list_json_shape(logged: Run) -> None:
    entry = json.loads(logged("list", "entries", "--format", "json").stdout)[0]
    assert entry["id"] == "2026-01-05-a" and entry["path"] == "entries/2026/2026-01-05-a.md"
    assert entry["date"] == "2026-01-05" and entry["growth"] == {"cognitive": "x"}
    c = json.loads(logged("list", "entries", "--with", "tom-lee", "--format", "json").stdout)[1]
    assert c["growth"] == {"identity": None}


def test_list_people_table_and_csv(logged: Run) -> None:
    table = logged("list", "people")
    assert table.stdout.splitlines()[0].split() == [
        "id",
        "name",
        "roles",
        "subjects",
        "organization",
        "location",
        "provides",
    ]
    assert table.stdout.splitlines()[1].split() == ["jane-doe", "Jane", "Doe", "teacher"]
    rows = list(csv.DictReader(io.StringIO(logged("list", "people", "--format", "csv").stdout)))
    assert [row["name"] for row in rows] == ["Jane Doe", "Tom Lee"]


def test_list_unknown_filter_reference(logged: Run) -> None:
    result = logged("list", "entries", "--with", "janet")
    assert result.exit_code == 1 and "unknown person 'janet'" in result.stderr


def test_list_skips_a_broken_file_with_a_warning(logged: Run, journal: Path) -> None:
    write(journal / "entries" / "2026" / "2026-04-01-broken.md", "---\ndate: [unclosed\n---\n")
    result = logged("list", "entries", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 3
    assert "skipped entries/2026/2026-04-01-broken.md:" in result.stderr and "pln check" in result.stderr


def test_show_person_and_entry(logged: Run) -> None:
    person = logged("show", "jane-doe")
    assert "name   Jane Doe\nroles  teacher\n" in person.stdout
    data = json.loads(logged("show", "2026-01-05-a", "--format", "json").stdout)
    assert data["title"] == "A" and data["body"] == ""
    assert logged("show", "entry:2026-02-05-b", "--format", "json").exit_code == 0


def test_show_unknown_and_ambiguous(logged: Run) -> None:
    assert logged("show", "nobody").stderr == "pln: error: no record with the id 'nobody'\n"
    logged("add", "tool", "Sschat", "--no-commit")
    result = logged("show", "sschat")
    assert result.exit_code == 1 and "space:sschat (#sschat), tool:sschat (Sschat)" in result.stderr


def test_show_escapes_control_sequences(pln: Run, journal: Path) -> None:
    write(
        journal / "people" / "evil.md", '---\nname: "Evil \\e[2J[bold]x[/bold]"\n---\nbody \x1b]0;title\x07\n'
    )
    result = pln("show", "evil")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Evil \\x1b[2J[bold]x[/bold]" in result.stdout and "\\x1b]0;title\\x07" in result.stdout


def test_rich_table_on_a_terminal_never_interprets_markup() -> None:
    from rich.console import Console

    from plnjournal.render.table import render_rich

    console = Console(file=io.StringIO(), force_terminal=True, width=80, color_system=None)
    console.print(render_rich(("name",), [["[bold]Jane[/bold] [link=x]y[/link]\x1b[31m"]]))
    shown = console.file.getvalue()
    assert "[bold]Jane[/bold] [link=x]y[/link]\\x1b[31m" in shown


def editor_script(tmp_path: Path, python_code: str) -> str:
    script = write(tmp_path / "editor.py", f"import sys\npath = sys.argv[1]\n{python_code}\n")
    return f"{sys.executable} {script}"


def test_edit_opens_the_file_in_the_editor(logged: Run, journal: Path, tmp_path: Path) -> None:
    editor = editor_script(tmp_path, "open(path, 'a').write('Added in the editor.\\n')")
    result = logged("edit", "jane-doe", env={"EDITOR": editor})
    assert result.exit_code == 0, result.stderr
    assert (journal / "people" / "jane-doe.md").read_text().endswith("Added in the editor.\n")


def test_edit_that_breaks_the_file_keeps_the_text_and_warns(
    logged: Run, journal: Path, tmp_path: Path
) -> None:
    editor = editor_script(tmp_path, "open(path, 'w').write('---\\nname: [oops\\n---\\nkept\\n')")
    result = logged("edit", "jane-doe", env={"EDITOR": editor})
    assert "people/jane-doe.md:" in result.stderr
    assert (journal / "people" / "jane-doe.md").read_text() == "---\nname: [oops\n---\nkept\n"


def test_edit_without_an_editor(logged: Run) -> None:
    result = logged("edit", "jane-doe")
    assert result.exit_code == 1 and "set $EDITOR" in result.stderr


def test_python_dash_m_runs_pln(journal: Path) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "plnjournal", "--journal", str(journal), "list", "people"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("id")


def test_help_lists_the_commands() -> None:
    result = invoke("--help")
    for command in ("init", "add", "log", "list", "show", "edit", "rename", "rm"):
        assert f"  {command} " in result.stdout
