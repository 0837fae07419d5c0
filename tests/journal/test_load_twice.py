"""A kind loaded twice in one process while nothing changed comes back as it was (`pln log` loads
people, spaces, tools and goals to ask, then again under the lock); any change is seen."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from plnjournal.journal import cache
from plnjournal.journal.load import load
from plnjournal.journal.lookup import NAMED_KINDS
from plnjournal.journal.settings import open_journal
from tests.helpers import invoke, write
from tests.journal.test_cache import settle


def people(root: Path) -> dict[str, object]:
    return {person.id: person for person in load(root, ("person",)).records["person"]}


def warm(root: Path) -> dict[str, object]:
    """Index the journal, let it settle, and load the people once."""
    invoke("--journal", str(root), "list", "people")
    settle()
    return people(root)


def test_a_second_load_with_nothing_changed_gives_the_same_records(example_journal: Path) -> None:
    first = warm(example_journal)
    again = people(example_journal)
    assert again == first
    assert all(again[name] is first[name] for name in first)  # not read from the index again


def test_an_edit_an_added_file_and_a_removed_one_are_seen(example_journal: Path) -> None:
    first = warm(example_journal)
    beth = example_journal / "people" / "beth-larsen.md"
    renamed = beth.read_text(encoding="utf-8").replace("Beth Larsen", "Beth Larsen-Ode")
    beth.write_text(renamed, encoding="utf-8")
    edited = people(example_journal)
    assert edited["beth-larsen"].name == "Beth Larsen-Ode"
    assert edited["beth-larsen"] is not first["beth-larsen"]
    write(example_journal / "people" / "new-person.md", "---\nname: New Person\n---\n")
    assert "new-person" in people(example_journal)
    (example_journal / "people" / "chris-delgado.md").unlink()
    assert "chris-delgado" not in people(example_journal)


def test_an_index_written_or_damaged_since_is_read_again(example_journal: Path) -> None:
    first = warm(example_journal)
    index = cache.index_file(example_journal)
    with sqlite3.connect(index) as connection:  # another process's write
        connection.execute("DELETE FROM files WHERE path = 'people/beth-larsen.md'")
    again = people(example_journal)
    assert again == first
    assert again["beth-larsen"] is not first["beth-larsen"]  # parsed again, as the index lacks it
    index.write_bytes(b"not an index")
    assert people(example_journal) == first


def test_no_cache_always_parses(example_journal: Path) -> None:
    warm(example_journal)
    uncached = open_journal(example_journal, use_cache=False)
    first = load(uncached, NAMED_KINDS).records["person"]
    again = load(uncached, NAMED_KINDS).records["person"]
    assert again == first
    assert all(a is not b for a, b in zip(again, first, strict=True))


def test_pln_log_on_a_warm_journal_names_people_as_before(example_journal: Path) -> None:
    warm(example_journal)
    journal = str(example_journal)
    printed = invoke("--journal", journal, "log", "Coffee", "--with", "Beth Larsen", "--no-commit")
    entry = example_journal / printed.stdout.strip()
    assert "people: [beth-larsen]" in entry.read_text(encoding="utf-8")


def test_loading_kinds_one_after_another_does_not_make_them_read_again(example_journal: Path) -> None:
    """Each read of the index opens it, which resets its empty write-ahead log (it stays once a
    reader has made it): that moves the log's ctime only, nothing was written, so a second load
    of people after spaces were read is still the first one's."""
    warm(example_journal)
    load(example_journal, ("person", "space"))  # indexes the spaces
    first = load(example_journal, ("person", "space")).records
    again = load(example_journal, ("person", "space")).records
    assert again == first
    assert all(one is other for kind in first for one, other in zip(first[kind], again[kind], strict=True))


def test_a_space_s_sessions_and_a_reflection_s_dates_are_kept_in_the_index(tmp_path: Path) -> None:
    """Several dates in one key (a space's `sessions`, a reflection's `applied_on`) are indexed like
    one date: before, such a file could not be kept and was parsed again by every command."""
    root = tmp_path / "journal"
    write(root / "pln.yaml", "daily_minutes_goal: 20\n")
    space = "---\nname: Edcamp\nkind: unconference\nsessions:\n- 2026-10-17\n---\n"
    write(root / "spaces" / "edcamp.md", space)
    write(
        root / "reflections" / "2026-06-30-term.md",
        "---\ndate: 2026-06-30\nnext: [Try retakes]\napplied: {Try retakes: Did it}\n"
        "applied_on: {Try retakes: 2026-09-01}\n---\n",
    )
    invoke("--journal", str(root), "list", "spaces")
    settle()
    first = load(root, ("space", "reflection")).records
    with sqlite3.connect(cache.index_file(root)) as connection:
        kept = {path for (path,) in connection.execute("SELECT path FROM files")}
    assert kept == {"spaces/edcamp.md", "reflections/2026-06-30-term.md"}
    fresh = load(open_journal(root, use_cache=False), ("space", "reflection")).records
    assert first == fresh
    assert first["space"][0].sessions == (dt.date(2026, 10, 17),)
    assert first["reflection"][0].applied_on == {"Try retakes": dt.date(2026, 9, 1)}
