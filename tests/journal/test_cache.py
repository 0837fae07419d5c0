"""The parsed-records cache in .pln/: same output as --no-cache whatever happens to the files,
never trusted when damaged, safe with two writers; parallel parsing gives the serial result."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plnjournal.journal import cache
from tests.helpers import invoke, write

ENTRY = """---
date: 2026-03-{day:02d}
title: {title}
space: sschat
engagement: read
minutes: {minutes}
---
{body}
"""


def settle() -> None:
    """Let files age past the cache's racy window, so the cache keeps (and later trusts) them."""
    time.sleep(cache.RACY_NS / 1e9 + 0.1)


def outputs(root: Path, *args: str) -> tuple[str, str]:
    """(cached, uncached) output of `pln ARGS` as the user sees it, stdout and stderr together."""
    cached = invoke("--journal", str(root), *args)
    fresh = invoke("--journal", str(root), "--no-cache", *args)
    assert cached.exit_code == fresh.exit_code == 0, cached.stderr
    return cached.stdout + cached.stderr, fresh.stdout + fresh.stderr


def assert_same_as_no_cache(root: Path) -> str:
    """Entries and people as JSON, checked equal with and without the cache; the text seen."""
    settle()
    seen = ""
    for args in (
        ("list", "entries", "--format", "json"),
        ("list", "people", "--format", "json"),
        ("report", "--growth", "--format", "json"),
    ):
        cached, fresh = outputs(root, *args)
        assert cached == fresh
        seen += cached
    return seen


def entries_json(root: Path) -> str:
    return invoke("--journal", str(root), "list", "entries", "--format", "json").stdout


def test_cache_is_written_and_gives_the_same_output(example_journal: Path) -> None:
    assert_same_as_no_cache(example_journal)
    rows = cache.read(example_journal, "entry")
    assert len(rows) == 96
    assert "entries/2025/2025-08-04-sschat-on-the-first-weeks-of-school.md" in rows


def test_no_cache_neither_reads_nor_writes_it(example_journal: Path) -> None:
    result = invoke("--journal", str(example_journal), "--no-cache", "list", "entries")
    assert result.exit_code == 0
    assert not (example_journal / ".pln" / "records-entry.bin").exists()


def test_adds_edits_renames_and_deletes_are_seen(example_journal: Path) -> None:
    entries = example_journal / "entries" / "2026"
    assert_same_as_no_cache(example_journal)
    write(entries / "2026-03-01-new.md", ENTRY.format(day=1, title="Zqadded", minutes=10, body="new"))
    assert "Zqadded" in assert_same_as_no_cache(example_journal)
    write(entries / "2026-03-01-new.md", ENTRY.format(day=1, title="Zqedited", minutes=10, body="new"))
    after_edit = assert_same_as_no_cache(example_journal)
    assert "Zqedited" in after_edit and "Zqadded" not in after_edit
    (entries / "2026-03-01-new.md").rename(entries / "2026-03-01-renamed.md")
    assert '"id": "2026-03-01-renamed"' in assert_same_as_no_cache(example_journal)
    (entries / "2026-03-01-renamed.md").unlink()
    assert "Zqedited" not in assert_same_as_no_cache(example_journal)
    result = invoke("--journal", str(example_journal), "rename", "beth-larsen", "beth-larsen-moe")
    assert result.exit_code == 0, result.stderr
    assert "beth-larsen-moe" in assert_same_as_no_cache(example_journal)


@pytest.mark.parametrize("same_size", [False, True], ids=["other-size", "same-size"])
def test_an_edit_whose_mtime_was_put_back_is_seen(example_journal: Path, same_size: bool) -> None:
    path = example_journal / "entries" / "2026" / "2026-03-02-talk.md"
    write(path, ENTRY.format(day=2, title="Before", minutes=30, body="short"))
    assert "Before" in assert_same_as_no_cache(example_journal)
    before = path.stat()
    new_title = "Afters" if same_size else "After a much longer title"
    write(path, ENTRY.format(day=2, title=new_title, minutes=30, body="short"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # like `touch -d` to the old time
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert (path.stat().st_size == before.st_size) is same_size
    assert new_title in assert_same_as_no_cache(example_journal)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"\x00garbage" * 100,  # not a cache at all
        lambda data: data.replace(b"\n1 ", b"\n999 ", 1),  # another format version
        lambda data: data[:-20] + bytes(20),  # payload changed, length kept
        lambda data: b"",  # empty
    ],
    ids=["truncated", "garbage", "other-version", "bad-checksum", "empty"],
)
def test_a_damaged_cache_is_rebuilt_not_trusted(example_journal: Path, damage) -> None:
    expected = assert_same_as_no_cache(example_journal)
    cache_file = cache.cache_file(example_journal, "entry")
    good = cache_file.read_bytes()
    cache_file.write_bytes(damage(good))
    assert cache.read(example_journal, "entry") == {}
    assert assert_same_as_no_cache(example_journal) == expected
    assert len(cache.read(example_journal, "entry")) == 96


def test_two_processes_writing_the_cache_at_once_leave_it_usable(example_journal: Path) -> None:
    expected = entries_json(example_journal)
    cache.clear(example_journal)
    environment = {**os.environ, "PLN_JOURNAL": str(example_journal)}
    command = [sys.executable, "-m", "plnjournal", "list", "entries", "--format", "json"]
    for _ in range(3):
        cache.clear(example_journal)
        runs = [subprocess.Popen(command, env=environment, stdout=subprocess.PIPE) for _ in range(4)]
        for run in runs:
            stdout, _ = run.communicate(timeout=120)
            assert run.returncode == 0
            assert stdout.decode() == expected
    assert len(cache.read(example_journal, "entry")) == 96
    assert entries_json(example_journal) == expected


def test_cache_clear_removes_the_cache_and_changes_no_output(example_journal: Path) -> None:
    settle()
    before = entries_json(example_journal)
    result = invoke("--journal", str(example_journal), "cache", "clear")
    assert result.exit_code == 0
    assert "removed 5 cache file(s)" in result.stderr
    assert not list((example_journal / ".pln").glob("records-*"))
    assert entries_json(example_journal) == before


def test_problems_are_cached_too(example_journal: Path) -> None:
    write(example_journal / "entries" / "2026" / "2026-03-04-bad.md", "---\ndate: [unclosed\n---\nbody\n")
    write(example_journal / "entries" / "2026" / "2026-03-05-nodate.md", "---\ntitle: no date\n---\n")
    settle()
    first = invoke("--journal", str(example_journal), "list", "entries")
    second = invoke("--journal", str(example_journal), "list", "entries")
    fresh = invoke("--journal", str(example_journal), "--no-cache", "list", "entries")
    assert "skipped entries/2026/2026-03-04-bad.md:3: YAML" in first.stderr
    assert "skipped entries/2026/2026-03-05-nodate.md:1: an entry needs a 'date'" in first.stderr
    assert first.stderr == second.stderr == fresh.stderr
    assert "entries/2026/2026-03-04-bad.md" in cache.read(example_journal, "entry")
    checked = invoke("--journal", str(example_journal), "check")
    checked_fresh = invoke("--journal", str(example_journal), "--no-cache", "check")
    assert checked.exit_code == checked_fresh.exit_code == 1
    assert "2026-03-04-bad.md:3" in checked.stdout + checked.stderr
    assert (checked.stdout, checked.stderr) == (checked_fresh.stdout, checked_fresh.stderr)


def test_parallel_and_serial_parsing_give_the_same_records_and_problems(
    example_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(example_journal / "entries" / "2026" / "2026-03-04-bad.md", "---\ndate: [unclosed\n---\nbody\n")
    write(example_journal / "people" / "nameless.md", "---\nroles: [teacher]\n---\n")
    serial = invoke("--journal", str(example_journal), "--no-cache", "list", "entries", "--format", "json")
    monkeypatch.setenv("PLN_PARALLEL_MIN_FILES", "2")
    parallel = invoke("--journal", str(example_journal), "--no-cache", "list", "entries", "--format", "json")
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr
    assert "2026-03-04-bad.md:3" in parallel.stderr and "people/nameless.md:1" in parallel.stderr
    assert parallel.stdout.count('"id":') == 96
