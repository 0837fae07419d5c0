"""`ops.batch`: several files changed as one; a failure half way puts every file back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from plnjournal.errors import PlnError
from plnjournal.journal.load import load
from plnjournal.journal.settings import find_journal
from plnjournal.model import Person
from plnjournal.ops.batch import all_or_nothing
from tests.helpers import Run


def test_a_failure_half_way_puts_every_file_back(pln: Run, journal: Path) -> None:
    for name in ("Jane Doe", "Tom Lee"):
        assert pln("add", "person", name, "-m", "Notes\r\nkept byte for byte\r\n").exit_code == 0
    before = {path: path.read_bytes() for path in (journal / "people").iterdir()}
    handle = find_journal(journal)
    jane, tom = sorted(load(journal, ("person",)).of("person"), key=lambda record: record.id)
    with pytest.raises(PlnError, match="disk full"), all_or_nothing(handle) as batch:
        batch.create(Person(id="jane-smith", name="Jane Smith"))
        batch.save(dataclasses.replace(tom, roles=("coach",)))
        batch.remove(jane.path)
        assert not (journal / jane.path).exists() and (journal / "people" / "jane-smith.md").exists()
        raise PlnError("disk full")
    assert {path: path.read_bytes() for path in (journal / "people").iterdir()} == before


def test_a_batch_that_succeeds_says_what_it_wrote(pln: Run, journal: Path) -> None:
    assert pln("add", "person", "Jane Doe").exit_code == 0
    handle = find_journal(journal)
    (jane,) = load(journal, ("person",)).of("person")
    with all_or_nothing(handle) as batch:
        batch.create(Person(id="jane-smith", name="Jane Smith"))
        assert batch.save(jane) is False  # same bytes: not written, not listed
        batch.remove(jane.path)
    change = batch.change("rename")
    assert (change.written, change.removed) == (("people/jane-smith.md",), ("people/jane-doe.md",))
