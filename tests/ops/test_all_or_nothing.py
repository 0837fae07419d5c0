"""A change to several files is all or nothing: `pln rename` and `pln rm --force` that fail
part-way (a file-size limit, an immutable file) leave every file as it was, and a retry works."""

from __future__ import annotations

import contextlib
import resource
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import Run, write

LIMIT = 4096  # bytes: every file a rename writes is smaller, but for one big entry
JANE = "---\nname: Jane Doe\n---\n"


@pytest.fixture
def jane_everywhere(journal: Path) -> Path:
    """Jane, named by three small entries and one too big to rewrite under LIMIT."""
    write(journal / "people/jane-doe.md", JANE)
    for day in (1, 2, 4):
        write(
            journal / f"entries/2026/2026-01-0{day}-chat.md",
            f"---\ndate: 2026-01-0{day}\npeople: [jane-doe]\n---\nx\n",
        )
    big = "---\ndate: 2026-01-03\npeople: [Jane Doe]\n---\n" + "Long notes.\n" * 1000
    write(journal / "entries/2026/2026-01-03-chat.md", big)
    return journal


def files(journal: Path) -> dict[str, bytes]:
    """Every file of the journal but pln's cache and git's own, by path."""
    return {
        path.relative_to(journal).as_posix(): path.read_bytes()
        for path in sorted(journal.rglob("*"))
        if path.is_file() and not {".git", ".pln"} & set(path.relative_to(journal).parts)
    }


def pln_limited(journal: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """pln in its own process, unable to write a file over LIMIT bytes (as on a full disk)."""
    return subprocess.run(
        [sys.executable, "-m", "plnjournal", "--journal", str(journal), *args],
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT)),
        check=False,
    )


def test_a_rename_that_cannot_write_one_file_changes_nothing(pln: Run, jane_everywhere: Path) -> None:
    before = files(jane_everywhere)
    result = pln_limited(jane_everywhere, "rename", "jane-doe", "jane-smith", "--no-commit")
    assert result.returncode == 1
    assert result.stderr == (
        "pln: error: cannot write entries/2026/2026-01-03-chat.md: File too large; nothing was changed\n"
    )
    assert files(jane_everywhere) == before  # no new record, no entry half pointing at it, no temp file
    retry = pln("rename", "jane-doe", "jane-smith", "--no-commit")
    assert retry.exit_code == 0, retry.stderr
    assert "people/jane-smith.md" in files(jane_everywhere) and "people/jane-doe.md" not in files(
        jane_everywhere
    )
    assert pln("check").exit_code == 0


def test_rm_force_that_cannot_write_one_file_changes_nothing(jane_everywhere: Path) -> None:
    before = files(jane_everywhere)
    result = pln_limited(jane_everywhere, "rm", "jane-doe", "--force", "--yes", "--no-commit")
    assert result.returncode == 1 and result.stderr.endswith("File too large; nothing was changed\n")
    assert files(jane_everywhere) == before


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`chattr +i`: not even root may replace, link or remove the file (skips where unsupported)."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip(f"cannot make a file immutable here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_rename_whose_old_file_cannot_be_removed_changes_nothing(pln: Run, jane_everywhere: Path) -> None:
    before = files(jane_everywhere)
    with immutable(jane_everywhere / "people/jane-doe.md"):
        result = pln("rename", "jane-doe", "jane-smith", "--no-commit")
        assert (result.exit_code, result.stderr) == (
            1,
            "pln: error: cannot write people/jane-doe.md: Operation not permitted; nothing was changed\n",
        )
        assert files(jane_everywhere) == before
    assert pln("rename", "jane-doe", "jane-smith", "--no-commit").exit_code == 0


def test_rm_force_with_one_referrer_that_cannot_change_changes_nothing(
    pln: Run, jane_everywhere: Path
) -> None:
    before = files(jane_everywhere)
    with immutable(jane_everywhere / "entries/2026/2026-01-04-chat.md"):
        result = pln("rm", "jane-doe", "--force", "--yes", "--no-commit")
        assert result.exit_code == 1
        assert result.stderr.endswith("2026-01-04-chat.md: Operation not permitted; nothing was changed\n")
        assert files(jane_everywhere) == before


def test_a_log_that_cannot_write_its_entry_leaves_no_person_it_made(journal: Path) -> None:
    before = files(journal)
    long_notes = "Long notes. " * 1000
    result = pln_limited(journal, "log", "Chat", "--with", "Maria Soto", "--add-missing", "-m", long_notes)
    assert result.returncode == 1
    assert result.stderr.endswith("File too large\n") and result.stderr.count("\n") == 1
    assert files(journal) == before  # no people/maria-soto.md without the entry that named her
