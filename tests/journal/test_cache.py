"""The parsed-records cache in .pln/: same output as --no-cache whatever happens to the files,
never trusted when damaged, safe with two writers; parallel parsing gives the serial result."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from plnjournal.journal import cache
from tests.helpers import invoke, write
from tests.helpers.gitrepo import git

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
        ("list", "entries", "--format", "csv"),  # (JSON may be a kept output: this reads the rows)
        ("list", "people", "--format", "json"),
        ("report", "--growth", "--format", "json"),
        ("status", "--format", "json"),
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
    assert cache.index_file(example_journal).name == "index.sqlite"


def test_no_cache_neither_reads_nor_writes_it(example_journal: Path) -> None:
    result = invoke("--journal", str(example_journal), "--no-cache", "list", "entries")
    assert result.exit_code == 0
    assert not (example_journal / ".pln" / "index.sqlite").exists()


@pytest.fixture(params=["one walk", "in halves"])
def walks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stat walk as a small journal makes it, and in two halves at once as a big one does."""
    if request.param == "in halves":
        monkeypatch.setenv("PLN_SPLIT_WALK_FROM", "0")


@pytest.mark.usefixtures("walks")
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


def test_pln_add_log_rename_and_rm_are_seen(example_journal: Path) -> None:
    root = str(example_journal)
    assert_same_as_no_cache(example_journal)
    steps = [
        ("add", "person", "Zqperson Added", "--no-commit", "--no-input"),
        ("log", "Zqlogged talk", "-m", "zqbody", "--no-commit"),
        ("rename", "beth-larsen", "beth-larsen-moe"),
        ("rm", "zqperson-added", "--yes"),
    ]
    for step in steps:
        result = invoke("--journal", root, *step)
        assert result.exit_code == 0, (step, result.stderr)
        seen = assert_same_as_no_cache(example_journal)
    assert "Zqlogged talk" in seen and "beth-larsen-moe" in seen and "Zqperson" not in seen


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


def _other_version(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {cache.FORMAT + 1}")


def _other_python(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = 'another python' WHERE key = 'rows'")


def _zeroed_pages(path: Path) -> None:
    """Pages inside the file zeroed, the header and schema left whole: SQLite notices only there."""
    data = path.read_bytes()
    path.write_bytes(data[:8192] + bytes(len(data) - 16384) + data[-8192:])


def _changed_row(path: Path) -> None:
    """A row whose bytes no longer match its digest: what a bad disk sector would leave."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE files SET packed = X'E9' || substr(packed, 2)")


def _changed_head(path: Path) -> None:
    """An entry's head (what reports and status read) whose bytes no longer match its digest."""
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE files SET head = X'E9' || substr(head, 2) WHERE head IS NOT NULL")


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
        lambda path: path.write_bytes(b"\x00garbage" * 1000),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(path.read_bytes()[:100] + bytes(4000) + path.read_bytes()[4100:]),
        _zeroed_pages,
        _other_version,
        _other_python,
        _changed_row,
        _changed_head,
    ],
    ids=[
        "truncated",
        "garbage",
        "empty",
        "zeroed-header",
        "zeroed-pages",
        "other-version",
        "other-python",
        "changed-row",
        "changed-head",
    ],
)
def test_a_damaged_index_is_rebuilt_not_trusted(example_journal: Path, damage) -> None:
    expected = assert_same_as_no_cache(example_journal)
    damage(cache.index_file(example_journal))
    assert assert_same_as_no_cache(example_journal) == expected
    assert len(cache.read(example_journal, "entry")) == 96
    assert assert_same_as_no_cache(example_journal) == expected


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--growth"),
        ("report", "--growth", "--format", "markdown"),
        ("report", "--engagement", "--format", "json"),
        ("report", "--impact", "--format", "json"),
        ("report", "--network", "--format", "json"),
        ("report", "--network", "--from", "2025-09-01", "--with", "beth-larsen"),
        ("report", "--growth", "--format", "json", "--where", "title~edcamp"),
        ("status",),
        ("next",),
        ("next", "--format", "json"),
    ],
)
def test_reports_and_status_from_entry_heads_are_the_same_as_no_cache(example_journal: Path, args) -> None:
    """Reports and status read entries' heads from the index (not bodies, not rare keys)."""
    write(
        example_journal / "entries" / "2026" / "2026-02-02-odd.md",
        "---\ndate: 2026-02-02\ntitle: Odd one\ngrowth: {wisdom: a new dimension}\nminutes: lots\n"
        "sponsor: District 12\ncourse: EDU 501\n---\nA body no report reads.\n",
    )
    invoke("--journal", str(example_journal), "list", "entries")
    settle()
    invoke("--journal", str(example_journal), "list", "entries")  # the index holds every file now
    cached, fresh = outputs(example_journal, *args)
    assert cached == fresh


@pytest.mark.parametrize("today", ["2026-03-01", "2026-11-20", "2031-09-01"])
def test_status_sums_up_old_entries_and_gives_what_a_whole_load_gives(
    example_journal: Path, today: str
) -> None:
    """Entries older than about a year come as totals from the index (journal/earlier.py): the
    streak, the newest entry, open intentions, dormant ties, keep in touch and a fortnightly
    schedule's anchor all count them, and a file changed since it was indexed is loaded instead."""
    root = example_journal
    write(root / "spaces" / "book-club.md", "---\nname: Book club\nschedule: every other Tuesday 7pm\n---\n")
    for day, title in (("2025-09-09", "Book club one"), ("2025-09-23", "Book club two")):  # odd weeks
        write(
            root / "entries" / "2025" / f"{day}-club.md",
            f"---\ndate: {day}\ntitle: {title}\nspace: book-club\npeople: [Rachel Kim]\nnext: Try it\n---\n",
        )
    write(root / "people" / "old-friend.md", "---\nname: Old Friend\ncadence: 30d\n---\n")
    write(root / "entries" / "2025" / "2025-09-30-odd.md", "---\ndate: 2025-09-30\nminutes: lots\n---\n")
    write(
        root / "entries" / "2025" / "2025-10-01-private.md",
        "---\ndate: 2025-10-01\ntitle: Quiet\npeople: [old-friend]\nprivate: true\n---\n",
    )
    invoke("--journal", str(root), "list", "entries")
    settle()
    invoke("--journal", str(root), "list", "entries")  # every file indexed
    changed = root / "entries" / "2025" / "2025-10-01-private.md"
    changed.write_text(changed.read_text().replace("title: Quiet", "title: Quiet\nnext: Call back"))
    from plnjournal.journal.load import load
    from plnjournal.journal.refs import Index
    from plnjournal.journal.settings import find_journal
    from plnjournal.reports.status import read_needed
    from plnjournal.reports.upcoming import upcoming

    loaded = read_needed(find_journal(root), dt.date.fromisoformat(today))  # the edit not indexed yet
    assert (loaded.earlier is None) == (today == "2026-03-01")  # no entry is 400 days old then
    if loaded.earlier is not None:
        assert changed.relative_to(root).as_posix() in {entry.path for entry in loaded.entries}
        assert len(loaded.entries) < 96
        whole = load(root)  # the schedule's anchor: the club met in odd weeks, only in summed-up entries
        day = dt.date.fromisoformat(today)
        assert upcoming(loaded, Index(loaded.records), day, 60) == upcoming(
            whole, Index(whole.records), day, 60
        )
    env = {"PLN_TODAY": today}
    for args in (("status", "--format", "json"), ("status",)):
        cached = invoke("--journal", str(root), *args, env=env)
        fresh = invoke("--journal", str(root), "--no-cache", *args, env=env)
        assert cached.exit_code == fresh.exit_code == 0, cached.stderr
        assert cached.stdout + cached.stderr == fresh.stdout + fresh.stderr
        assert "2025-09-30-odd.md:3: minutes" in cached.stderr  # an old file's problem is still told


def test_an_entry_head_has_no_body_and_says_so_when_asked() -> None:
    import datetime as dt

    from plnjournal.journal.packed import HEAD_FIELDS, head, pack, unpack_head
    from plnjournal.model import Entry

    entry = Entry(id="e", path="entries/2026/e.md", date=dt.date(2026, 1, 2), body="text", minutes=5)
    found, problems = unpack_head(head(pack("entry", entry, [])))
    assert problems == [] and found is not None
    assert all(getattr(found, name) == getattr(entry, name) for name in HEAD_FIELDS)
    with pytest.raises(AttributeError):
        found.body  # noqa: B018 (reading it is the test)


def test_a_locked_index_is_waited_for_then_gone_without(example_journal: Path, monkeypatch) -> None:
    expected = assert_same_as_no_cache(example_journal)
    write(
        example_journal / "entries" / "2026" / "2026-03-01-new.md",
        ENTRY.format(day=1, title="Zqlocked", minutes=1, body=""),
    )
    settle()
    monkeypatch.setattr(cache, "BUSY_TIMEOUT", 0.1)
    holder = sqlite3.connect(cache.index_file(example_journal), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # another program holding the write lock
    try:
        cached, fresh = outputs(example_journal, "list", "entries", "--format", "json")
        assert cached == fresh and "Zqlocked" in cached and cached != expected
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Zqlocked" in assert_same_as_no_cache(example_journal)


def test_a_journal_whose_pln_folder_cannot_be_made_works_without_an_index(example_journal: Path) -> None:
    (example_journal / ".pln").write_text("not a folder")  # so .pln/index.sqlite cannot be made
    expected = assert_same_as_no_cache(example_journal)
    assert "Zqadded" not in expected
    write(
        example_journal / "entries" / "2026" / "2026-03-01-new.md",
        ENTRY.format(day=1, title="Zqadded", minutes=1, body=""),
    )
    assert "Zqadded" in assert_same_as_no_cache(example_journal)
    assert (example_journal / ".pln").read_text() == "not a folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_read_only_index_is_used_and_never_written(example_journal: Path) -> None:
    expected = assert_same_as_no_cache(example_journal)
    folder = example_journal / ".pln"
    folder.chmod(0o555)
    try:
        assert assert_same_as_no_cache(example_journal) == expected
    finally:
        folder.chmod(0o755)


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
    assert re.search(r"removed [1-3] cache file\(s\)", result.stderr)  # the index, -wal, -shm
    assert not list((example_journal / ".pln").glob("index*"))
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


def _commit_all(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", message)


@pytest.mark.usefixtures("walks")
def test_a_git_pull_merge_and_a_fresh_clone_are_seen(example_journal: Path, tmp_path: Path) -> None:
    git(example_journal, "init", "--quiet")
    (example_journal / ".gitignore").write_text(".pln/\n")  # as `pln init` writes it
    _commit_all(example_journal, "start")
    assert_same_as_no_cache(example_journal)
    other = tmp_path / "other"
    git(tmp_path, "clone", "--quiet", str(example_journal), str(other))
    shutil.copytree(example_journal / ".pln", other / ".pln")  # an index beside files with new mtimes
    talk = "entries/2025/2025-08-04-sschat-on-the-first-weeks-of-school.md"
    text = (other / talk).read_text().replace("title:", "title: Zqpulled", 1)
    (other / talk).write_text(text)
    assert "Zqpulled" in assert_same_as_no_cache(other)
    _commit_all(other, "edit on the other device")
    write(
        example_journal / "entries" / "2026" / "2026-03-01-here.md",
        ENTRY.format(day=1, title="Zqhere", minutes=1, body=""),
    )
    _commit_all(example_journal, "edit here")
    git(
        example_journal,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.org",
        "pull",
        "--quiet",
        "--no-rebase",
        "--no-edit",
        str(other),
    )
    seen = assert_same_as_no_cache(example_journal)
    assert "Zqpulled" in seen and "Zqhere" in seen


def test_a_hand_edit_in_an_editor_is_seen(example_journal: Path) -> None:
    talk = example_journal / "entries/2025/2025-08-04-sschat-on-the-first-weeks-of-school.md"
    assert_same_as_no_cache(example_journal)
    swapped = talk.with_name(talk.name + ".swp")
    swapped.write_text(talk.read_text().replace("title:", "title: Zqhand", 1))
    swapped.replace(talk)  # how vim and most editors save: a new file renamed over the old
    assert "Zqhand" in assert_same_as_no_cache(example_journal)


def test_no_cache_leaves_the_environment_alone_and_writes_no_cache(example_journal: Path) -> None:
    import os

    from tests.helpers import invoke

    result = invoke("--journal", str(example_journal), "--no-cache", "list", "entries", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert not (example_journal / ".pln" / cache.INDEX_FILE).exists()
    assert "PLN_NO_CACHE" not in os.environ


def test_pln_yaml_is_kept_in_the_index_and_an_edit_to_it_is_seen(example_journal: Path) -> None:
    config = example_journal / "pln.yaml"
    settle()
    for _ in range(2):
        assert "of 140 minutes" in invoke("--journal", str(example_journal), "status").stdout
    assert cache.settings_data(config) is not None  # kept: the YAML parser is not needed
    before = config.stat()
    config.write_text(config.read_text().replace("daily_minutes_goal: 20", "daily_minutes_goal: 30"))
    os.utime(config, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with its mtime put back
    assert cache.settings_data(config) is None
    cached, fresh = outputs(example_journal, "status")
    assert cached == fresh and "of 210 minutes" in cached


def test_no_cache_reads_pln_yaml_itself_not_the_index(example_journal: Path) -> None:
    import marshal

    config = example_journal / "pln.yaml"
    settle()
    for _ in range(2):  # the second run keeps pln.yaml's parse in the index
        assert "of 140 minutes" in invoke("--journal", str(example_journal), "status").stdout
    planted = {**cache.settings_data(config), "daily_minutes_goal": 99}  # as if the index said so
    with sqlite3.connect(example_journal / ".pln" / cache.INDEX_FILE) as index:
        blob = marshal.dumps((cache.stat_key(config.stat()), planted))
        index.execute("UPDATE meta SET value = ? WHERE key = 'settings'", (blob,))
        index.execute("DELETE FROM meta WHERE key LIKE 'kept output %'")  # status made anew
    assert "of 693 minutes" in invoke("--journal", str(example_journal), "status").stdout
    fresh = invoke("--journal", str(example_journal), "--no-cache", "status")
    assert "of 140 minutes" in fresh.stdout


def test_values_kept_from_a_thread_are_read_back_by_the_process_that_kept_them(example_journal: Path) -> None:
    """A first index's columns are written behind the command (cache.keep_together(behind=True)):
    a read that comes before the write has landed waits for it rather than finding nothing."""
    settle()
    invoke("--journal", str(example_journal), "status")  # an index to keep values in
    holder = sqlite3.connect(cache.index_file(example_journal), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another pln writing: the thread waits for it
    cache.keep_together(example_journal, {"a test": b"kept"}, behind=True)
    releasing = threading.Timer(0.3, holder.execute, ("COMMIT",))
    releasing.start()
    try:
        assert cache.kept(example_journal, "a test") == b"kept"
    finally:
        releasing.join()
        holder.close()
