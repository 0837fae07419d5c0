"""Crashes and parallel writers, with real processes: every file is old or new, never torn or lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.settings import open_journal
from tests.helpers import invoke, write

ENTRIES = 80


def pln_process(journal: Path, *args: str, **options) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "plnjournal", "--journal", str(journal), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def check(journal: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plnjournal", "--journal", str(journal), "check", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A journal without git (every write here is --no-commit)."""
    root = tmp_path / "journal"
    assert invoke("init", str(root), "--no-git").exit_code == 0
    return root


@pytest.fixture
def networked(journal: Path) -> Path:
    """Jane Doe, named by many entries: a rename rewrites them all."""
    write(journal / "people/jane-doe.md", "---\nname: Jane Doe\n---\n")
    for day in range(ENTRIES):
        date = f"2026-01-{day % 28 + 1:02d}"
        text = f"---\ndate: {date}\ntitle: Chat {day}\npeople: [jane-doe]\n---\n{'Notes. ' * 200}\n"
        write(journal / f"entries/2026/{date}-chat-{day}.md", text)
    return journal


def people_named_by_entries(journal: Path) -> set[str]:
    loaded = load(journal)
    assert [problem for problem in loaded.problems] == []
    assert len(loaded.entries) == ENTRIES
    return {person for entry in loaded.entries for person in entry.people}


def test_twenty_parallel_logs_make_twenty_entries(journal: Path) -> None:
    processes = [
        pln_process(
            journal, "log", "Edcamp Tulsa", "--date", "2026-01-05", "--no-commit", "-m", f"Writer {n}"
        )
        for n in range(20)
    ]
    results = [(process.wait(timeout=120), process.stdout.read()) for process in processes]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0] * 20
    paths = {out.strip() for _, out in results}
    assert len(paths) == 20
    bodies = {entry.body for entry in load(journal).entries}
    assert bodies == {f"Writer {n}\n" for n in range(20)}
    result = check(journal)
    assert (result.returncode, result.stdout) == (0, "[]\n")


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from plnjournal.journal.atomic import write_over

    path, texts = Path(sys.argv[1]), [Path(sys.argv[2]).read_text(), Path(sys.argv[3]).read_text()]
    write_over(path, texts[1])
    print("writing", flush=True)
    n = 0
    while True:
        n += 1
        write_over(path, texts[n % 2])
    """
)


def test_sigkill_while_rewriting_a_large_file_leaves_it_old_or_new(tmp_path: Path, journal: Path) -> None:
    old = "---\nname: Jane Doe\n---\n" + "old notes\n" * 150_000
    new = "---\nname: Jane Doe\nroles: [teacher]\n---\n" + "new notes\n" * 150_000
    texts = [write(tmp_path / "old.txt", old), write(tmp_path / "new.txt", new)]
    target = write(journal / "people/jane-doe.md", old)
    rng = random.Random(5)
    for _ in range(8):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), *map(str, texts)], stdout=subprocess.PIPE, text=True
        )
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        time.sleep(rng.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert target.read_text(encoding="utf-8") in (old, new)
        assert [person.id for person in load(journal).of("person")] == ["jane-doe"]
    result = check(journal)
    assert result.returncode == 0  # leftover temp files are warnings, never records
    assert {problem.split('"code": ')[1][:11] for problem in result.stdout.split("{")[1:]} <= {'"temp-file"'}


def test_sigkill_during_rename_never_loses_or_breaks_a_reference(networked: Path) -> None:
    rng = random.Random(7)
    for attempt in range(4):
        current = sorted(path.stem for path in (networked / "people").glob("*.md"))[0]
        rename = pln_process(networked, "rename", current, f"jane-{attempt}", "--no-commit")
        time.sleep(rng.uniform(0.3, 1.2))
        rename.send_signal(signal.SIGKILL)
        rename.wait()
        people = {path.stem for path in (networked / "people").glob("*.md")}
        assert people_named_by_entries(networked) <= people  # every reference still names a person
        result = check(networked)
        assert result.returncode == 0, result.stdout


def test_two_concurrent_renames_cannot_interleave(networked: Path) -> None:
    renames = [
        pln_process(networked, "rename", "jane-doe", new, "--no-commit") for new in ("jane-a", "jane-b")
    ]
    outcomes = sorted((process.wait(timeout=120), process.stderr.read()) for process in renames)  # type: ignore[union-attr]
    assert [code for code, _ in outcomes] == [0, 1]
    assert outcomes[1][1].startswith("pln: error: no record with the id 'jane-doe'")  # and the winner
    winner = {path.stem for path in (networked / "people").glob("*.md")}
    assert len(winner) == 1
    assert people_named_by_entries(networked) == winner
    assert check(networked).returncode == 0


EDITOR = "sh -c 'echo Edited. >> \"$0\"'"


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("rename", "jane-doe", "jane-d", "--no-commit"), {}),
        (("rm", "2026-01-01-chat-0", "--yes", "--no-commit"), {}),
        (("edit", "jane-doe", "--no-commit"), {"EDITOR": EDITOR}),
    ],
    ids=["rename", "rm", "edit"],
)
def test_read_modify_write_commands_wait_for_the_lock(
    networked: Path, args: tuple[str, ...], env: dict
) -> None:
    before = record_bytes(networked)
    with locked(open_journal(networked)):
        process = pln_process(networked, *args, env={**os.environ, **env})
        time.sleep(1.0)
        assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
        assert record_bytes(networked) == before
    assert process.wait(timeout=60) == 0, process.stderr.read()  # type: ignore[union-attr]
    assert record_bytes(networked) != before


def record_bytes(journal: Path) -> dict[Path, bytes]:
    """The journal's record files (not `.pln/`, where `pln edit` keeps the copy being edited)."""
    return {path: path.read_bytes() for path in journal.rglob("*.md") if ".pln" not in path.parts}


def test_log_checks_its_people_under_the_lock_so_a_rename_meanwhile_is_seen(networked: Path) -> None:
    log = ("log", "Chat", "--date", "2026-02-01", "--with", "jane-doe", "-m", "x", "--no-commit")
    with locked(open_journal(networked)):  # a rename holds the lock: it moves jane-doe meanwhile
        process = pln_process(networked, *log)
        time.sleep(1.0)
        assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
        (networked / "people/jane-doe.md").rename(networked / "people/jane-smith.md")
    assert process.wait(timeout=60) == 1
    assert "unknown person 'jane-doe'" in process.stderr.read()  # type: ignore[union-attr]
    assert not list((networked / "entries").rglob("*-chat.md"))


def test_a_writer_that_waits_too_long_says_who_holds_the_journal(
    networked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second writer waits for the lock, then gives up with one line naming it; the lock is
    the system's on `.pln/lock`, so a killed holder would have let it go."""
    from plnjournal.journal import lock

    monkeypatch.setattr(lock, "LOCK_TIMEOUT", 0.3)
    before = record_bytes(networked)
    with locked(open_journal(networked)):
        result = invoke("--journal", str(networked), "rename", "jane-doe", "jane-d", "--no-commit")
    assert result.exit_code == 1
    held = networked / ".pln" / "lock"
    assert result.stderr.strip() == f"pln: error: another pln is writing this journal ({held})"
    assert record_bytes(networked) == before
    after = pln_process(networked, "rename", "jane-doe", "jane-d", "--no-commit")
    assert after.wait(timeout=60) == 0, after.stderr.read()  # type: ignore[union-attr]
    assert (networked / "people/jane-d.md").exists()  # the lock was let go
