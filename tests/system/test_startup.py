"""Start-up stays light: `pln log` never reads the entries (nor the kinds it names none of), `pln
--help` imports no heavy module."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.helpers import invoke, write

OPENED: list[str] = []
RECORDING = {"on": False}


def _record(event: str, args: tuple) -> None:
    """An audit hook (Python calls it on every open and folder listing) that notes the paths."""
    if RECORDING["on"] and event in ("open", "os.scandir", "os.listdir") and args and args[0]:
        OPENED.append(f"{event} {args[0]}")


sys.addaudithook(_record)  # hooks cannot be removed; RECORDING switches this one on and off


def test_log_reads_no_entry_file_no_entries_folder_nor_a_kind_it_names_none_of(example_journal: Path) -> None:
    write(example_journal / "entries" / "2026" / "2026-01-01-old.md", "---\ndate: 2026-01-01\n---\n")
    OPENED.clear()
    RECORDING["on"] = True
    try:
        result = invoke(
            "--journal", str(example_journal), "log", "Coffee with Beth", "--date", "2026-06-01", "-m", "x",
            "--with", "beth",
        )  # fmt: skip
    finally:
        RECORDING["on"] = False
    assert result.exit_code == 0, result.stderr
    new_entry = str(example_journal / result.stdout.strip())
    entries = str(example_journal / "entries")
    assert any(seen.startswith(f"open {example_journal / 'people'}") for seen in OPENED)  # hook works
    assert not [seen for seen in OPENED if seen.startswith(f"open {example_journal / 'tools'}")]
    assert not [
        seen for seen in OPENED if seen.startswith(("os.scandir " + entries, "os.listdir " + entries))
    ]
    assert not [
        seen
        for seen in OPENED
        if seen.startswith(f"open {entries}") and seen.endswith(".md") and not seen.endswith(new_entry)
    ]


def test_log_writes_a_common_entry_without_yaml_and_an_unusual_one_with_it(example_journal: Path) -> None:
    """PyYAML takes 12 ms to import, an eighth of a `pln log`: the shortcut writes the common
    shape (journal/simple_yaml.py), and PyYAML still writes what the shortcut leaves to it. (The
    example's pln.yaml has a comment: the index keeps its parse once it is settled.)"""
    root = str(example_journal)
    time.sleep(0.4)
    invoke("--journal", root, "list", "entries")
    common = ("log", "Coffee with Beth: exit tickets", "-m", "x", "--with", "beth", "--tag", "feedback")
    assert "yaml" not in modules_after("--journal", root, *common, "--minutes", "20", "--no-commit")
    unusual = ("log", "3rd period debate", "-m", "x", "--no-commit")  # a digit first: YAML decides
    assert "yaml" in modules_after("--journal", root, *unusual)
    written = sorted((example_journal / "entries").rglob("*3rd-period-debate.md"))
    assert written and "title: 3rd period debate\n" in written[0].read_text()


def test_help_imports_no_report_yaml_date_parsing_git_or_cache_code() -> None:
    script = (
        "import contextlib, io, sys\n"
        "sys.argv = ['pln', '--help']\n"
        "from plnjournal.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()\n"
        "print('\\n'.join(sys.modules))\n"
    )
    modules = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "plnjournal.cli.main" in modules
    heavy = (
        "yaml",
        "dateparser",
        "pydantic",
        "plnjournal.reports",
        "plnjournal.git",
        "plnjournal.journal.load",
    )
    assert [name for name in modules if name.startswith(heavy)] == []
    from plnjournal.cli.main import COMMANDS

    assert [name for name in COMMANDS if f"plnjournal.cli.{name}" in modules] == []  # cli/listed.py


def test_the_listed_commands_are_the_whole_app_s_in_order_with_their_first_sentences() -> None:
    """cli/listed.py's table, checked against the commands themselves: a docstring edited or a
    command added, renamed or moved fails here, naming it, before `pln --help` shows it wrong."""
    import inspect

    from typer._click.utils import make_default_short_help
    from typer.main import get_command_name

    from plnjournal.cli.listed import LISTED
    from plnjournal.cli.main import build

    def first_sentence(text: str) -> str:
        return make_default_short_help(text, max_length=len(text))

    def group_help(group: Any) -> str:  # its own help, else its callback's docstring
        own = group.info.help
        return own if isinstance(own, str) else inspect.getdoc(group.registered_callback.callback)

    whole = build()
    commands = [
        (info.name or get_command_name(info.callback.__name__), inspect.getdoc(info.callback), False)  # type: ignore[union-attr]
        for info in whole.registered_commands
    ]
    groups = [(group.name, group_help(group.typer_instance), True) for group in whole.registered_groups]
    told = [(name, first_sentence(text), group) for name, text, group in commands + groups]
    assert list(LISTED) == told


def test_help_without_parameters_is_the_whole_app_s_help() -> None:
    """`pln --help` lists the commands without building their parameters: the same text."""
    whole = "import sys; from plnjournal.cli.main import app; sys.argv[0] = 'pln'; app()"
    alone = "import sys; from plnjournal.cli.main import main; sys.argv[0] = 'pln'; main()"
    for args in (["--no-cache"], [], ["--help"]):
        listed = subprocess.run([sys.executable, "-c", alone, *args], capture_output=True, text=True)
        built = subprocess.run([sys.executable, "-c", whole, *args], capture_output=True, text=True)
        assert (listed.returncode, listed.stdout, listed.stderr) == (
            built.returncode,
            built.stdout,
            built.stderr,
        )
    assert "  status     Where your PLN stands today, at a glance.\n" in listed.stdout


def modules_after(*args: str) -> list[str]:
    """The modules a real `pln ARGS` process has imported by the time it ends."""
    script = (
        "import contextlib, io, sys\n"
        f"sys.argv = ['pln', *{list(args)!r}]\n"
        "from plnjournal.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main()\n"
        "sys.__stdout__.write('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_commands_with_plain_values_do_not_import_pydantic_or_the_parser(example_journal: Path) -> None:
    root = str(example_journal)
    invoke("--journal", root, "list", "entries")  # the index is made; the next runs parse nothing
    time.sleep(0.4)
    invoke("--journal", root, "list", "entries")
    for args in (
        ("status",),
        ("list", "entries", "--format", "json", "--tag", "grading", "--where", "minutes>30"),
        ("search", "rubric", "-n", "3"),
    ):
        modules = modules_after("--journal", root, *args)
        assert "plnjournal.cli.main" in modules
        assert [name for name in modules if name.startswith(("pydantic", "multiprocessing"))] == [], args


def test_a_wrong_value_still_gets_typer_s_own_message(example_journal: Path) -> None:
    root = str(example_journal)
    low = invoke("--journal", root, "search", "rubric", "--limit", "0")
    assert low.exit_code == 2 and "Invalid value for '--limit' / '-n'" in low.stderr
    kind = invoke("--journal", root, "list", "entris")
    assert kind.exit_code == 2 and "'entris' is not one of 'people', 'spaces'" in kind.stderr
    assert invoke("--journal", root, "list", "entries", "--format", "json").exit_code == 0


def test_version() -> None:
    from importlib.metadata import version

    from plnjournal import __version__

    result = subprocess.run([sys.executable, "-m", "plnjournal", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout == f"pln {__version__}\n" == f"pln {version('plnjournal')}\n"


def test_each_command_is_found_in_the_module_commands_names() -> None:
    """`pln CMD` registers only CMD's module: COMMANDS must name every module's commands exactly."""
    import typer.main

    from plnjournal.cli.main import COMMANDS, build

    whole = set(typer.main.get_command(build()).commands)  # type: ignore[attr-defined]
    assert whole == {name for names in COMMANDS.values() for name in names}
    for names in COMMANDS.values():
        alone = typer.main.get_command(build(names[0]))
        assert set(alone.commands) == set(names)  # type: ignore[attr-defined]


def test_a_command_alone_still_reads_global_options_and_unknown_words_get_every_command(
    example_journal: Path,
) -> None:
    from plnjournal.cli.main import command_word

    assert command_word(["-J", "status", "list", "--format", "json"]) == "list"
    assert command_word(["--journal", "x", "--no-cache", "add", "person", "Jo"]) == "add"
    assert command_word(["--help"]) is None
    modules = modules_after("--journal", str(example_journal), "status")
    assert "plnjournal.cli.status" in modules and "plnjournal.cli.log" not in modules
    result = subprocess.run(
        [sys.executable, "-m", "plnjournal", "--journal", str(example_journal), "statsu"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and "No such command 'statsu'. Did you mean 'status'?" in result.stderr


def test_json_and_the_terminal_import_no_writer_of_other_formats(example_journal: Path) -> None:
    """A report as JSON is its data: no view, nor the HTML, CSV or Markdown writers; status on a
    terminal needs no HTML either."""
    root = str(example_journal)
    report = modules_after("--journal", root, "report", "--growth", "--format", "json")
    assert "plnjournal.reports.growth" in report
    assert [name for name in report if name.startswith(("plnjournal.render.views", "html", "csv"))] == []
    assert "plnjournal.render.html" not in modules_after("--journal", root, "status")
    assert "plnjournal.render.views.growth" in modules_after("--journal", root, "report", "--growth")


def test_importing_the_command_line_leaves_the_garbage_collector_as_it_was() -> None:
    """cli/main.py pauses the collector while it loads; an importer (the tests, completion) gets
    it back as it had it."""
    check = "import gc; {} import plnjournal.cli.main; print(gc.isenabled())"
    for before, expected in (("", "True"), ("gc.disable();", "False")):
        result = subprocess.run([sys.executable, "-c", check.format(before)], capture_output=True, text=True)
        assert result.stdout.strip() == expected, result.stderr


def test_an_edited_entry_of_simple_front_matter_is_read_without_yaml(example_journal: Path) -> None:
    """After a teacher edits one entry, the next command parses it, with the shortcut reader
    when its front matter is plain `key: value` lines: PyYAML, 12 ms to import, is not loaded."""
    root = str(example_journal)
    invoke("--journal", root, "list", "entries")
    time.sleep(0.4)
    invoke("--journal", root, "list", "entries")  # every file indexed (the first run's were too new)
    entry = next((example_journal / "entries").rglob("*.md"))
    write(entry, "---\ndate: 2026-03-02\ntitle: Hallway chat\nminutes: 10\n---\nNotes.\n")
    assert "yaml" not in modules_after("--journal", root, "list", "entries")
    write(entry, "---\ndate: 2026-03-02\ntitle: Hallway chat  # a comment: YAML reads it\n---\nNotes.\n")
    assert "yaml" in modules_after("--journal", root, "list", "entries")


def test_the_commands_annotations_are_evaluated_once_as_the_app_is_built() -> None:
    """typer reads a signature two to four times per command; annotations left as text would be
    compiled and evaluated each time (cli/main.py `_evaluate_annotations`)."""
    from plnjournal.cli.main import build

    made = build()
    callbacks = [info.callback for info in made.registered_commands]
    callbacks += [
        info.callback for group in made.registered_groups for info in group.typer_instance.registered_commands
    ]  # type: ignore[union-attr]
    assert len(callbacks) > 30
    assert [
        c.__name__ for c in callbacks if any(isinstance(a, str) for a in c.__annotations__.values())
    ] == []  # type: ignore[union-attr]
