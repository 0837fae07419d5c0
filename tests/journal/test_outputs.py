"""A report's output kept in the index (journal/outputs.py): written again only while every file,
pln.yaml, pln itself, the command line and the day are as they were; else made anew, the same
as `pln --no-cache` gives."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from plnjournal.cli.scope import entry_fields_read
from plnjournal.journal import cache, outputs
from plnjournal.journal.load import load
from plnjournal.journal.walk import walk
from plnjournal.model import FOLDERS
from plnjournal.query import FilterOptions
from plnjournal.render.registry import REPORTS
from tests.helpers import invoke, write
from tests.journal.test_cache import outputs as both_outputs
from tests.journal.test_cache import settle

GROWTH = ("report", "--growth", "--format", "json")
LIST = ("list", "entries", "--format", "json")
STATUS = ("status",)
STATUS_JSON = ("status", "--format", "json")
KEPT = pytest.mark.parametrize(
    "command", [GROWTH, LIST, STATUS, STATUS_JSON], ids=["report", "list", "status", "status-json"]
)
DOCTORED = "a kept output\n"
ODD = """---
date: 2025-09-01
title: Odd one
growth:
  cognitive: a note
  wisdom: a dimension pln does not know
minutes: 20
---
Body.
"""


def name_of(args: tuple[str, ...]) -> str:
    """The name a command's output is kept under (`report --growth`: growth)."""
    if args[0] == "status":
        return f"status {args[2] if len(args) > 1 else 'table'}"
    return f"list {args[1]}" if args[0] == "list" else args[1].removeprefix("--")


def kept_key(root: Path, name: str = "growth") -> bytes | None:
    blob = cache.kept(root, outputs.PREFIX + name)
    return None if blob is None else marshal.loads(blob)[1]


def doctored(root: Path, *args: str) -> None:
    """Keep the output of `args`, then put another text under its key: a run that prints that
    text was served from what the index keeps."""
    settle()
    assert invoke("--journal", str(root), *args).exit_code == 0
    name = name_of(args)
    found = outputs.kept(root, name)
    assert found is not None
    outputs.keep(root, name, found.made_of, found.values, [(1, DOCTORED), (2, "pln: warning: kept\n")])
    result = invoke("--journal", str(root), *args)
    assert (result.stdout, result.stderr) == (DOCTORED, "pln: warning: kept\n")


def same_as_no_cache(root: Path, *args: str) -> str:
    cached, fresh = both_outputs(root, *args)
    assert cached == fresh
    assert DOCTORED not in cached
    return cached


@KEPT
def test_a_kept_output_gives_the_same_output_and_warnings_as_no_cache(
    example_journal: Path, command: tuple[str, ...]
) -> None:
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)
    write(example_journal / "entries/2025/2025-09-02-unread.md", "---\ndate: [2025\n---\n")
    settle()
    first = same_as_no_cache(example_journal, *command)  # made, and kept
    assert kept_key(example_journal, name_of(command)) is not None
    again = same_as_no_cache(example_journal, *command)  # written again from the index
    assert again == first
    assert "2025-09-02-unread.md" in again
    assert command != GROWTH or "2025-09-01-odd.md:4: growth: 'wisdom'" in again  # what it reads


def _edit(root: Path) -> None:
    path = root / "entries/2025/2025-09-01-odd.md"
    path.write_text(ODD.replace("a note", "b note"), encoding="utf-8")


def _mtime_put_back(root: Path) -> None:
    path = root / "entries/2025/2025-09-01-odd.md"
    before = path.stat()
    path.write_text(ODD.replace("a note", "b note"), encoding="utf-8")  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _new_file(root: Path) -> None:
    write(root / "entries/2025/2025-09-02-new.md", ODD.replace("2025-09-01", "2025-09-02"))


def _removed(root: Path) -> None:
    (root / "entries/2025/2025-09-01-odd.md").unlink()


def _person_edited(root: Path) -> None:
    person = next((root / "people").glob("*.md"))
    person.write_text(person.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")


def _settings_edited(root: Path) -> None:
    config = root / "pln.yaml"
    settings = config.read_text(encoding="utf-8")
    config.write_text(
        settings.replace("school_year_start: 07-01", "school_year_start: 08-01"), encoding="utf-8"
    )


def _another_day(root: Path) -> None:
    os.environ["PLN_TODAY"] = "2025-12-31"


@pytest.mark.parametrize(
    "change",
    [_edit, _mtime_put_back, _new_file, _removed, _person_edited, _settings_edited, _another_day],
)
@KEPT
def test_any_change_to_what_it_was_made_of_makes_it_anew(
    example_journal: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
    command: tuple[str, ...],
) -> None:
    monkeypatch.delenv("PLN_TODAY", raising=False)
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)
    doctored(example_journal, *command)
    change(example_journal)
    same_as_no_cache(example_journal, *command)


FILTERS = [
    ("--from", "2025-09-01"),
    ("--to", "2026-01-01"),
    ("--with", "dana-whitfield"),
    ("--where", "engagement=read"),
]


@pytest.mark.parametrize(
    ("command", "other"),
    [
        *((GROWTH, other) for other in [*FILTERS, ("--by", "week")]),
        *((LIST, other) for other in FILTERS),
        (("list", "people", "--format", "json"), ()),  # another kind: kept under its own name
    ],
)
def test_another_command_line_is_made_anew(
    example_journal: Path, command: tuple[str, ...], other: tuple[str, ...]
) -> None:
    doctored(example_journal, *LIST if command[0] == "list" else GROWTH)
    same_as_no_cache(example_journal, *command, *other)


def test_an_edit_to_pln_itself_makes_it_anew(
    example_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "package"
    write(package / "module.py", "A = 1\n")
    monkeypatch.setattr(outputs, "_PACKAGE", package)
    doctored(example_journal, *GROWTH)
    write(package / "module.py", "A = 22\n")
    same_as_no_cache(example_journal, *GROWTH)


def test_a_damaged_kept_output_is_not_trusted(example_journal: Path) -> None:
    doctored(example_journal, *GROWTH)
    blob = cache.kept(example_journal, outputs.PREFIX + "growth")
    assert blob is not None
    version, key, values, packed = marshal.loads(blob)
    damaged = marshal.dumps((version, key, values, packed[:-3]))
    cache.keep(example_journal, outputs.PREFIX + "growth", damaged)
    same_as_no_cache(example_journal, *GROWTH)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--network", "--format", "json"),  # asks git as well
        ("report", "--growth", "--format", "json", "--redact"),
        ("report", "--growth", "--format", "csv"),
        ("report", "--growth", "--format", "markdown"),
        ("--no-cache", "report", "--growth", "--format", "json"),
        ("list", "entries", "--format", "csv"),
        ("list", "entries"),
        ("--no-cache", "list", "entries", "--format", "json"),
        ("status", "--format", "html"),  # made to be shared
        ("--no-cache", "status"),
    ],
)
def test_other_outputs_are_never_kept(example_journal: Path, args: tuple[str, ...]) -> None:
    settle()
    for _ in range(2):
        assert invoke("--journal", str(example_journal), *args).exit_code == 0
    command = args[1:] if args[0] == "--no-cache" else args
    name = "network" if "--network" in args else name_of(command)
    assert kept_key(example_journal, name) is None


def test_files_not_yet_settled_are_not_kept(example_journal: Path) -> None:
    settle()
    invoke("--journal", str(example_journal), "status")
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)  # just now
    same_as_no_cache(example_journal, *GROWTH)
    assert kept_key(example_journal) is None


def _body_written_on(root: Path) -> Path:
    path = root / "entries/2025/2025-09-01-odd.md"
    path.write_text(ODD + "More of the body, and the title changed.\n", encoding="utf-8")
    return path


def test_an_edit_to_nothing_the_report_reads_gives_the_kept_output(example_journal: Path) -> None:
    """The body written on, the title changed: the same values read, so the output kept for
    them is written again (and kept under the files' new stat keys)."""
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)
    doctored(example_journal, *GROWTH)
    before = kept_key(example_journal)
    path = _body_written_on(example_journal)
    path.write_text(path.read_text(encoding="utf-8").replace("Odd one", "Odd, retitled"), encoding="utf-8")
    settle()
    assert invoke("--journal", str(example_journal), *GROWTH).stdout == DOCTORED
    assert kept_key(example_journal) not in (None, before)
    assert invoke("--journal", str(example_journal), *GROWTH).stdout == DOCTORED


def test_an_edit_to_nothing_read_gives_what_no_cache_gives(example_journal: Path) -> None:
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)
    settle()
    first = same_as_no_cache(example_journal, *GROWTH)
    _body_written_on(example_journal)
    settle()
    assert same_as_no_cache(example_journal, *GROWTH) == first


@pytest.mark.parametrize(
    "line",
    ["minutes: lots", "minutes: 25", "private: true", "date: 2025-09-03", "people: [dana-whitfield]"],
)
def test_an_edit_to_a_value_read_or_a_problem_makes_it_anew(example_journal: Path, line: str) -> None:
    write(example_journal / "entries/2025/2025-09-01-odd.md", ODD)
    doctored(example_journal, *GROWTH)
    key = line.split(":")[0]
    edited = "\n".join(text for text in ODD.splitlines() if not text.startswith(f"{key}:"))
    write(
        example_journal / "entries/2025/2025-09-01-odd.md",
        edited.replace("---\n", f"---\n{line}\n", 1) + "\n",
    )
    settle()
    same_as_no_cache(example_journal, *GROWTH)


def columns_kept(root: Path) -> tuple[str, ...]:
    """The journal (with an odd entry and one that gives none) indexed, its columns kept; the
    entry fields the growth report reads."""
    write(root / "entries/2025/2025-09-01-odd.md", ODD)
    write(root / "entries/2025/2025-09-02-unread.md", "---\ndate: [2025\n---\n")  # no entry
    settle()
    assert invoke("--journal", str(root), *GROWTH).exit_code == 0
    fields = entry_fields_read(FilterOptions(), heads=True, fields=REPORTS["growth"].load().fields)
    assert fields is not None
    return fields


def _unreadable_now(root: Path) -> None:
    (root / "entries/2025/2025-09-01-odd.md").write_text("---\ndate: [2025\n---\n", encoding="utf-8")


def _linked_folder(root: Path) -> None:
    (root / "entries/linked").symlink_to(root / "people")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_body_written_on, "same"),
        (_edit, "changed"),  # a growth note
        (_mtime_put_back, "changed"),
        (_person_edited, "changed"),  # another file's stat key
        (_new_file, None),  # the columns hold other files: the load tells
        (_removed, None),
        (_unreadable_now, "changed"),  # (told by its problem)
        (_linked_folder, "changed"),
    ],
)
def test_the_values_the_columns_tell_are_the_ones_a_load_reads(
    example_journal: Path, change: Callable[[Path], None], expected: str | None
) -> None:
    """A body edit is told from the index's columns, before any load (a tenth of its time at 50k
    entries), with the very key a load gives; so a kept report is written again on it."""
    fields = columns_kept(example_journal)

    def told() -> bytes | None:
        walked = walk(example_journal, FOLDERS)
        made_of = outputs.MadeOf(example_journal, walked, ("growth",))
        found = made_of.told(example_journal, fields)
        if found is not None:  # what it told of the changed files is what a load reads of them
            assert found.agrees_with(load(example_journal, entry_heads=True, entry_fields=fields))
        return None if found is None else found.key

    before = told()
    assert before is not None
    change(example_journal)
    after = told()
    if expected is None:
        assert after is None
    else:
        assert after is not None
        assert (after == before) is (expected == "same")


def test_what_was_told_before_an_edit_does_not_agree_with_a_load_after(example_journal: Path) -> None:
    """A value edited between the telling and the load (an editor saving while pln reads): the
    output made from the load is not kept under what was told before."""
    fields = columns_kept(example_journal)
    _body_written_on(example_journal)  # a changed file, told of
    told = outputs.MadeOf(example_journal, walk(example_journal, FOLDERS), ("growth",)).told(
        example_journal, fields
    )
    assert told is not None
    assert told.agrees_with(load(example_journal, entry_heads=True, entry_fields=fields))
    _edit(example_journal)
    assert not told.agrees_with(load(example_journal, entry_heads=True, entry_fields=fields))
