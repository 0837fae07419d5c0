"""The cold load on many files: parsed on every core, its index rows streamed into SQLite as the
workers send them back; the output is the one `--no-cache` and a warm run give, and a run killed
before its commit leaves nothing in the index that a later run would trust."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plnjournal.journal import cache
from tests.helpers import invoke, write
from tests.journal.test_cache import ENTRY, settle

COMMANDS = (
    ("report", "--growth", "--format", "json"),
    ("list", "entries", "--format", "json"),
    ("status", "--format", "json"),
)


def seen(root: Path, *options: str) -> list[str]:
    """What the user sees of each command (stdout and stderr), in order."""
    found = []
    for args in COMMANDS:
        result = invoke("--journal", str(root), *options, *args)
        assert result.exit_code == 0, result.stderr
        found.append(result.stdout + result.stderr)
    return found


@pytest.fixture
def parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse on several processes from two files on (as a big journal would)."""
    monkeypatch.setenv("PLN_PARALLEL_MIN_FILES", "2")


def entry_paths(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in (root / "entries").rglob("*.md")}


@pytest.mark.usefixtures("parallel")
def test_a_first_run_on_many_files_stores_every_entry_and_shows_what_no_cache_shows(
    example_journal: Path,
) -> None:
    write(example_journal / "entries" / "2026" / "2026-03-04-bad.md", "---\ndate: [unclosed\n---\nbody\n")
    settle()
    fresh = seen(example_journal, "--no-cache")
    assert not cache.index_file(example_journal).exists()
    first = seen(example_journal)  # no .pln/ yet: the cold load, which writes the index
    assert set(cache.read(example_journal, "entry")) == entry_paths(example_journal)
    assert first == fresh
    assert seen(example_journal) == fresh  # and the warm run, from the index
    assert "2026-03-04-bad.md:3" in first[0]


@pytest.mark.usefixtures("parallel")
def test_a_file_changed_as_it_is_read_is_read_but_not_stored(example_journal: Path) -> None:
    new = write(
        example_journal / "entries" / "2026" / "2026-03-09-just-now.md",
        ENTRY.format(day=9, title="Zqjustnow", minutes=5, body="typed a moment ago"),
    )
    ahead = time.time() + 60  # as if written a moment after the load began (or by a clock ahead)
    os.utime(new, (ahead, ahead))
    settle()
    listed = invoke("--journal", str(example_journal), "list", "entries", "--format", "json")
    stored = cache.read(example_journal, "entry")
    assert "entries/2026/2026-03-09-just-now.md" not in stored  # its mtime is too fresh to trust
    assert len(stored) == len(entry_paths(example_journal)) - 1
    assert "Zqjustnow" in listed.stdout
    os.utime(new, (ahead - 3600, ahead - 3600))
    settle()
    assert seen(example_journal) == seen(example_journal, "--no-cache")
    assert new.relative_to(example_journal).as_posix() in cache.read(example_journal, "entry")


KILLED_WRITER = """
import dataclasses, os, sys, time
from pathlib import Path
from plnjournal.journal import cache, scan
from plnjournal.journal.index_write import Stream
from plnjournal.journal.parse import parse_file

root, path = Path(sys.argv[1]), sys.argv[2]
record, problems = parse_file(str(root / path), path, "entry")
record = dataclasses.replace(record, title="Zqstale")
key = cache.stat_key((root / path).stat())
stream = Stream(root, "entry")
stream.add([(path, key, *scan.prepare("entry", record, problems))])
time.sleep(0.5)  # the thread has inserted the row by now, in its open transaction
os._exit(9)  # killed before the commit
"""


def test_a_run_killed_while_streaming_leaves_nothing_trusted(example_journal: Path) -> None:
    settle()
    path = "entries/2025/2025-08-04-sschat-on-the-first-weeks-of-school.md"
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(example_journal), path])
    assert killed.returncode == 9
    assert path not in cache.read(example_journal, "entry")  # the stream's rows were never committed
    fresh = seen(example_journal, "--no-cache")
    assert seen(example_journal) == fresh
    assert "Zqstale" not in "".join(fresh)
    assert path in cache.read(example_journal, "entry")  # the next run built the index


@pytest.mark.usefixtures("parallel")
def test_a_journal_whose_index_cannot_be_written_loads_the_same(example_journal: Path) -> None:
    settle()
    fresh = seen(example_journal, "--no-cache")
    (example_journal / ".pln").write_text("not a folder")  # so no index can be made
    assert seen(example_journal) == fresh
