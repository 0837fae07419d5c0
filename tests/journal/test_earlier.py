"""The totals of old entries kept in the index (journal/earlier.py): `pln status` and `pln next`
give what `--no-cache` gives whatever happens to the files summed up, and the kept totals are
used only while every one of those files is as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from plnjournal.journal import cache, earlier
from tests.helpers import invoke, write
from tests.journal.test_cache import settle

OLD = Path("entries") / "2025" / "2025-08-07-make-just-one-change-chapters-1-4.md"
TODAY = "2026-11-20"  # the entries before 2025-10-01 are summed up
KEPT = "summed up: dated"


def same_as_no_cache(root: Path, *args: str, today: str = TODAY) -> str:
    """`pln ARGS` with and without the index, checked equal (stdout and stderr); what was seen."""
    env = {"PLN_TODAY": today}
    cached = invoke("--journal", str(root), *args, env=env)
    fresh = invoke("--journal", str(root), "--no-cache", *args, env=env)
    assert cached.exit_code == fresh.exit_code == 0, cached.stderr
    assert cached.stdout + cached.stderr == fresh.stdout + fresh.stderr
    return cached.stdout + cached.stderr


def indexed(root: Path) -> Path:
    invoke("--journal", str(root), "list", "entries")
    settle()
    invoke("--journal", str(root), "list", "entries")  # every file indexed
    return root


def summing_ups(monkeypatch) -> list[str]:
    """The names `split` sums up from the index's rows (not from kept totals), as it does so."""
    calls: list[str] = []
    real = earlier._sum_up

    def spy(root, keys, needed):
        calls.append(needed.name)
        return real(root, keys, needed)

    monkeypatch.setattr(earlier, "_sum_up", spy)
    return calls


STATUS = [("status",), ("status", "--format", "json"), ("status", "--format", "html")]


@pytest.mark.parametrize("args", [*STATUS, ("next",), ("next", "--format", "json")])
def test_kept_totals_are_used_the_second_time_and_give_the_same_output(
    example_journal: Path, monkeypatch, args
) -> None:
    root = indexed(example_journal)
    calls = summing_ups(monkeypatch)
    first = same_as_no_cache(root, *args)
    assert len(calls) == 1
    name = calls[0]
    assert cache.kept(root, f"summed up: {name.split()[0]}") is not None
    assert same_as_no_cache(root, *args) == first
    assert calls == [name]  # the second time from the kept totals


@pytest.mark.parametrize("today", ["2026-03-01", "2026-07-15", TODAY, "2027-02-28", "2031-09-01"])
def test_status_on_many_days_is_the_same_as_no_cache(example_journal: Path, today: str) -> None:
    root = indexed(example_journal)
    for args in STATUS:
        same_as_no_cache(root, *args, today=today)
        same_as_no_cache(root, *args, today=today)


def test_a_day_a_month_on_sums_up_again_and_another_day_that_month_does_not(
    example_journal: Path, monkeypatch
) -> None:
    root = indexed(example_journal)
    calls = summing_ups(monkeypatch)
    for today in ("2026-11-29", "2026-12-01", "2026-12-20", "2026-12-25"):  # 400 days back: Oct, Oct, Nov
        same_as_no_cache(root, "status", today=today)
    assert calls == ["dated from 2025-10-01", "dated from 2025-11-01"]
    with sqlite3.connect(cache.index_file(root)) as connection:  # one kept sum for status, the newest
        assert connection.execute(
            "SELECT count(*) FROM meta WHERE key LIKE 'kept summed up%'"
        ).fetchone() == (1,)


def edit_by_hand(path: Path, old: str, new: str, *, put_mtime_back: bool = False) -> None:
    before = path.stat()
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    if put_mtime_back:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # like `touch -d` to the old time


@pytest.mark.parametrize("put_mtime_back", [False, True], ids=["edited", "mtime-put-back"])
def test_a_hand_edit_to_an_entry_summed_up_is_seen(example_journal: Path, put_mtime_back: bool) -> None:
    """Closing an old intention and naming someone new there: open intentions, keep in touch and
    dormant ties change, both in status and next, right after the edit and once it is indexed."""
    root = indexed(example_journal)
    for args in (*STATUS, ("next",)):
        same_as_no_cache(root, *args)
    before = same_as_no_cache(root, "status", "--format", "json")
    path = root / OLD
    edit_by_hand(path, "\nnext:", "\napplied: Did it\nnext:", put_mtime_back=put_mtime_back)
    for _ in range(2):
        for args in (*STATUS, ("next",), ("next", "--format", "json")):
            same_as_no_cache(root, *args)
        settle()
    assert same_as_no_cache(root, "status", "--format", "json") != before


def test_a_new_old_entry_and_a_removed_one_are_seen(example_journal: Path) -> None:
    root = indexed(example_journal)
    before = same_as_no_cache(root, "status", "--format", "json")
    write(
        root / "entries" / "2025" / "2025-08-30-late.md",
        "---\ndate: 2025-08-30\ntitle: Written up late\npeople: [Zq Newperson]\nnext: Try it\n---\n",
    )
    for args in (*STATUS, ("next",)):
        same_as_no_cache(root, *args)
    settle()
    for args in (*STATUS, ("next",)):
        same_as_no_cache(root, *args)
    (root / OLD).unlink()
    for args in (*STATUS, ("next",)):
        same_as_no_cache(root, *args)
    assert same_as_no_cache(root, "status", "--format", "json") != before


def _changed_kept(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = X'00' || substr(value, 2) WHERE key LIKE 'kept %'")


def _garbage_kept(path: Path) -> None:
    """A value whose check matches but whose bytes are not kept totals."""
    with sqlite3.connect(path) as connection:
        blob = b"not totals"
        connection.execute("UPDATE meta SET value = ? WHERE key LIKE 'kept %'", (cache.digest(blob) + blob,))


def _other_format(path: Path) -> None:
    import marshal

    with sqlite3.connect(path) as connection:
        kept = connection.execute("SELECT key, value FROM meta WHERE key LIKE 'kept %'").fetchall()
        for key, value in kept:
            state = (earlier.KEPT_FORMAT + 1, *marshal.loads(value[4:])[1:])
            blob = marshal.dumps(state)
            connection.execute("UPDATE meta SET value = ? WHERE key = ?", (cache.digest(blob) + blob, key))


@pytest.mark.parametrize("damage", [_changed_kept, _garbage_kept, _other_format])
def test_damaged_kept_totals_are_not_trusted(example_journal: Path, monkeypatch, damage) -> None:
    root = indexed(example_journal)
    expected = [same_as_no_cache(root, *args) for args in STATUS]
    assert cache.kept(root, KEPT) is not None
    damage(cache.index_file(root))
    calls = summing_ups(monkeypatch)
    assert [same_as_no_cache(root, *args) for args in STATUS] == expected
    assert calls[:1] == ["dated from 2025-10-01"]  # summed up again, and kept anew
    assert cache.kept(root, KEPT) is not None


def test_private_entries_summed_up_stay_out_of_a_shared_status(example_journal: Path) -> None:
    """`status --format html` leaves private entries out: those summed up too, and it says so."""
    root = indexed(example_journal)
    write(
        root / "entries" / "2025" / "2025-08-20-private.md",
        "---\ndate: 2025-08-20\ntitle: Zqsecret\npeople: [Zq Quiet]\nnext: Zqhidden\nprivate: true\n---\n",
    )
    indexed(root)
    for today in (TODAY, "2031-09-01"):
        seen = same_as_no_cache(root, "status", "--format", "html", today=today)
        assert "left out 3 private entries" in seen
        assert "Zq Quiet" not in seen
        shown = same_as_no_cache(root, "status", "--format", "html", "--include-private", today=today)
        assert "left out" not in shown
